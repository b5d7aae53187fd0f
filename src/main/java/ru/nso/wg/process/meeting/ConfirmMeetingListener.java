package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.CarriedItems;
import ru.nso.wg.meeting.ChairPowers;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingScheduling.PresidingChoice;
import ru.nso.wg.meeting.MeetingSecretary;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.util.LinkedHashMap;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.CARRIED_ITEMS;
import static ru.nso.wg.process.MeetingProcess.Vars.CARRIED_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.DEPUTY_OPTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_SECRETARY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_DEPUTY;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_INSTRUCTION;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_MODE;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_USER_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.SECRETARY_OPTIONS;

/** § 7, § 10: the chair confirms date, format and invitees, and who presides. */
@Component("confirmMeetingListener")
public class ConfirmMeetingListener extends FormTask {

  private final MeetingScheduling scheduling;
  private final ChairPowers chairPowers;
  private final CarriedItems carriedItems;
  private final Roster roster;
  private final IdentityService identity;
  private final MeetingSecretary secretaries;

  public ConfirmMeetingListener(MeetingScheduling scheduling, ChairPowers chairPowers, CarriedItems carriedItems,
                                Roster roster, IdentityService identity, MeetingSecretary secretaries) {
    this.secretaries = secretaries;
    this.scheduling = scheduling;
    this.chairPowers = chairPowers;
    this.carriedItems = carriedItems;
    this.roster = roster;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    Map<String, String> deputies = new LinkedHashMap<>();
    roster.deputies().forEach(d -> deputies.put(d.id(), d.shortName() + " — "
        + (d.position() == null ? "заместитель председателя" : d.position())));
    DEPUTY_OPTIONS.set(task, FormValues.options(deputies));
    Map<String, String> secretaryOptions = new LinkedHashMap<>();
    secretaries.candidates().forEach(p -> secretaryOptions.put(p.id(), p.shortName()
        + (p.position() == null ? "" : " — " + p.position())));
    SECRETARY_OPTIONS.set(task, FormValues.options(secretaryOptions));
    secretaries.offered(MEETING_KEY.get(task)).ifPresent(id -> MEETING_SECRETARY.set(task, id));
    // § 15: the items of earlier meetings not decided for lack of quorum
    Map<String, String> carried = new LinkedHashMap<>();
    SpinJsonNode chosen = Spin.JSON("[]");
    for (CarriedItems.Carried c : carriedItems.offered(MEETING_KEY.get(task))) {
      carried.put(c.value(), c.label());
      if (c.toKey() != null) {
        chosen.append(c.value()); // chosen at an earlier confirmation of this meeting (a sitting without quorum)
      }
    }
    CARRIED_OPTIONS.set(task, FormValues.options(carried));
    if (!chosen.elements().isEmpty()) {
      CARRIED_ITEMS.set(task, chosen);
    }
    // § 10: while the chair's instruction covers today, the chair's task goes to the deputy it names; otherwise it is
    // assigned to the chair (issue 16: in «Мои задачи», no claiming), the chair's office keeps it in its group
    ChairPowers.Holder holder = chairPowers.chairTaskCreated(MEETING_KEY.get(task),
        "Подтвердить дату, формат и приглашённых");
    if (holder.byInstruction()) {
      task.deleteCandidateGroup(RosterGroups.CHAIR);
    }
    task.setAssignee(holder.userId());
  }

  @Override
  protected void accept(DelegateTask task) {
    MeetingScheduling.Confirmed confirmed = scheduling.confirm(MEETING_KEY.get(task), ScheduleVariables.read(task),
        FormValues.choice(PresidingChoice.class, PRESIDING_MODE.find(task).orElse(null)),
        PRESIDING_DEPUTY.find(task).orElse(null), PRESIDING_INSTRUCTION.find(task).orElse(null),
        FormValues.strings(CARRIED_ITEMS, task), FormValues.currentUser(identity));
    secretaries.designate(MEETING_KEY.get(task), MEETING_SECRETARY.find(task).orElse(null));
    PRESIDING_USER_ID.set(task, confirmed.presiding().person().id());
    MeetingProcess.writeSchedule(task, confirmed.planned());
  }
}
