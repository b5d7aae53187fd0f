package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MeetingMail;
import ru.nso.wg.notification.MeetingMail.ForecastChecked;

import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_FORECAST;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.QUORUM_THREATENED;

/**
 * § 14, § 15: the moment of the quorum forecast — silent members are reminded (a retried job sends nobody a
 * reminder twice), the forecast is recorded; whether the quorum is threatened routes to «Кворум под угрозой».
 */
@Component("checkQuorumForecast")
public class CheckQuorumForecastDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public CheckQuorumForecastDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ForecastChecked checked = mail.quorumForecastDue(MEETING_KEY.get(execution));
    DeliveryGaps.show(execution, checked.gaps());
    ATTENDANCE_FORECAST.set(execution, checked.forecast().text());
    QUORUM_THREATENED.set(execution, checked.forecast().threatened());
  }
}
