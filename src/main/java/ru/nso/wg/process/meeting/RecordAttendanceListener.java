package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.Invitee;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.ReplyAnswer;
import ru.nso.wg.roster.Roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_ATTEMPT;
import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_FORECAST;
import static ru.nso.wg.process.MeetingProcess.Vars.CHAIR_USER_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.CURRENT_PRESIDING;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_FORM;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_REF;
import static ru.nso.wg.process.MeetingProcess.Vars.AUDIO_RECORDING;
import static ru.nso.wg.process.MeetingProcess.Vars.INVITEES_PRESENT;
import static ru.nso.wg.process.MeetingProcess.Vars.INVITEE_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_BY_VIDEO;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESENT_IN_PERSON;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_ON_DAY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_USER_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.QUORUM_NEEDED;
import static ru.nso.wg.process.MeetingProcess.Vars.ROSTER_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.ROSTER_SIZE;

/**
 * § 10, § 11, § 15, § 18: who is present (chosen from the roster, not typed), who presides (the person named at
 * confirmation, or another chair or deputy chair on the chair's instruction), and the audio recording.
 */
@Component("recordAttendanceListener")
public class RecordAttendanceListener extends FormTask {

  private final MeetingConduct conduct;
  private final MeetingRecord record;
  private final Roster roster;
  private final IdentityService identity;
  private final AttendanceReplies replies;

  public RecordAttendanceListener(MeetingConduct conduct, MeetingRecord record, Roster roster,
      IdentityService identity, AttendanceReplies replies) {
    this.replies = replies;
    this.conduct = conduct;
    this.record = record;
    this.roster = roster;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    Map<String, String> members = new LinkedHashMap<>();
    List<Roster.Person> people = roster.members();
    people.forEach(p -> members.put(p.id(), p.fullName() + switch (p.role()) {
      case CHAIR -> " — председатель";
      case DEPUTY_CHAIR -> " — заместитель председателя";
      case MEMBER -> "";
    }));
    ROSTER_OPTIONS.set(task, FormValues.options(members));
    ROSTER_SIZE.set(task, people.size());
    QUORUM_NEEDED.set(task, conduct.quorumNeeded(people.size()));
    Map<String, String> chairs = new LinkedHashMap<>();
    people.stream().filter(p -> p.role() != Roster.Role.MEMBER).forEach(p -> chairs.put(p.id(), p.fullName()
        + (p.role() == Roster.Role.CHAIR ? " — председатель" : " — заместитель председателя")));
    PRESIDING_OPTIONS.set(task, FormValues.options(chairs));
    String planned = record.get(key).presidingUserId();
    CURRENT_PRESIDING.set(task, planned);
    PRESIDING_ON_DAY.set(task, planned);
    CHAIR_USER_ID.set(task, people.stream().filter(p -> p.role() == Roster.Role.CHAIR).map(Roster.Person::id)
        .findFirst().orElse(null));
    INSTRUCTION_FORM.set(task, null);
    INSTRUCTION_REF.set(task, null);
    INSTRUCTION_DATE.set(task, null);
    Map<String, String> invitees = new LinkedHashMap<>();
    List<Invitee> list = record.invitees(key);
    for (int i = 0; i < list.size(); i++) {
      Invitee invitee = list.get(i);
      invitees.put(String.valueOf(i + 1), invitee.fullName()
          + (invitee.organisation() == null ? "" : " (" + invitee.organisation() + ")"));
    }
    INVITEE_OPTIONS.set(task, FormValues.options(invitees));
    // the marks start from the members' replies for this start (a postponed meeting's earlier replies do not count);
    // the secretariat corrects them
    ATTENDANCE_ATTEMPT.set(task, record.attendanceAttempt(key) + 1);
    PRESENT_IN_PERSON.set(task, FormValues.array(
        replies.membersAnswering(key, ReplyAnswer.IN_PERSON).stream().filter(members::containsKey).toList()));
    PRESENT_BY_VIDEO.set(task, FormValues.array(
        replies.membersAnswering(key, ReplyAnswer.BY_VIDEO).stream().filter(members::containsKey).toList()));
    ATTENDANCE_FORECAST.setLocal(task, replies.forecast(key).text());
    INVITEES_PRESENT.set(task, FormValues.emptyArray());
  }

  @Override
  protected void accept(DelegateTask task) {
    conduct.recordAttendance(MEETING_KEY.get(task), ATTENDANCE_ATTEMPT.get(task),
        FormValues.strings(PRESENT_IN_PERSON, task), FormValues.strings(PRESENT_BY_VIDEO, task),
        FormValues.numbers(INVITEES_PRESENT, task),
        AUDIO_RECORDING.find(task).orElse(null), PresidingFields.read(task), FormValues.currentUser(identity));
    // from now on the presiding person confirms outcomes and, presiding at the end, signs the minutes
    PRESIDING_USER_ID.set(task, record.get(MEETING_KEY.get(task)).presidingUserId());
  }
}
