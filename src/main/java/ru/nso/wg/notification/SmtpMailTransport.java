package ru.nso.wg.notification;

import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server of {@code spring.mail.*}. Spring keeps the Message-ID set by the composer. */
public class SmtpMailTransport implements MailTransport {

  private final JavaMailSender sender;

  public SmtpMailTransport(JavaMailSender sender) {
    this.sender = sender;
  }

  @Override
  public MimeMessage newMessage() {
    return sender.createMimeMessage();
  }

  @Override
  public void send(MimeMessage message) {
    sender.send(message);
  }

  @Override
  public String name() {
    return "smtp";
  }
}
