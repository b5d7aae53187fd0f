package ru.nso.wg.calendar;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The tables of the calendar of record ({@code wg_calendar_*}, Flyway V52), plain SQL for H2 and PostgreSQL. Every
 * method runs in the caller's transaction, if any.
 */
@Repository
public class CalendarOfRecord {

  private final JdbcTemplate jdbc;
  private volatile Boolean postgres;

  public CalendarOfRecord(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The state row. */
  public record State(long version, String fingerprint, long recalculatedVersion, String recalculationOwner,
                      Instant recalculationStartedAt) {
  }

  /** One stored year: its file as loaded, and who changed it last. */
  public record StoredYear(int year, String source, byte[] content, long changedInVersion, String changedBy,
                           Instant changedAt) {
  }

  /** One change of the calendar of record and what its recalculation did (counts are null until it ran). */
  public record Change(long version, String changedYears, String changedBy, String node, Instant changedAt,
                       int recalculations, String recalculatedBy, Instant recalculatedAt, Integer timersRecalculated,
                       Integer timersMoved, Integer timersFailed, Integer tasksRecalculated, Integer tasksMoved,
                       Integer tasksFailed) {
  }

  /** The state without a lock (the poll). */
  public State state() {
    return jdbc.queryForObject("SELECT * FROM wg_calendar_state WHERE id = 1", STATE);
  }

  /**
   * The version, with a shared row lock on PostgreSQL held to the end of the caller's transaction: a change of the
   * calendar (which updates the row) waits until that transaction has committed what it computed with the
   * version it read, so the change's recalculation finds it.
   */
  public long versionForShare() {
    return jdbc.queryForObject("SELECT version FROM wg_calendar_state WHERE id = 1"
        + (isPostgres() ? " FOR SHARE" : ""), Long.class);
  }

  /** The state, locked for update to the end of the caller's transaction (changes wait for one another). */
  public State lockState() {
    return jdbc.queryForObject("SELECT * FROM wg_calendar_state WHERE id = 1 FOR UPDATE", STATE);
  }

  public List<StoredYear> years() {
    return jdbc.query("SELECT * FROM wg_calendar_year ORDER BY calendar_year", (rs, i) -> new StoredYear(
        rs.getInt("calendar_year"), rs.getString("source"), rs.getBytes("content"), rs.getLong("changed_in_version"),
        rs.getString("changed_by"), instant(rs.getObject("changed_at", OffsetDateTime.class))));
  }

  public void upsertYear(int year, String source, byte[] content, long version, String changedBy, Instant at) {
    int updated = jdbc.update("UPDATE wg_calendar_year SET source = ?, content = ?, changed_in_version = ?,"
        + " changed_by = ?, changed_at = ? WHERE calendar_year = ?",
        source, content, version, changedBy, utc(at), year);
    if (updated == 0) {
      jdbc.update("INSERT INTO wg_calendar_year (calendar_year, source, content, changed_in_version, changed_by,"
          + " changed_at) VALUES (?, ?, ?, ?, ?, ?)", year, source, content, version, changedBy, utc(at));
    }
  }

  /** Only the source changed (e.g. the same year now read from another path): who changed the content stays. */
  public void updateSource(int year, String source) {
    jdbc.update("UPDATE wg_calendar_year SET source = ? WHERE calendar_year = ?", source, year);
  }

  public void deleteYear(int year) {
    jdbc.update("DELETE FROM wg_calendar_year WHERE calendar_year = ?", year);
  }

  /** Records a new version, claimed for recalculation by {@code node}; the state must be locked by the caller. */
  public void newVersion(long version, String fingerprint, String changedYears, String changedBy, String node,
                         Instant at) {
    jdbc.update("UPDATE wg_calendar_state SET version = ?, fingerprint = ?, recalculation_owner = ?,"
        + " recalculation_started_at = ? WHERE id = 1", version, fingerprint, node, utc(at));
    jdbc.update("INSERT INTO wg_calendar_change (version, changed_years, fingerprint, changed_by, node, changed_at,"
        + " recalculations) VALUES (?, ?, ?, ?, ?, ?, 0)",
        version, changedYears, fingerprint, changedBy, node, utc(at));
  }

  /**
   * Claims the recalculation of the current version for {@code node}: when {@code force}, whoever holds it; else
   * when nobody does, {@code node} itself does ({@code mayBeOwn}) or the holder's lease has expired (the node died or
   * the recalculation failed).
   *
   * @return the version claimed, or -1 when there is nothing to claim
   */
  public long claimRecalculation(String node, Instant now, Instant leaseExpiredBefore, boolean force,
                                 boolean mayBeOwn) {
    String update = "UPDATE wg_calendar_state SET recalculation_owner = ?, recalculation_started_at = ?"
        + " WHERE id = 1 AND recalculated_version < version";
    int claimed;
    if (force) {
      claimed = jdbc.update(update, node, utc(now));
    } else if (mayBeOwn) {
      claimed = jdbc.update(update + " AND (recalculation_owner IS NULL OR recalculation_owner = ?"
          + " OR recalculation_started_at < ?)", node, utc(now), node, utc(leaseExpiredBefore));
    } else {
      claimed = jdbc.update(update + " AND (recalculation_owner IS NULL OR recalculation_started_at < ?)", node,
          utc(now), utc(leaseExpiredBefore));
    }
    return claimed == 1 ? state().version() : -1;
  }

  /** The recalculation of {@code version} is over; {@code complete} when nothing failed. */
  public void finishRecalculation(long version, String node, Instant at, boolean complete, int timersRecalculated,
                                  int timersMoved, int timersFailed, int tasksRecalculated, int tasksMoved,
                                  int tasksFailed) {
    jdbc.update("UPDATE wg_calendar_change SET recalculations = recalculations + 1, recalculated_by = ?,"
            + " recalculated_at = ?, timers_recalculated = ?, timers_moved = ?, timers_failed = ?,"
            + " tasks_recalculated = ?, tasks_moved = ?, tasks_failed = ? WHERE version = ?",
        node, utc(at), timersRecalculated, timersMoved, timersFailed, tasksRecalculated, tasksMoved, tasksFailed,
        version);
    if (complete) {
      jdbc.update("UPDATE wg_calendar_state SET recalculated_version = ?, recalculation_owner = NULL,"
          + " recalculation_started_at = NULL WHERE id = 1 AND recalculated_version < ?", version, version);
    }
  }

  /** The latest changes, newest first. */
  public List<Change> changes(int limit) {
    return jdbc.query("SELECT * FROM wg_calendar_change ORDER BY version DESC", (rs, i) -> new Change(
        rs.getLong("version"), rs.getString("changed_years"), rs.getString("changed_by"), rs.getString("node"),
        instant(rs.getObject("changed_at", OffsetDateTime.class)), rs.getInt("recalculations"),
        rs.getString("recalculated_by"), instant(rs.getObject("recalculated_at", OffsetDateTime.class)),
        rs.getObject("timers_recalculated", Integer.class), rs.getObject("timers_moved", Integer.class),
        rs.getObject("timers_failed", Integer.class), rs.getObject("tasks_recalculated", Integer.class),
        rs.getObject("tasks_moved", Integer.class), rs.getObject("tasks_failed", Integer.class)))
        .stream().limit(limit).toList();
  }

  private static final RowMapper<State> STATE = (rs, i) -> new State(
      rs.getLong("version"), rs.getString("fingerprint"), rs.getLong("recalculated_version"),
      rs.getString("recalculation_owner"), instant(rs.getObject("recalculation_started_at", OffsetDateTime.class)));

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.getMetaData()
          .getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
      postgres = known;
    }
    return known;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
