package ru.nso.wg.notification;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.MailComposer.OutgoingMail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Delivers the messages of the catalogues ({@link MeetingMessages}, {@link DecisionMessages}). Meant to be called
 * from asynchronous service tasks with a retry cycle (e.g. {@code R5/PT5M}):
 * <ul>
 *   <li>one message per recipient; a recipient already sent this message (delivery log, see {@link DeliveryLog})
 *       is skipped, so a retried job never sends a message twice;</li>
 *   <li>a recipient without a valid address, or whose address the mail server rejects for good (SMTP 5xx), is a
 *       <em>gap</em> in the result, never an error;</li>
 *   <li>when the mail server fails otherwise, the call throws {@link NotificationException} after the recipients
 *       sent so far are logged: the job retries, finally becomes an incident, and once the server is back and the
 *       incident is retried, the remaining recipients get the message — each exactly once.</li>
 * </ul>
 */
@Component
public class Delivery {

  private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

  private final MailTransport transport;
  private final MailComposer composer;
  private final DeliveryLog log;

  public Delivery(MailTransport transport, MailComposer composer, DeliveryLog log) {
    this.transport = transport;
    this.composer = composer;
    this.log = log;
  }

  /**
   * Sends one message per distinct address, skipping those already delivered, and logs each delivery in its own
   * committed transaction right after the server accepted it.
   *
   * @param meetingKey the key the delivery log files the message under (a meeting's or a decision's)
   * @param kind       the message kind (see the catalogues' {@code …Kind} helpers)
   * @param candidates who should get it, in order; duplicates by address are sent once
   * @param compose    the message for one recipient, called only for those actually sent to
   * @throws NotificationException when the mail server fails other than by rejecting an address for good
   */
  public DeliveryResult deliver(String meetingKey, String kind, List<Recipient> candidates,
                                Function<Recipient, OutgoingMail> compose) {
    List<Recipient> sent = new ArrayList<>();
    List<Recipient> alreadySent = new ArrayList<>();
    List<DeliveryGap> gaps = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Recipient recipient : candidates) {
      if (!recipient.hasEmail()) {
        gaps.add(new DeliveryGap(recipient, DeliveryGap.NO_ADDRESS));
        continue;
      }
      if (!validAddress(recipient.email())) {
        gaps.add(new DeliveryGap(recipient, "некорректный адрес электронной почты «" + recipient.email() + "»"));
        continue;
      }
      if (!seen.add(recipient.deliveryKey())) {
        continue; // the same address twice (e.g. a member who is also in the chair's office)
      }
      if (log.isDelivered(meetingKey, kind, recipient.deliveryKey())) {
        alreadySent.add(recipient);
        continue;
      }
      OutgoingMail mail = compose.apply(recipient);
      MimeMessage message = transport.newMessage();
      composer.fill(message, mail);
      try {
        transport.send(message);
      } catch (RuntimeException e) {
        Optional<String> rejection = permanentRejection(e, recipient.email());
        if (rejection.isPresent()) {
          // the server refused this address for good (5xx): retrying cannot help, the others must not wait
          gaps.add(new DeliveryGap(recipient, "почтовый сервер отклонил адрес «" + recipient.email() + "»: "
              + rejection.get()));
          continue;
        }
        throw new NotificationException("Не удалось отправить письмо «" + mail.subject() + "» получателю "
            + recipient.email() + " (" + kind + ", заседание " + meetingKey + "): " + rootMessage(e)
            + ". Отправлено до сбоя: " + sent.size() + "; при повторе им письмо не будет отправлено повторно.", e);
      }
      log.recordDelivered(meetingKey, kind, recipient,
          MailComposer.messageId(meetingKey, kind, recipient.deliveryKey()), mail.subject(), transport.name());
      sent.add(recipient);
    }
    if (!gaps.isEmpty()) {
      LOG.warn("{} for {}: no e-mail sent to {}", kind, meetingKey, gaps.stream().map(DeliveryGap::text).toList());
    }
    LOG.info("{} for {}: sent {}, already sent {}, gaps {}", kind, meetingKey, sent.size(), alreadySent.size(),
        gaps.size());
    return new DeliveryResult(meetingKey, kind, sent, alreadySent, gaps);
  }

  /**
   * Everyone a message of one of these kinds was delivered to for the key (e.g. all who hold the meeting's
   * calendar event), from the delivery log.
   */
  public List<Recipient> deliveredTo(String meetingKey, List<String> kindPrefixes) {
    return log.recipientsOf(meetingKey, kindPrefixes);
  }

  /**
   * The server's reason when it rejected {@code address} permanently (an SMTP 5xx reply to RCPT TO, reported by
   * Jakarta Mail as an invalid address of a {@link SendFailedException}). Connection failures and temporary (4xx)
   * rejections are not permanent: the job fails and is retried.
   */
  static Optional<String> permanentRejection(Throwable error, String address) {
    ArrayDeque<Throwable> pending = new ArrayDeque<>(List.of(error));
    Set<Throwable> visited = new HashSet<>();
    while (!pending.isEmpty()) {
      Throwable t = pending.pop();
      if (!visited.add(t)) {
        continue;
      }
      if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null) {
        for (Address invalid : failed.getInvalidAddresses()) {
          if (invalid instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(address)) {
            return Optional.of(String.valueOf(failed.getMessage()).trim());
          }
        }
      }
      if (t instanceof MailSendException send) {
        pending.addAll(send.getFailedMessages().values());
      }
      if (t.getCause() != null) {
        pending.add(t.getCause());
      }
    }
    return Optional.empty();
  }

  private static boolean validAddress(String email) {
    try {
      new InternetAddress(email, true).validate();
      return email.contains("@");
    } catch (AddressException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
