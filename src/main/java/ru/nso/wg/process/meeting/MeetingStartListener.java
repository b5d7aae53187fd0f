package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_NUMBER;

/**
 * Start of a meeting: checks the requested schedule (refusing a past date or one too close to meet § 13, so
 * the start dialog shows the reason and nothing is started), gives the meeting its number of the year and
 * makes that its business key.
 */
@Component("meetingStartListener")
public class MeetingStartListener implements ExecutionListener {

  private final MeetingScheduling scheduling;
  private final IdentityService identity;

  public MeetingStartListener(MeetingScheduling scheduling, IdentityService identity) {
    this.scheduling = scheduling;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateExecution execution) {
    MeetingScheduling.Planned planned = scheduling.create(ScheduleVariables.read(execution),
        execution.getProcessInstanceId(), FormValues.currentUser(identity));
    execution.setProcessBusinessKey(planned.ref().key());
    MEETING_KEY.set(execution, planned.ref().key());
    MEETING_NUMBER.set(execution, planned.ref().number());
    MeetingProcess.writeSchedule(execution, planned);
  }
}
