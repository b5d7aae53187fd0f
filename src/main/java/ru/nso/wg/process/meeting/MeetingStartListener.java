package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormValues;

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
    MeetingScheduling.Schedule schedule = ScheduleVariables.read(execution);
    MeetingRef ref = scheduling.create(schedule, execution.getProcessInstanceId(), FormValues.currentUser(identity));
    execution.setProcessBusinessKey(ref.key());
    MEETING_KEY.set(execution, ref.key());
    MEETING_NUMBER.set(execution, ref.number());
    ScheduleVariables.write(execution, ref, scheduling.validate(schedule));
  }
}
