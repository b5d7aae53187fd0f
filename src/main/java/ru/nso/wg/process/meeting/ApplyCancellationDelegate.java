package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.notification.MeetingMessages;

import static ru.nso.wg.process.MeetingProcess.Vars.CANCEL_REASON;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** Cancellation: recorded with its reason; those already invited get a cancellation (ICS METHOD:CANCEL). */
@Component("applyCancellation")
public class ApplyCancellationDelegate implements JavaDelegate {

  private final MeetingScheduling scheduling;
  private final MeetingRecord record;
  private final MeetingMessages notifications;
  private final MeetingViews views;
  private final DeliveryGaps gaps;

  public ApplyCancellationDelegate(MeetingScheduling scheduling, MeetingRecord record,
                                   MeetingMessages notifications, MeetingViews views, DeliveryGaps gaps) {
    this.scheduling = scheduling;
    this.record = record;
    this.notifications = notifications;
    this.views = views;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    Meeting before = record.get(key);
    String reason = CANCEL_REASON.get(execution);
    scheduling.cancel(key, reason, null);
    if (before.status() == MeetingStatus.AGENDA_SENT) {
      gaps.record(execution, "Уведомление об отмене", notifications.notifyCancellation(views.meeting(key), reason));
    }
  }
}
