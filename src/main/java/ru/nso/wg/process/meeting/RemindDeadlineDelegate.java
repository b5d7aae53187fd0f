package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.DEADLINE_KIND;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * Two working days before a regulatory deadline (the step's input {@code deadlineKind}), the responsible secretariat
 * gets a reminder by e-mail — early enough under either reading of «не позднее N рабочих дней до».
 */
@Component("remindDeadline")
public class RemindDeadlineDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public RemindDeadlineDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution,
        mail.remind(MEETING_KEY.get(execution), DeadlineKind.of(DEADLINE_KIND.get(execution))));
  }
}
