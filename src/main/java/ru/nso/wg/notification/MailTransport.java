package ru.nso.wg.notification;

import jakarta.mail.internet.MimeMessage;

/** Hands a finished message over: to the SMTP server, or to the outbox folder in the embedded default. */
public interface MailTransport {

  /** A new empty message bound to this transport's mail session. */
  MimeMessage newMessage();

  /**
   * Sends the message. Throws when it cannot be delivered (server down, refused), so that the calling job
   * fails and is retried; returns normally only when the server (or the outbox) has accepted it.
   */
  void send(MimeMessage message);

  /**
   * Whether this transport can tell for sure that it accepted the message with this Message-ID earlier (asked for a
   * message left in doubt by a crash, see {@link DeliveryLog}). An SMTP server cannot be asked that: {@code false}.
   */
  default boolean accepted(String messageId) {
    return false;
  }

  /** {@code smtp} or {@code outbox}, recorded in the delivery log. */
  String name();
}
