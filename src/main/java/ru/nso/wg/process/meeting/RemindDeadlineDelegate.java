package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.notification.MeetingMessages;

/**
 * Two working days before a regulatory deadline, the responsible secretariat gets a reminder by e-mail (so a
 * secretariat that follows reminders meets the deadline under either reading of «не позднее N рабочих дней до»).
 */
@Component("remindDeadline")
public class RemindDeadlineDelegate implements JavaDelegate {

  private final RegulatoryDeadlines deadlines;
  private final MeetingRecord record;
  private final MeetingMessages notifications;
  private final DeliveryGaps gaps;

  public RemindDeadlineDelegate(RegulatoryDeadlines deadlines, MeetingRecord record,
                                MeetingMessages notifications, DeliveryGaps gaps) {
    this.deadlines = deadlines;
    this.record = record;
    this.notifications = notifications;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RegulatoryDeadlines.Due due = deadlines.of(execution);
    record.event(due.meetingKey(), "REMINDER", due.kind().description() + ": срок " + due.deadline().text(), null);
    gaps.record(execution, "Напоминание о сроке", notifications.remind(due.notice()));
  }
}
