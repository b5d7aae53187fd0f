package ru.nso.wg.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * E-mail settings ({@code wg.mail.*}). The SMTP server itself is Spring's {@code spring.mail.*}
 * (MAIL_HOST, MAIL_PORT, MAIL_USER, MAIL_PASSWORD, MAIL_SMTP_AUTH, MAIL_STARTTLS).
 *
 * @param from      sender address, also the calendar ORGANIZER (default {@code wg-secretariat@example.org})
 * @param fromName  sender display name
 * @param transport {@code auto} (SMTP when {@code spring.mail.host} is set, else the outbox), {@code smtp} or
 *                  {@code outbox}
 * @param outboxDir where the outbox transport writes {@code .eml} files (default {@code ./data/outbox})
 * @param appUrl    the application's address as users open it, for links in messages
 *                  (default {@code http://127.0.0.1:8080})
 */
@ConfigurationProperties("wg.mail")
public record MailSettings(
    @DefaultValue("wg-secretariat@example.org") String from,
    @DefaultValue("Секретариат Рабочей группы по внедрению клиентоцентричности") String fromName,
    @DefaultValue("auto") String transport,
    @DefaultValue("./data/outbox") Path outboxDir,
    @DefaultValue("http://127.0.0.1:8080") String appUrl) {

  public MailSettings {
    appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
  }

  /** The link a message points to, or Tasklist when there is none. */
  public String linkOrTasklist(String link) {
    return link.isEmpty() ? appUrl + "/camunda/app/tasklist/" : link;
  }
}
