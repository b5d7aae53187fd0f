package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 19: copies of the signed minutes to members and invitees. */
@Component("sendMinutesCopies")
public class SendMinutesCopiesDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public SendMinutesCopiesDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.sendMinutesCopies(MEETING_KEY.get(execution)));
  }
}
