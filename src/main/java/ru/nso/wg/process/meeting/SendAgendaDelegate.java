package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.notification.MeetingMessages;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * § 14: the agenda with a calendar invitation to every member, a notice to every invitee. A retried job sends
 * nothing twice (the notification service keeps a delivery log per recipient).
 */
@Component("sendAgenda")
public class SendAgendaDelegate implements JavaDelegate {

  private final MeetingMessages notifications;
  private final MeetingViews views;
  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final DeliveryGaps gaps;

  public SendAgendaDelegate(MeetingMessages notifications, MeetingViews views, MeetingRecord record,
                            MeetingScheduling scheduling, DeliveryGaps gaps) {
    this.notifications = notifications;
    this.views = views;
    this.record = record;
    this.scheduling = scheduling;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    MeetingInfo meeting = views.meeting(key);
    gaps.record(execution, "Рассылка повестки", notifications.distributeAgenda(meeting),
        notifications.notifyInvitees(meeting));
    record.setStatus(key, MeetingStatus.AGENDA_SENT, null);
    record.event(key, "AGENDA_SENT", "Повестка разослана членам Рабочей группы, приглашённые оповещены", null);
    scheduling.recordCompletion(key, DeadlineKind.AGENDA_DISTRIBUTION, LocalDate.parse(MEETING_DATE.get(execution)));
  }
}
