package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * The publication's service level passed with the information not published: recorded as the service level exceeded
 * (never as a breach of the regulation), the department and the secretariat are told. The task stays open.
 */
@Component("escalatePublication")
public class EscalatePublicationDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public EscalatePublicationDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.publicationOverdue(MEETING_KEY.get(execution)));
  }
}
