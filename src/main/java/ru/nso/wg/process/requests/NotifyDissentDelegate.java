package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.StaffRequestProcesses.DISSENT_ID;

/**
 * § 17: the secretariat is told of the dissenting opinion just recorded and of the edition of the minutes that now
 * contains it. A job of its own (asynchronous before), so a mail server that is down delays the message, not the
 * member's filing.
 */
@Component("notifyDissent")
public class NotifyDissentDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public NotifyDissentDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.dissentFiled(execution.getProcessBusinessKey(), DISSENT_ID.get(execution));
  }
}
