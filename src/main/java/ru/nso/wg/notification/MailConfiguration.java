package ru.nso.wg.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.StringUtils;

import java.util.Locale;

/**
 * Chooses the mail transport: SMTP when {@code spring.mail.host} (MAIL_HOST) is set, otherwise the outbox folder;
 * {@code wg.mail.transport=smtp|outbox} forces one.
 */
@Configuration
public class MailConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(MailConfiguration.class);

  @Bean
  public MailTransport mailTransport(MailSettings settings, Environment environment,
                                     ObjectProvider<JavaMailSender> javaMailSender) {
    String host = environment.getProperty("spring.mail.host");
    String mode = settings.transport().trim().toLowerCase(Locale.ROOT);
    boolean smtp = switch (mode) {
      case "smtp" -> true;
      case "outbox" -> false;
      case "auto" -> StringUtils.hasText(host);
      default -> throw new IllegalStateException("wg.mail.transport must be auto, smtp or outbox, not " + mode);
    };
    if (smtp) {
      if (!StringUtils.hasText(host)) {
        throw new IllegalStateException("wg.mail.transport=smtp needs spring.mail.host (MAIL_HOST)");
      }
      JavaMailSender sender = javaMailSender.getIfAvailable();
      if (sender == null) {
        throw new IllegalStateException("No JavaMailSender although spring.mail.host is set");
      }
      LOG.info("E-mail goes to the SMTP server {}:{} from {}", host,
          environment.getProperty("spring.mail.port", "25"), settings.from());
      return new SmtpMailTransport(sender);
    }
    LOG.info("No SMTP server configured (MAIL_HOST is empty): e-mail is written as .eml files to {}",
        settings.outboxDir().toAbsolutePath());
    return new OutboxMailTransport(settings.outboxDir());
  }
}
