package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineTimers;
import ru.nso.wg.notification.MeetingMail;
import ru.nso.wg.process.MeetingProcess;

import static ru.nso.wg.process.MeetingProcess.Vars.DATE_REQUEST_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.NEW_MEETING_START;
import static ru.nso.wg.process.MeetingProcess.Vars.POSTPONE_REASON;

/**
 * Postponement: the new date goes into the record and the process, and everything counted from the date follows it
 * by the same machinery as a calendar change — the instance's waiting timers and its open tasks' due and follow-up
 * dates are evaluated again from their definitions; those who already hold the invitation get an update. It comes
 * from a request the chair approved ({@code bpmn/wg-meeting-postpone.bpmn}).
 */
@Component("applyPostponement")
public class ApplyPostponementDelegate implements JavaDelegate {

  private final MeetingMail mail;
  private final DeadlineTimers deadlines;

  public ApplyPostponementDelegate(MeetingMail mail, DeadlineTimers deadlines) {
    this.mail = mail;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MeetingMail.Postponement postponement = mail.postpone(MEETING_KEY.get(execution),
        NEW_MEETING_START.get(execution), POSTPONE_REASON.get(execution),
        DATE_REQUEST_ID.find(execution).map(Integer::longValue).orElse(null));
    MeetingProcess.writeSchedule(execution, postponement.postponed().planned());
    MeetingProcess.writeDueTexts(execution, postponement.postponed().agendaDue(),
        postponement.postponed().distributionDue());
    deadlines.recalculate(execution.getProcessInstanceId());
    DeliveryGaps.show(execution, postponement.gaps());
  }
}
