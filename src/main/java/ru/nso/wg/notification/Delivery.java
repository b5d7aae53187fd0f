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

import java.time.Instant;
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
 *   <li>one message per recipient; the delivery log ({@link DeliveryLog}) is written before the message leaves
 *       ({@code SENDING}) and after the server accepted it ({@code SENT}), each in its own committed transaction;
 *       a recipient already {@code SENT} this message is skipped, so a retried job does not send it twice;</li>
 *   <li>a message left {@code SENDING} by a crash (the JVM or the database died between the hand-over and
 *       {@code SENT}) is <em>in doubt</em>: the outbox can tell whether it holds it (then it is not written again);
 *       an SMTP server cannot be asked, so it is sent again <em>with the same Message-ID</em>
 *       ({@link MailComposer#messageId}: stable per meeting, message and recipient), which receiving servers and
 *       mail clients use to drop the second copy — see "the remaining window" below;</li>
 *   <li>a recipient without a valid address, or whose address the mail server rejects for good (SMTP 5xx), is a
 *       <em>gap</em> in the result, never an error;</li>
 *   <li>when the mail server fails otherwise, the call throws {@link NotificationException} after the recipients
 *       sent so far are logged: the job retries, finally becomes an incident, and once the server is back and the
 *       incident is retried, the remaining recipients get the message — each exactly once.</li>
 * </ul>
 *
 * <h2>Why a stable Message-ID and not the server's reply</h2>
 * Recording the SMTP server's reply cannot close the gap: the reply (250 after the message's end) arrives over the
 * same connection the crash cuts, and recording it is a write that the crash can prevent just like {@code SENT}.
 * SMTP has no way to ask a server afterwards whether it accepted a message. What survives is the Message-ID the
 * message carries, the same for every attempt, so the second copy is recognisable as the same message.
 *
 * <h2>The remaining window (at least once)</h2>
 * A recipient gets one message twice (same Message-ID) only when the process or the database dies after the
 * server accepted the message and before {@code SENT} committed (a few milliseconds per message: one UPDATE), or
 * when the connection breaks after the server accepted the message's end and before its reply arrived (the case
 * of RFC 1047, "Duplicate messages and SMTP": the client must assume it was not delivered), or when two nodes run
 * the same job at once (a job lock that expired while a node was still sending). Nothing is lost: a message
 * counts as sent only after the server accepted it. With the outbox transport there is no such window: it is
 * asked.
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
        alreadySent.add(recipient); // before composing: a message may carry the minutes
        continue;
      }
      OutgoingMail mail = compose.apply(recipient);
      MimeMessage message = transport.newMessage();
      composer.fill(message, mail); // before the claim: a message that cannot be built leaves nothing in doubt
      String messageId = MailComposer.messageId(meetingKey, kind, recipient.deliveryKey());
      DeliveryLog.Claim claim = log.claim(meetingKey, kind, recipient, messageId, mail.subject(), transport.name());
      if (claim == DeliveryLog.Claim.SENT) {
        alreadySent.add(recipient);
        continue;
      }
      if (claim == DeliveryLog.Claim.IN_DOUBT) {
        if (transport.accepted(messageId)) {
          // the outbox holds it: the earlier attempt died after writing it and before recording it
          log.markSent(meetingKey, kind, recipient.deliveryKey());
          alreadySent.add(recipient);
          continue;
        }
        LOG.warn("{} for {} to {} is in doubt (an earlier attempt died after handing it over and before recording"
            + " it): sent again with the same Message-ID {}", kind, meetingKey, recipient.email(), messageId);
      }
      try {
        transport.send(message);
      } catch (RuntimeException e) {
        // the server refused it or the connection failed before its reply: nothing accepted, nothing in doubt
        log.release(meetingKey, kind, recipient.deliveryKey());
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
      log.markSent(meetingKey, kind, recipient.deliveryKey());
      sent.add(recipient);
    }
    if (!gaps.isEmpty()) {
      LOG.warn("{} for {}: no e-mail sent to {}", kind, meetingKey, gaps.stream().map(DeliveryGap::text).toList());
    }
    LOG.info("{} for {}: sent {}, already sent {}, gaps {}", kind, meetingKey, sent.size(), alreadySent.size(),
        gaps.size());
    return new DeliveryResult(meetingKey, kind, sent, alreadySent, gaps);
  }

  /** When the last message of this kind for the key left (the server accepted it), if any did. */
  public Optional<Instant> lastSentAt(String meetingKey, String kind) {
    return log.lastSentAt(meetingKey, kind);
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
