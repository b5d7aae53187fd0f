package ru.nso.wg.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The task notifications ({@code wg.notification.*}, issue 16 point 4).
 *
 * @param digestHour         from this hour (0–23, Asia/Novosibirsk) the day's digest goes to those who chose it
 *                           ({@code WG_DIGEST_HOUR}, default 8)
 * @param digestPollInterval how often each node looks whether the day's digest is due ({@code PT0S}: never, tests)
 */
@ConfigurationProperties("wg.notification")
public record NotificationSettings(
    @DefaultValue("8") int digestHour,
    @DefaultValue("PT1M") Duration digestPollInterval) {

  public NotificationSettings {
    if (digestHour < 0 || digestHour > 23) {
      throw new IllegalArgumentException("wg.notification.digest-hour (WG_DIGEST_HOUR) must be 0–23: " + digestHour);
    }
  }
}
