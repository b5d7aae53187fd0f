package ru.nso.wg.control;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.nso.wg.meeting.MeetingRef;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The register of decisions under execution control (tables {@code wg_controlled_decision} and
 * {@code wg_decision_event}, Flyway V30), written in the same database transaction as the engine: a step that rolls
 * back leaves no trace in either. Times are stored in UTC; "now" is the engine clock.
 */
@Repository
public class DecisionRegister {

  private static final String SELECT = "SELECT d.*, m.meeting_year, m.meeting_number, m.meeting_start"
      + " FROM wg_controlled_decision d JOIN wg_meeting m ON m.business_key = d.meeting_key";
  private static final String ORDER = " ORDER BY d.due_date, m.meeting_year, m.meeting_number, d.item_no";

  private final JdbcTemplate jdbc;

  public DecisionRegister(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Date sqlDate(LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }

  /**
   * Inserts a decision. The caller checks first that it is not registered yet ({@link #find}); a duplicate key is an
   * error (on PostgreSQL it would abort the transaction, so it is never caught and ignored here).
   */
  public void insert(ControlledDecision d) {
    jdbc.update("INSERT INTO wg_controlled_decision (decision_key, meeting_key, item_no, item_title, decision_text,"
            + " executor_id, executor_kind, executor_name, control_area, controller_id, controller_name,"
            + " original_due_date, due_date, due_at, state, stage, process_instance_id, registered_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        d.key(), d.meetingKey(), d.itemNo(), d.itemTitle(), d.decisionText(), d.executorId(), d.executorKind().name(),
        d.executorName(), d.controlArea(), d.controllerId(), d.controllerName(), sqlDate(d.originalDueDate()),
        sqlDate(d.dueDate()), utc(d.dueAt()), d.state().name(), d.stage().name(), d.processInstanceId(), now(), now());
  }

  public Optional<ControlledDecision> find(String key) {
    return jdbc.query(SELECT + " WHERE d.decision_key = ?", DECISION, key).stream().findFirst();
  }

  public ControlledDecision get(String key) {
    return find(key).orElseThrow(() -> new IllegalStateException("Decision " + key + " is not in the register"));
  }

  public List<ControlledDecision> search(DecisionQuery query) {
    return search(query, 0, Integer.MAX_VALUE).decisions();
  }

  /** A page of a search and how many decisions the search finds in all. */
  public record Found(int total, List<ControlledDecision> decisions) {
  }

  /** The decisions found, in the register's order, skipping {@code offset} and at most {@code limit} of them. */
  public Found search(DecisionQuery query, int offset, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (!criteria(query, where, args)) {
      return new Found(0, List.of());
    }
    Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM wg_controlled_decision d" + where, Integer.class,
        args.toArray());
    args.add(offset);
    args.add(limit);
    return new Found(total == null ? 0 : total, jdbc.query(SELECT + where + ORDER
        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", DECISION, args.toArray()));
  }

  /** Appends the query's conditions; {@code false} when it can match nothing (no control area at all). */
  private static boolean criteria(DecisionQuery query, StringBuilder sql, List<Object> args) {
    if (query.meetingKey() != null) {
      sql.append(" AND d.meeting_key = ?");
      args.add(query.meetingKey());
    }
    if (query.controlAreas() != null) {
      if (query.controlAreas().isEmpty()) {
        return false;
      }
      sql.append(" AND d.control_area IN (").append(placeholders(query.controlAreas().size())).append(")");
      args.addAll(query.controlAreas());
    }
    if (query.executorId() != null) {
      sql.append(" AND d.executor_id = ?");
      args.add(query.executorId());
    }
    if (!query.states().isEmpty()) {
      sql.append(" AND d.state IN (").append(placeholders(query.states().size())).append(")");
      query.states().stream().map(Enum::name).sorted().forEach(args::add);
    }
    return true;
  }

  public void setStage(String key, DecisionStage stage) {
    jdbc.update("UPDATE wg_controlled_decision SET stage = ?, updated_at = ? WHERE decision_key = ?",
        stage.name(), now(), key);
  }

  public void setState(String key, DecisionState state) {
    jdbc.update("UPDATE wg_controlled_decision SET state = ?, updated_at = ? WHERE decision_key = ?",
        state.name(), now(), key);
  }

  /** A new due date in force; an overdue decision is back in progress. */
  public void extend(String key, LocalDate dueDate, OffsetDateTime dueAt) {
    jdbc.update("UPDATE wg_controlled_decision SET due_date = ?, due_at = ?, state = ?, updated_at = ?"
        + " WHERE decision_key = ?", sqlDate(dueDate), utc(dueAt), DecisionState.IN_PROGRESS.name(), now(), key);
  }

  /** Accepted as executed: closed. */
  public void close(String key, DecisionState state) {
    jdbc.update("UPDATE wg_controlled_decision SET state = ?, stage = ?, closed_at = ?, updated_at = ?"
        + " WHERE decision_key = ?", state.name(), DecisionStage.CLOSED.name(), now(), now(), key);
  }

  /** Withdrawn by a later decision of the working group: closed, with the reference to it. */
  public void withdraw(String key, String byMeetingKey, int byItemNo) {
    jdbc.update("UPDATE wg_controlled_decision SET state = ?, stage = ?, withdrawn_by_meeting = ?,"
            + " withdrawn_by_item = ?, closed_at = ?, updated_at = ? WHERE decision_key = ?",
        DecisionState.WITHDRAWN.name(), DecisionStage.CLOSED.name(), byMeetingKey, byItemNo, now(), now(), key);
  }

  public void addEvent(String key, DecisionEvent e) {
    jdbc.update("INSERT INTO wg_decision_event (decision_key, event_kind, details, links, due_date_before,"
            + " due_date_after, reference, actor, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, e.kind().name(), truncate(e.details(), 8000), truncate(e.links(), 4000), sqlDate(e.dueDateBefore()),
        sqlDate(e.dueDateAfter()), e.reference(), e.actor(), now());
  }

  public List<DecisionEvent> events(String key) {
    return jdbc.query("SELECT * FROM wg_decision_event WHERE decision_key = ?"
            + " ORDER BY id", (rs, i) -> new DecisionEvent(
        DecisionEventKind.valueOf(rs.getString("event_kind")), rs.getString("details"), rs.getString("links"),
        localDate(rs.getDate("due_date_before")), localDate(rs.getDate("due_date_after")), rs.getString("reference"),
        rs.getString("actor"), rs.getObject("occurred_at", OffsetDateTime.class)), key);
  }

  private static final RowMapper<ControlledDecision> DECISION = (rs, i) -> new ControlledDecision(
      rs.getString("decision_key"), rs.getString("meeting_key"),
      new MeetingRef(rs.getInt("meeting_year"), rs.getInt("meeting_number")),
      rs.getObject("meeting_start", OffsetDateTime.class), rs.getInt("item_no"), rs.getString("item_title"),
      rs.getString("decision_text"), rs.getString("executor_id"), ExecutorKind.valueOf(rs.getString("executor_kind")),
      rs.getString("executor_name"), rs.getString("control_area"), rs.getString("controller_id"),
      rs.getString("controller_name"), localDate(rs.getDate("original_due_date")), localDate(rs.getDate("due_date")),
      rs.getObject("due_at", OffsetDateTime.class), DecisionState.valueOf(rs.getString("state")),
      DecisionStage.valueOf(rs.getString("stage")), rs.getString("process_instance_id"),
      rs.getString("withdrawn_by_meeting"), (Integer) rs.getObject("withdrawn_by_item", Integer.class),
      rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));

  private static LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  private static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
