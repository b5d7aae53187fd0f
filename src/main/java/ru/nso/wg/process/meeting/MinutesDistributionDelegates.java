package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.nso.wg.notification.MeetingMessages;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 19: copies of the signed minutes to members and invitees; the request to publish, to the information-policy department. */
@Configuration
public class MinutesDistributionDelegates {

  @Bean("sendMinutesCopies")
  public JavaDelegate sendMinutesCopies(MeetingMessages notifications, MeetingViews views, DeliveryGaps gaps) {
    return (DelegateExecution execution) -> gaps.record(execution, "Копии протокола",
        notifications.sendMinutesCopies(views.meeting(MEETING_KEY.get(execution))));
  }

  @Bean("requestPublication")
  public JavaDelegate requestPublication(MeetingMessages notifications, MeetingViews views, DeliveryGaps gaps) {
    return (DelegateExecution execution) -> gaps.record(execution, "Информация для размещения на сайте",
        notifications.requestPublication(views.minutes(MEETING_KEY.get(execution))));
  }
}
