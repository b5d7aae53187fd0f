package ru.nso.wg.meeting;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.platform.PostgresTestSupport;

import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two secretaries start a meeting of the same year at the same moment, on PostgreSQL (found by the throughput
 * benchmark, docs/performance.md): both read the same highest number, the second INSERT waits for the first
 * transaction and then hits the unique key. The record must then take the next number inside the same transaction
 * — on PostgreSQL a failed statement aborts the whole transaction unless it ran inside a savepoint.
 */
class ConcurrentMeetingNumberPostgresTest {

  @Test
  void aMeetingStartedConcurrentlyTakesTheNextNumberOnPostgres() throws Exception {
    DataSource dataSource = PostgresTestSupport.newMigratedDataSource();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    MeetingRecord record = new MeetingRecord(new JdbcTemplate(dataSource));
    OffsetDateTime start = OffsetDateTime.parse("2027-03-17T14:30+07:00");

    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch secondWaiting = new CountDownLatch(1);
    CompletableFuture<MeetingRef> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
        .execute(status -> {
          MeetingRef ref = record.create(2027, start, MeetingFormat.IN_PERSON, "зал № 1", null, null, "smirnova");
          firstInserted.countDown();
          try {
            // commit only once the other transaction has read the same highest number and waits on the key
            secondWaiting.await(10, TimeUnit.SECONDS);
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ref;
        }));
    assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
    MeetingRef second = new TransactionTemplate(transactions).execute(status -> {
      secondWaiting.countDown();
      return record.create(2027, start.plusDays(1), MeetingFormat.IN_PERSON, "зал № 2", null, null, "popov");
    });

    assertThat(first.get(30, TimeUnit.SECONDS).key()).isEqualTo("2027-1");
    assertThat(second.key()).isEqualTo("2027-2");
    assertThat(record.get("2027-2").place()).isEqualTo("зал № 2");
  }
}
