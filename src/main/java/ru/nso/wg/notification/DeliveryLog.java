package ru.nso.wg.notification;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.document.model.Texts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The log of messages handed to the mail server (table {@code wg_mail_delivery}), keyed by (meeting key, message
 * kind, recipient address), written <em>before</em> a message leaves (issue 11, point 3).
 *
 * <h2>States</h2>
 * <ol>
 *   <li>{@link #claim}: the row is inserted as {@code SENDING} and committed — before the message is handed over;</li>
 *   <li>the message is sent ({@link Delivery});</li>
 *   <li>{@link #markSent}: the row becomes {@code SENT}, committed again. If the server refused the message or the
 *       connection failed before its reply, {@link #release} deletes the row instead: nothing was accepted.</li>
 * </ol>
 * A crash (JVM or database) between 1 and 3 leaves a {@code SENDING} row: the message is <em>in doubt</em> —
 * the server may or may not have accepted it. {@link #claim} reports it as such to the next attempt.
 *
 * <h2>Across the job's rollback</h2>
 * A notification runs inside the transaction of an asynchronous Camunda job. If that transaction rolled back the
 * log too, the retry would not know what had left. So every write here runs in a transaction of its own
 * ({@code PROPAGATION_REQUIRES_NEW}, its own connection) and is committed at once, whatever happens to the job's
 * transaction afterwards; the retry reads them.
 */
@Component
public class DeliveryLog {

  /** What an attempt to send one message finds in the log. */
  public enum Claim {
    /** No earlier attempt: the row is now {@code SENDING}, the message may go. */
    NEW,
    /** An earlier attempt left the row {@code SENDING} (it died between the send and {@code SENT}): in doubt. */
    IN_DOUBT,
    /** Delivered by an earlier attempt: must not go again. */
    SENT
  }

  private final JdbcTemplate jdbc;
  private final CalendarClock clock;
  private final TransactionTemplate ownTransaction;

  public DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this(jdbc, transactionManager, new CalendarClock());
  }

  /**
   * @param clock the engine's clock: the log's times are those of the process (a step that counts a deadline from
   *              them, § 19, compares them with the engine's deadlines)
   */
  @Autowired
  public DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, CalendarClock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether the message was delivered to this address (state {@code SENT}, committed by any earlier attempt). */
  public boolean isDelivered(String meetingKey, String messageKind, String recipientKey) {
    return "SENT".equals(state(meetingKey, messageKind, recipientKey));
  }

  /**
   * Before a message is handed over: records the attempt ({@code SENDING}, committed at once) and tells what earlier
   * attempts left. {@link Claim#SENT}: nothing is written. {@link Claim#IN_DOUBT}: the attempt is counted.
   */
  public Claim claim(String meetingKey, String messageKind, Recipient recipient, String messageId, String subject,
                     String transport) {
    String key = recipient.deliveryKey();
    for (int round = 0; round < 2; round++) {
      String state = state(meetingKey, messageKind, key);
      if ("SENT".equals(state)) {
        return Claim.SENT;
      }
      if ("SENDING".equals(state)) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE wg_mail_delivery SET attempts = attempts + 1,"
                + " sending_at = ? WHERE meeting_key = ? AND message_kind = ? AND recipient = ? AND state = 'SENDING'",
            Timestamp.from(now()), meetingKey, messageKind, key));
        return Claim.IN_DOUBT;
      }
      try {
        ownTransaction.executeWithoutResult(status -> jdbc.update("INSERT INTO wg_mail_delivery (meeting_key,"
                + " message_kind, recipient, recipient_name, message_id, subject, transport, state, attempts,"
                + " sending_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'SENDING', 1, ?)",
            meetingKey, messageKind, key, truncate(recipient.name(), 300), messageId, truncate(subject, 1000),
            transport, Timestamp.from(now())));
        return Claim.NEW;
      } catch (DuplicateKeyException concurrently) {
        // another attempt (another node) claimed it this very moment: read what it wrote
      }
    }
    return Claim.IN_DOUBT;
  }

  /** The server (or the outbox) accepted the message: {@code SENT}, committed at once. */
  public void markSent(String meetingKey, String messageKind, String recipientKey) {
    ownTransaction.executeWithoutResult(status -> jdbc.update("UPDATE wg_mail_delivery SET state = 'SENT',"
            + " sent_at = ? WHERE meeting_key = ? AND message_kind = ? AND recipient = ?",
        Timestamp.from(now()), meetingKey, messageKind, recipientKey));
  }

  /** The server did not accept the message (it refused it, or the connection failed before its reply). */
  public void release(String meetingKey, String messageKind, String recipientKey) {
    ownTransaction.executeWithoutResult(status -> jdbc.update("DELETE FROM wg_mail_delivery WHERE meeting_key = ?"
        + " AND message_kind = ? AND recipient = ? AND state = 'SENDING'", meetingKey, messageKind, recipientKey));
  }

  /** Recipients whose message of this kind is in doubt (a {@code SENDING} row), for tests and monitoring. */
  public List<String> inDoubt(String meetingKey, String messageKind) {
    return ownTransaction.execute(status -> jdbc.queryForList("SELECT recipient FROM wg_mail_delivery"
            + " WHERE meeting_key = ? AND message_kind = ? AND state = 'SENDING' ORDER BY recipient", String.class,
        meetingKey, messageKind));
  }

  private String state(String meetingKey, String messageKind, String recipientKey) {
    List<String> states = ownTransaction.execute(status -> jdbc.queryForList("SELECT state FROM wg_mail_delivery"
            + " WHERE meeting_key = ? AND message_kind = ? AND recipient = ?", String.class,
        meetingKey, messageKind, recipientKey));
    return states == null || states.isEmpty() ? null : states.get(0);
  }

  /**
   * Distinct recipients (address, name) who were sent any of the given kinds (prefix match, e.g. {@code agenda#}),
   * those in doubt included: e.g. a cancellation goes to whoever may hold the invitation.
   */
  public List<Recipient> recipientsOf(String meetingKey, List<String> kindPrefixes) {
    if (kindPrefixes.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(
        "SELECT recipient, MIN(recipient_name) AS recipient_name, MIN(COALESCE(sent_at, sending_at)) AS first_sent"
            + " FROM wg_mail_delivery WHERE meeting_key = ? AND (");
    Object[] args = new Object[kindPrefixes.size() + 1];
    args[0] = meetingKey;
    for (int i = 0; i < kindPrefixes.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("message_kind LIKE ?");
      args[i + 1] = kindPrefixes.get(i).replace("%", "").replace("_", "\\_") + "%";
    }
    sql.append(") GROUP BY recipient ORDER BY first_sent, recipient");
    return ownTransaction.execute(status -> jdbc.query(sql.toString(),
        (rs, n) -> new Recipient(null, rs.getString("recipient_name"),
            Texts.givenNames(rs.getString("recipient_name")), rs.getString("recipient")),
        args));
  }

  /** When the last message of a kind for a meeting was accepted by the server ({@code SENT}), if any was. */
  public Optional<Instant> lastSentAt(String meetingKey, String messageKind) {
    Timestamp last = ownTransaction.execute(status -> jdbc.queryForObject("SELECT MAX(sent_at) FROM wg_mail_delivery"
        + " WHERE meeting_key = ? AND message_kind = ? AND state = 'SENT'", Timestamp.class, meetingKey, messageKind));
    return Optional.ofNullable(last).map(Timestamp::toInstant);
  }

  private Instant now() {
    return clock.now();
  }

  /** Number of deliveries ({@code SENT}) of a kind for a meeting (for tests and monitoring). */
  public int count(String meetingKey, String messageKind) {
    Integer count = ownTransaction.execute(status -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM wg_mail_delivery WHERE meeting_key = ? AND message_kind = ? AND state = 'SENT'",
        Integer.class, meetingKey, messageKind));
    return count == null ? 0 : count;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
