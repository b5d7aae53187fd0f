package ru.nso.wg.notification;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.notification.MailComposer.OutgoingMail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The delivery log across a crash in the middle of a distribution (issue 11, point 3), without Spring: the log on
 * an H2 database migrated by the application's Flyway scripts, the job's transaction as an outer transaction that
 * rolls back. A "crash" is an {@link Error} thrown by the transport right after it accepted a message — the code
 * after the send does not run, as when the JVM dies there.
 */
class DeliveryCrashTest {

  private static final String MEETING = "2026-7";
  private static final String KIND = "agenda#0";

  @TempDir
  Path outboxDir;

  private JdbcTemplate jdbc;
  private DataSourceTransactionManager transactions;
  private DeliveryLog log;
  private MailComposer composer;

  private final List<Recipient> members = List.of(
      new Recipient("petrov", "Петров Пётр Петрович", "Пётр Петрович", "petrov@example.org"),
      new Recipient("ivanova", "Иванова Анна Сергеевна", "Анна Сергеевна", "ivanova@example.org"),
      new Recipient("sidorov", "Сидоров Олег Ильич", "Олег Ильич", "sidorov@example.org"));

  @BeforeEach
  void database() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("wg_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    transactions = new DataSourceTransactionManager(dataSource);
    log = new DeliveryLog(jdbc, transactions);
    composer = new MailComposer(new MailSettings("wg@example.org", "Секретариат", "smtp", outboxDir,
        "http://127.0.0.1:8080"));
  }

  @Test
  void aMessageTheOutboxHadAcceptedBeforeTheCrashIsNotWrittenAgain() throws Exception {
    OutboxMailTransport outbox = new OutboxMailTransport(outboxDir);
    CrashingTransport crashing = new CrashingTransport(outbox, 2);

    crashInsideTheJob(new Delivery(crashing, composer, log));
    assertThat(emlFiles()).hasSize(2);

    DeliveryResult retry = new Delivery(outbox, composer, log).deliver(MEETING, KIND, members, this::agenda);

    assertThat(emlFiles()).as("one file per recipient: the one written before the crash is not written again")
        .hasSize(3);
    assertThat(retry.sent()).extracting(Recipient::userId).containsExactly("sidorov");
    assertThat(retry.alreadySent()).extracting(Recipient::userId).containsExactly("petrov", "ivanova");
    assertThat(log.count(MEETING, KIND)).isEqualTo(3);
  }

  @Test
  void theSendingRowSurvivesTheRollbackOfTheJobAndTheRetryResendsWithTheSameMessageId() throws Exception {
    RecordingTransport smtp = new RecordingTransport();
    CrashingTransport crashing = new CrashingTransport(smtp, 2);

    crashInsideTheJob(new Delivery(crashing, composer, log));

    // written before the send, committed apart from the job: the job's rollback leaves them
    assertThat(state("petrov@example.org")).isEqualTo("SENT");
    assertThat(state("ivanova@example.org")).as("accepted by the server, the crash came before «sent»")
        .isEqualTo("SENDING");
    assertThat(state("sidorov@example.org")).as("never tried").isNull();
    assertThat(log.isDelivered(MEETING, KIND, "ivanova@example.org")).isFalse();
    assertThat(log.inDoubt(MEETING, KIND)).containsExactly("ivanova@example.org");

    DeliveryResult retry = new Delivery(smtp, composer, log).deliver(MEETING, KIND, members, this::agenda);

    // an SMTP server cannot be asked whether it accepted a message: the one in doubt goes again, same Message-ID
    assertThat(retry.sent()).extracting(Recipient::userId).containsExactly("ivanova", "sidorov");
    assertThat(retry.alreadySent()).extracting(Recipient::userId).containsExactly("petrov");
    assertThat(smtp.sentTo("ivanova@example.org")).hasSize(2).containsOnly(
        MailComposer.messageId(MEETING, KIND, "ivanova@example.org"));
    assertThat(smtp.sentTo("petrov@example.org")).hasSize(1);
    assertThat(smtp.sentTo("sidorov@example.org")).hasSize(1);
    assertThat(log.inDoubt(MEETING, KIND)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT attempts FROM wg_mail_delivery WHERE recipient = 'ivanova@example.org'",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void aSendTheServerRefusedLeavesNoRowAndIsSentOnTheRetry() {
    RecordingTransport smtp = new RecordingTransport();
    smtp.failNext = true;

    assertThatThrownBy(() -> new Delivery(smtp, composer, log).deliver(MEETING, KIND, members, this::agenda))
        .isInstanceOf(NotificationException.class);
    assertThat(state("petrov@example.org")).as("the server did not accept it: nothing in doubt").isNull();

    new Delivery(smtp, composer, log).deliver(MEETING, KIND, members, this::agenda);
    assertThat(smtp.sentTo("petrov@example.org")).hasSize(1);
    assertThat(log.count(MEETING, KIND)).isEqualTo(3);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /** The distribution inside a job transaction that never commits: the crash ends it. */
  private void crashInsideTheJob(Delivery delivery) {
    TransactionTemplate job = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> job.executeWithoutResult(status -> {
      jdbc.queryForObject("SELECT COUNT(*) FROM wg_mail_delivery", Integer.class); // the job holds its connection
      delivery.deliver(MEETING, KIND, members, this::agenda);
    })).isInstanceOf(Crash.class);
  }

  private OutgoingMail agenda(Recipient to) {
    return new OutgoingMail(MEETING, KIND, to, "Повестка заседания", "Текст", "<p>Текст</p>", null, List.of());
  }

  private String state(String recipient) {
    List<String> states = jdbc.queryForList("SELECT state FROM wg_mail_delivery WHERE meeting_key = ?"
        + " AND message_kind = ? AND recipient = ?", String.class, MEETING, KIND, recipient);
    return states.isEmpty() ? null : states.get(0);
  }

  private List<Path> emlFiles() throws Exception {
    try (Stream<Path> files = Files.list(outboxDir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
    }
  }

  /** The JVM dying: not an exception the code after the send could handle. */
  static final class Crash extends Error {
    Crash() {
      super("the JVM died right after the server accepted the message");
    }
  }

  /** Passes messages on; right after the n-th was accepted, "crashes". */
  static final class CrashingTransport implements MailTransport {
    private final MailTransport target;
    private final int crashAfter;
    private int sent;

    CrashingTransport(MailTransport target, int crashAfter) {
      this.target = target;
      this.crashAfter = crashAfter;
    }

    @Override
    public MimeMessage newMessage() {
      return target.newMessage();
    }

    @Override
    public void send(MimeMessage message) {
      target.send(message);
      if (++sent == crashAfter) {
        throw new Crash();
      }
    }

    @Override
    public String name() {
      return target.name();
    }
  }

  /** An SMTP server's view: what it accepted, by recipient and Message-ID; cannot be asked afterwards. */
  static final class RecordingTransport implements MailTransport {
    final List<String[]> accepted = new ArrayList<>();
    boolean failNext;

    @Override
    public MimeMessage newMessage() {
      return new MimeMessage(Session.getInstance(new Properties()));
    }

    @Override
    public void send(MimeMessage message) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("421 Service not available");
      }
      try {
        accepted.add(new String[] {message.getAllRecipients()[0].toString(), message.getHeader("Message-ID", null)});
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    List<String> sentTo(String address) {
      return accepted.stream().filter(a -> a[0].contains(address)).map(a -> a[1]).toList();
    }

    @Override
    public String name() {
      return "smtp";
    }
  }
}
