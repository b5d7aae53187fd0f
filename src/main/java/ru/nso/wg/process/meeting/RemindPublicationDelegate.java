package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** The publication's service level (not a deadline of the regulation) is near: the department is reminded. */
@Component("remindPublication")
public class RemindPublicationDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public RemindPublicationDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.remindPublication(MEETING_KEY.get(execution)));
  }
}
