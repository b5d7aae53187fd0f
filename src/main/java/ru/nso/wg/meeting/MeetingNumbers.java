package ru.nso.wg.meeting;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/**
 * The numbers of the meetings of a year (§ 10: "№ 3 of 2026"), from a per-year counter row
 * ({@code wg_meeting_number}, Flyway V50) that is locked by the transaction that takes a number: concurrent meeting
 * starts on any number of nodes wait for one another at that row and get consecutive numbers, without a failing
 * insert (a failed statement aborts the whole transaction on PostgreSQL). A rolled-back start releases its number.
 *
 * <p>The counter never goes below the highest number already recorded, so meetings recorded without it (before
 * V50, or by hand) are never numbered twice.
 */
final class MeetingNumbers {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  MeetingNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the year; must run in the transaction that records the meeting. */
  int next(int year) {
    ensureCounter(year);
    // Locks the year's row until the end of the transaction; a concurrent start waits here and then reads the
    // committed value (PostgreSQL re-evaluates last_number on the new row version under READ COMMITTED).
    int updated = jdbc.update("UPDATE wg_meeting_number SET last_number = GREATEST(last_number,"
        + " (SELECT COALESCE(MAX(m.meeting_number), 0) FROM wg_meeting m WHERE m.meeting_year = ?)) + 1"
        + " WHERE meeting_year = ?", year, year);
    if (updated != 1) {
      throw new IllegalStateException("No meeting number counter for " + year);
    }
    Integer number = jdbc.queryForObject("SELECT last_number FROM wg_meeting_number WHERE meeting_year = ?",
        Integer.class, year);
    return number;
  }

  /** Creates the year's counter row when it is missing, without failing when another start creates it too. */
  private void ensureCounter(int year) {
    if (isPostgres()) {
      jdbc.update("INSERT INTO wg_meeting_number (meeting_year, last_number) VALUES (?, 0)"
          + " ON CONFLICT (meeting_year) DO NOTHING", year);
      return;
    }
    try {
      // H2 (one node only): a failed statement does not abort the transaction there
      jdbc.update("MERGE INTO wg_meeting_number t USING (SELECT CAST(? AS INT) AS y) s ON t.meeting_year = s.y"
          + " WHEN NOT MATCHED THEN INSERT (meeting_year, last_number) VALUES (s.y, 0)", year);
    } catch (DuplicateKeyException createdByAConcurrentStart) {
      // the row exists now: the UPDATE below locks it
    }
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
          .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
      postgres = known;
    }
    return known;
  }
}
