package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.notification.DeadlineNotice;
import ru.nso.wg.notification.NotificationService;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.DEADLINE_KIND;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNED_ON;

/**
 * A regulatory deadline passed with the work still open: the breach is recorded in the meeting record, and the
 * responsible secretariat and the chair's office are notified. The work itself goes on (non-interrupting).
 */
@Component("escalateDeadline")
public class EscalateDeadlineDelegate implements JavaDelegate {

  private final MeetingScheduling scheduling;
  private final MeetingRecord record;
  private final NotificationService notifications;
  private final DeliveryGaps gaps;

  public EscalateDeadlineDelegate(MeetingScheduling scheduling, MeetingRecord record,
                                  NotificationService notifications, DeliveryGaps gaps) {
    this.scheduling = scheduling;
    this.record = record;
    this.notifications = notifications;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeadlineKind kind = DeadlineKind.of(DEADLINE_KIND.get(execution));
    String from = kind == DeadlineKind.MINUTES_COPIES_DUE ? SIGNED_ON.get(execution) : MEETING_DATE.get(execution);
    Deadline deadline = scheduling.deadline(kind, LocalDate.parse(from));
    String key = MEETING_KEY.get(execution);
    record.deadlineEvent(key, kind.code(), deadline.instant(), "MISSED");
    record.event(key, "DEADLINE_MISSED", kind.description() + ": срок " + deadline.text() + " истёк", null);
    gaps.record(execution, "Уведомление о нарушении срока", notifications.escalate(new DeadlineNotice(key,
        "заседание Рабочей группы " + MEETING_TITLE.get(execution), kind.code(), kind.description(),
        kind.reference(), deadline.deadline().atZoneSameInstant(MeetingScheduling.NOVOSIBIRSK),
        RosterGroups.SECRETARIAT, "")));
  }
}
