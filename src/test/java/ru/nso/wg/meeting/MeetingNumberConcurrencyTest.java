package ru.nso.wg.meeting;

import java.util.concurrent.ExecutionException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.platform.PostgresTestSupport;

import javax.sql.DataSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings started at the same moment (on one node or several) all get a number, and the numbers of a year are
 * consecutive. Each start runs in its own transaction that stays open a while after taking its number, as a
 * process start does (the engine's inserts follow), so the starts really overlap.
 *
 * <p>On main (MAX + 1, insert, retry on a duplicate key) this failed on PostgreSQL: the losers' transactions were
 * aborted by the failed insert (SQL state 25P02), so 7 of 8 concurrent starts failed.
 */
class MeetingNumberConcurrencyTest {

  private static final int STARTS = 8;

  @Test
  void concurrentStartsOnPostgresqlAllGetConsecutiveNumbers() throws Exception {
    assertConcurrentStartsSucceed(PostgresTestSupport.newMigratedDataSource());
  }

  @Test
  void concurrentStartsOnH2AllGetConsecutiveNumbers() throws Exception {
    DriverManagerDataSource h2 = new DriverManagerDataSource(
        "jdbc:h2:mem:numbers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration").table("wg_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    assertConcurrentStartsSucceed(h2);
  }

  @Test
  void numbersContinueAfterMeetingsRecordedBeforeTheCounterExisted() {
    DataSource db = PostgresTestSupport.newMigratedDataSource();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    MeetingRecord record = new MeetingRecord(jdbc);
    // a meeting numbered by hand (or by the old code) that the counter does not know about
    jdbc.update("INSERT INTO wg_meeting (business_key, meeting_year, meeting_number, meeting_start, meeting_format,"
        + " status, created_at, updated_at) VALUES ('2031-7', 2031, 7, CURRENT_TIMESTAMP, 'IN_PERSON', 'PREPARATION',"
        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    assertThat(create(record, 2031).number()).isEqualTo(8);
    assertThat(create(record, 2031).number()).isEqualTo(9);
    assertThat(create(record, 2032).number()).isEqualTo(1);
  }

  private static MeetingRef create(MeetingRecord record, int year) {
    return record.create(year, OffsetDateTime.parse(year + "-03-04T14:30+07:00"), MeetingFormat.IN_PERSON,
        "Зал", null, null, "test");
  }

  private static void assertConcurrentStartsSucceed(DataSource db) throws Exception {
    TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
    MeetingRecord record = new MeetingRecord(new JdbcTemplate(db));
    CyclicBarrier together = new CyclicBarrier(STARTS);
    ExecutorService pool = Executors.newFixedThreadPool(STARTS);
    try {
      List<Future<MeetingRef>> starts = new ArrayList<>();
      for (int i = 0; i < STARTS; i++) {
        starts.add(pool.submit(() -> {
          together.await(10, TimeUnit.SECONDS);
          return tx.execute(status -> {
            MeetingRef ref = create(record, 2030);
            sleep(150); // the rest of the process start in the same transaction
            return ref;
          });
        }));
      }
      List<Integer> numbers = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      for (Future<MeetingRef> start : starts) {
        try {
          numbers.add(start.get(60, TimeUnit.SECONDS).number());
        } catch (ExecutionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
      }
      assertThat(failures).as("failed starts").isEmpty();
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, STARTS).boxed().toList());
      assertThat(new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM wg_meeting WHERE meeting_year = 2030",
          Integer.class)).isEqualTo(STARTS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
