package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * § 14: the agenda with a calendar invitation to every member, a notice to every invitee. A retried job sends nothing
 * twice (the delivery log keeps every recipient).
 */
@Component("sendAgenda")
public class SendAgendaDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public SendAgendaDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.distributeAgenda(MEETING_KEY.get(execution)));
  }
}
