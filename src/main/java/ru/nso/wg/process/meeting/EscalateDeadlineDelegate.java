package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.notification.MeetingMessages;

/**
 * A regulatory deadline passed with the work still open: the breach is recorded in the meeting record, and the
 * responsible secretariat and the chair's office are notified. The work itself goes on (non-interrupting).
 */
@Component("escalateDeadline")
public class EscalateDeadlineDelegate implements JavaDelegate {

  private final RegulatoryDeadlines deadlines;
  private final MeetingRecord record;
  private final MeetingMessages notifications;
  private final DeliveryGaps gaps;

  public EscalateDeadlineDelegate(RegulatoryDeadlines deadlines, MeetingRecord record,
                                  MeetingMessages notifications, DeliveryGaps gaps) {
    this.deadlines = deadlines;
    this.record = record;
    this.notifications = notifications;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RegulatoryDeadlines.Due due = deadlines.of(execution);
    record.deadlineEvent(due.meetingKey(), due.kind().code(), due.deadline().instant(), "MISSED");
    record.event(due.meetingKey(), "DEADLINE_MISSED",
        due.kind().description() + ": срок " + due.deadline().text() + " истёк", null);
    gaps.record(execution, "Уведомление о нарушении срока", notifications.escalate(due.notice()));
  }
}
