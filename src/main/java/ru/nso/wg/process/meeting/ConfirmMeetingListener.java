package ru.nso.wg.process.meeting;

import ru.nso.wg.common.Refusal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.process.FormValues;

import java.util.LinkedHashMap;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.DEPUTY_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_DEPUTY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_INSTRUCTION;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_MODE;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_USER_ID;

/** § 7, § 10: the chair confirms date, format and invitees, and who presides. */
@Component("confirmMeetingListener")
public class ConfirmMeetingListener implements TaskListener {

  static final String CHAIR_PRESIDES = "SELF";

  private final MeetingScheduling scheduling;
  private final Roster roster;
  private final IdentityService identity;

  public ConfirmMeetingListener(MeetingScheduling scheduling, Roster roster, IdentityService identity) {
    this.scheduling = scheduling;
    this.roster = roster;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Map<String, String> deputies = new LinkedHashMap<>();
      roster.deputies().forEach(d -> deputies.put(d.id(), d.shortName() + " — " + (d.position() == null ? "заместитель председателя" : d.position())));
      DEPUTY_OPTIONS.set(task, FormValues.options(deputies));
      return;
    }
    String key = MEETING_KEY.get(task);
    MeetingScheduling.Schedule schedule = ScheduleVariables.read(task);
    boolean chairPresides = CHAIR_PRESIDES.equals(PRESIDING_MODE.find(task).orElse(null));
    if (PRESIDING_MODE.find(task).isEmpty()) {
      throw new Refusal("Укажите, кто председательствует на заседании");
    }
    MeetingScheduling.Presiding presiding = scheduling.confirm(key, schedule, chairPresides,
        PRESIDING_DEPUTY.find(task).orElse(null), PRESIDING_INSTRUCTION.find(task).orElse(null),
        FormValues.currentUser(identity));
    PRESIDING_USER_ID.set(task, presiding.person().id());
    ScheduleVariables.write(task, MeetingRef.parse(key), scheduling.validate(schedule));
  }
}
