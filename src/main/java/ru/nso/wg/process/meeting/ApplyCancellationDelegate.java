package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.CANCEL_REASON;
import static ru.nso.wg.process.MeetingProcess.Vars.DATE_REQUEST_ID;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** Cancellation: recorded with its reason; those already invited get a cancellation (ICS METHOD:CANCEL). */
@Component("applyCancellation")
public class ApplyCancellationDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public ApplyCancellationDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.cancel(MEETING_KEY.get(execution), CANCEL_REASON.get(execution),
        DATE_REQUEST_ID.find(execution).map(Integer::longValue).orElse(null)));
  }
}
