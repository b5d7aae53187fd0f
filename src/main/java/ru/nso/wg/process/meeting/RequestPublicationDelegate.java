package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 19: the information about the meeting to the information-policy department, for publication. */
@Component("requestPublication")
public class RequestPublicationDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public RequestPublicationDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.requestPublication(MEETING_KEY.get(execution)));
  }
}
