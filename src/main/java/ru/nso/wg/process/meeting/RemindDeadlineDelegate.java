package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.notification.MeetingMail;
import ru.nso.wg.notification.TaskMessages;

import static ru.nso.wg.process.MeetingProcess.Vars.DEADLINE_KIND;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * Two working days before a regulatory deadline (the step's input {@code deadlineKind}), the person holding the task
 * the deadline binds (issue 16) and the responsible secretariat get a reminder by e-mail — early enough under either
 * reading of «не позднее N рабочих дней до».
 */
@Component("remindDeadline")
public class RemindDeadlineDelegate implements JavaDelegate {

  private final MeetingMail mail;
  private final TaskMessages holders;

  public RemindDeadlineDelegate(MeetingMail mail, TaskMessages holders) {
    this.mail = mail;
    this.holders = holders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution,
        mail.remind(MEETING_KEY.get(execution), DeadlineKind.of(DEADLINE_KIND.get(execution)),
        ReminderHolders.of(execution, holders)));
  }
}
