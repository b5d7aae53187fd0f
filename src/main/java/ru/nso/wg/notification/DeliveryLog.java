package ru.nso.wg.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.document.model.Texts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The log of delivered messages (table {@code wg_mail_delivery}), keyed by (meeting key, message kind,
 * recipient address).
 *
 * <h2>Exactly once across job retries</h2>
 * A notification runs inside the transaction of an asynchronous Camunda job. If that transaction rolled back
 * everything — including the log rows of recipients already sent before a later recipient failed — the retry
 * would send them again. So each row is written and committed in a transaction of its own
 * ({@code PROPAGATION_REQUIRES_NEW}) right after the server accepted that one message, and survives the job's
 * rollback. The retry reads the log and skips those recipients.
 *
 * <p>The window that remains: the JVM or the database dies after the SMTP server accepted a message and before
 * its log row commits (milliseconds). Then that one recipient gets the message again on the retry; it carries the
 * same Message-ID, so most mail clients show it once. The opposite (a message lost) cannot happen: a row is only
 * written after a successful send. The same window applies if a job's lock expired while it was still sending
 * (default lock time 5 minutes; a distribution takes seconds) and another node ran it in parallel: both could send to
 * a recipient that neither had logged yet; the second log row is then ignored.
 */
@Component
public class DeliveryLog {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;

  public DeliveryLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Whether the message was delivered to this address (committed by any earlier attempt). */
  public boolean isDelivered(String meetingKey, String messageKind, String recipientKey) {
    Integer count = ownTransaction.execute(status -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM wg_mail_delivery WHERE meeting_key = ? AND message_kind = ? AND recipient = ?",
        Integer.class, meetingKey, messageKind, recipientKey));
    return count != null && count > 0;
  }

  /** Records a delivery and commits it at once, whatever happens to the caller's transaction. */
  public void recordDelivered(String meetingKey, String messageKind, Recipient recipient, String messageId,
                              String subject, String transport) {
    ownTransaction.executeWithoutResult(status -> {
      try {
        jdbc.update("INSERT INTO wg_mail_delivery (meeting_key, message_kind, recipient, recipient_name, message_id,"
                + " subject, transport, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            meetingKey, messageKind, recipient.deliveryKey(), truncate(recipient.name(), 300), messageId,
            truncate(subject, 1000), transport, Timestamp.from(Instant.now()));
      } catch (DuplicateKeyException alreadyThere) {
        // delivered concurrently by another attempt: the row that matters exists
        status.setRollbackOnly();
      }
    });
  }

  /** Distinct recipients (address, name) who were sent any of the given kinds (prefix match, e.g. {@code agenda#}). */
  public List<Recipient> recipientsOf(String meetingKey, List<String> kindPrefixes) {
    if (kindPrefixes.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder(
        "SELECT recipient, MIN(recipient_name) AS recipient_name, MIN(sent_at) AS first_sent FROM wg_mail_delivery"
            + " WHERE meeting_key = ? AND (");
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

  /** Number of deliveries of a kind for a meeting (for tests and monitoring). */
  public int count(String meetingKey, String messageKind) {
    Integer count = ownTransaction.execute(status -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM wg_mail_delivery WHERE meeting_key = ? AND message_kind = ?",
        Integer.class, meetingKey, messageKind));
    return count == null ? 0 : count;
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
