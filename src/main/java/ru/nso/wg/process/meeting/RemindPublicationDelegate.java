package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;
import ru.nso.wg.notification.TaskMessages;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** The publication's service level (not a deadline of the regulation) is near: the department is reminded. */
@Component("remindPublication")
public class RemindPublicationDelegate implements JavaDelegate {

  private final MeetingMail mail;
  private final TaskMessages holders;

  public RemindPublicationDelegate(MeetingMail mail, TaskMessages holders) {
    this.mail = mail;
    this.holders = holders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution, mail.remindPublication(MEETING_KEY.get(execution),
        ReminderHolders.of(execution, holders)));
  }
}
