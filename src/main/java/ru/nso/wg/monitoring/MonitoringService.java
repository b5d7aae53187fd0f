package ru.nso.wg.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.CalendarProperties;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineCalculator;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MissingCalendarYearException;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.control.DecisionRegister;
import ru.nso.wg.control.DecisionState;
import ru.nso.wg.meeting.DeadlineOutcome;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.monitoring.DeadlineEvaluator.Completion;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.monitoring.MonitoringData.Timeline;
import ru.nso.wg.monitoring.MonitoringData.TimelineEntry;
import ru.nso.wg.notification.MeetingMessages;
import ru.nso.wg.roster.DeputyArea;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read side of the managers' monitoring (Cockpit «Заседания и сроки» and the reports): reads the application's
 * own tables ({@code wg_meeting}, {@code wg_deadline_event}, {@code wg_meeting_event}, {@code wg_mail_delivery},
 * {@code wg_controlled_decision}, …) in a fixed, small number of queries per call, never Camunda's history, and
 * evaluates deadlines with the production calendar ({@link DeadlineEvaluator}). Access is checked by the callers
 * ({@link MonitoringAccess}); this service only filters by the areas it is given.
 */
@Service
public class MonitoringService {

  /** The register of meetings with everything the dashboard and the reports show, in one query. */
  private static final String MEETINGS = "SELECT m.business_key, m.meeting_year, m.meeting_number,"
      + " m.process_instance_id, m.meeting_start, m.meeting_format, m.presiding_name, m.status, m.signed_on,"
      + " m.publication_requested_at,"
      + " (SELECT MAX(e.occurred_at) FROM wg_meeting_event e WHERE e.business_key = m.business_key"
      + "   AND e.event_kind = '" + MeetingEventKind.PUBLISHED.name() + "') AS published_at,"
      + " (SELECT MAX(e.details) FROM wg_meeting_event e WHERE e.business_key = m.business_key"
      + "   AND e.event_kind = '" + MeetingEventKind.PUBLISHED.name() + "') AS publication_url,"
      + " (SELECT MIN(x.sent_at) FROM wg_mail_delivery x WHERE x.meeting_key = m.business_key"
      + "   AND x.message_kind = '" + MeetingMessages.MINUTES_COPY + "') AS copies_sent_at,"
      + " (SELECT COUNT(*) FROM wg_agenda_item i WHERE i.business_key = m.business_key) AS items,"
      + " (SELECT COUNT(*) FROM wg_decision d WHERE d.business_key = m.business_key"
      + "   AND d.outcome = '" + Decision.ADOPTED.name() + "') AS decisions,"
      + " (SELECT COUNT(*) FROM wg_attendance a WHERE a.business_key = m.business_key AND a.presence <> 'ABSENT'"
      + "   AND a.attempt = (SELECT MAX(a2.attempt) FROM wg_attendance a2 WHERE a2.business_key = m.business_key))"
      + "   AS present,"
      + " (SELECT COUNT(*) FROM wg_attendance a WHERE a.business_key = m.business_key"
      + "   AND a.attempt = (SELECT MAX(a2.attempt) FROM wg_attendance a2 WHERE a2.business_key = m.business_key))"
      + "   AS registered"
      + " FROM wg_meeting m";

  private static final String DEADLINE_EVENTS = "SELECT d.business_key, d.deadline_kind, d.due_at, d.recorded_at"
      + " FROM wg_deadline_event d JOIN wg_meeting m ON m.business_key = d.business_key"
      + " WHERE d.outcome IN ('" + DeadlineOutcome.MET.name() + "', '" + DeadlineOutcome.LATE.name() + "') AND ";

  private static final String DECISIONS = "SELECT d.decision_key, d.meeting_key, m.meeting_year, m.meeting_number,"
      + " m.meeting_start, d.item_no, d.item_title, d.decision_text, d.executor_name, d.executor_id, d.control_area,"
      + " d.controller_name, d.original_due_date, d.due_date, d.due_at, d.state, d.closed_at, d.process_instance_id"
      + " FROM wg_controlled_decision d JOIN wg_meeting m ON m.business_key = d.meeting_key"
      + " WHERE m.meeting_start >= ? AND m.meeting_start < ?";

  private final JdbcTemplate jdbc;
  private final ProductionCalendar calendar;
  private final DeadlineCalculator calculator;
  private final CalendarClock clock;
  private final DecisionRegister register;
  private final IdentityService identity;

  public MonitoringService(JdbcTemplate jdbc, ProductionCalendar calendar, CalendarProperties calendarProperties,
                           CalendarClock clock, DecisionRegister register, IdentityService identity) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.calculator = new DeadlineCalculator(calendarProperties.deadlineSettings());
    this.clock = clock;
    this.register = register;
    this.identity = identity;
  }

  /** An evaluator for "now" (the engine clock) over the current calendar. */
  public DeadlineEvaluator evaluator() {
    return new DeadlineEvaluator(calendar.snapshot(), calculator, clock.now());
  }

  public LocalDate today() {
    return clock.today();
  }

  // ------------------------------------------------------------------------------------------------ meetings

  /** The meetings of a period by date, with their deadlines: two queries whatever the number of meetings. */
  public List<MeetingOverview> meetings(Period period) {
    return meetings(" WHERE m.meeting_start >= ? AND m.meeting_start < ?",
        new Object[] {period.start(), period.end()}, evaluator());
  }

  public Optional<MeetingOverview> meetingByProcessInstance(String processInstanceId) {
    return meetings(" WHERE m.process_instance_id = ?", new Object[] {processInstanceId}, evaluator())
        .stream().findFirst();
  }

  private List<MeetingOverview> meetings(String where, Object[] args, DeadlineEvaluator evaluator) {
    List<Row> rows = jdbc.query(MEETINGS + where + " ORDER BY m.meeting_start, m.meeting_year, m.meeting_number",
        (rs, i) -> row(rs), args);
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Map<DeadlineKind, Completion>> completions = new HashMap<>();
    jdbc.query(DEADLINE_EVENTS + where.replace(" WHERE ", "") + " ORDER BY d.id", rs -> {
      Optional<DeadlineKind> kind = DeadlineKind.fromCode(rs.getString("deadline_kind"));
      if (kind.isPresent()) {
        // ordered by id: a later completion (after a postponement) replaces an earlier one
        completions.computeIfAbsent(rs.getString("business_key"), key -> new EnumMap<>(DeadlineKind.class))
            .put(kind.get(), new Completion(time(rs, "due_at"), time(rs, "recorded_at")));
      }
    }, args);
    List<MeetingOverview> result = new ArrayList<>(rows.size());
    for (Row r : rows) {
      result.add(new MeetingOverview(r.key, r.year, r.number, r.processInstanceId, r.start, r.format, r.status,
          r.presidingName, r.signedOn, r.copiesSentAt, r.publishedAt, r.publicationUrl, r.items, r.decisions,
          r.present, r.registered,
          evaluator.evaluate(r.status, r.start.toLocalDate(), r.signedOn, completions.getOrDefault(r.key, Map.of())),
          evaluator.publication(r.status, r.publicationRequestedAt, r.publishedAt)));
    }
    return result;
  }

  private record Row(String key, int year, int number, String processInstanceId, OffsetDateTime start,
                     MeetingFormat format, MeetingStatus status, String presidingName, LocalDate signedOn,
                     OffsetDateTime publishedAt, String publicationUrl, OffsetDateTime copiesSentAt, int items,
                     int decisions, int present, int registered, OffsetDateTime publicationRequestedAt) {
  }

  private static Row row(ResultSet rs) throws SQLException {
    Timestamp copies = rs.getTimestamp("copies_sent_at");
    return new Row(rs.getString("business_key"), rs.getInt("meeting_year"), rs.getInt("meeting_number"),
        rs.getString("process_instance_id"), time(rs, "meeting_start"),
        MeetingFormat.valueOf(rs.getString("meeting_format")), MeetingStatus.valueOf(rs.getString("status")),
        rs.getString("presiding_name"), localDate(rs.getDate("signed_on")), time(rs, "published_at"),
        rs.getString("publication_url"),
        copies == null ? null : copies.toInstant().atZone(RussianDates.ZONE).toOffsetDateTime(),
        rs.getInt("items"), rs.getInt("decisions"), rs.getInt("present"), rs.getInt("registered"),
        time(rs, "publication_requested_at"));
  }

  private static LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return RussianDates.atLocalOffset(t);
  }

  // ----------------------------------------------------------------------------------------------- decisions

  /**
   * Counts of decisions under control by area and category, for the meetings of a period: one query.
   *
   * @param areas the areas to count ({@code null} = every area)
   */
  public List<AreaCounts> decisionCounts(Period period, List<String> areas) {
    if (areas != null && areas.isEmpty()) {
      return List.of();
    }
    Categories c = categories();
    // grouped in an outer query: PostgreSQL does not take a CASE with parameters in GROUP BY as the same expression
    StringBuilder sql = new StringBuilder("SELECT control_area, category, COUNT(*) AS n FROM (SELECT d.control_area,"
        + " CASE WHEN d.state = 'OVERDUE' OR (d.state = 'IN_PROGRESS' AND d.due_at < ?) THEN 'OVERDUE'"
        + " WHEN d.state = 'IN_PROGRESS' AND d.due_date <= ? THEN 'DUE_SOON' ELSE d.state END AS category"
        + " FROM wg_controlled_decision d JOIN wg_meeting m ON m.business_key = d.meeting_key"
        + " WHERE m.meeting_start >= ? AND m.meeting_start < ?");
    List<Object> args = new ArrayList<>(List.of(c.now, Date.valueOf(c.soon), period.start(), period.end()));
    appendAreas(sql, args, areas);
    sql.append(") x GROUP BY control_area, category");
    Map<String, Map<DecisionCategory, Integer>> counts = new LinkedHashMap<>();
    for (String area : areas == null ? areaIds() : areas) {
      counts.put(area, new EnumMap<>(DecisionCategory.class));
    }
    jdbc.query(sql.toString(), rs -> {
      DecisionCategory category = DecisionCategory.valueOf(rs.getString("category"));
      counts.computeIfAbsent(rs.getString("control_area"), a -> new EnumMap<>(DecisionCategory.class))
          .merge(category, rs.getInt("n"), Integer::sum);
    }, args.toArray());
    return counts.entrySet().stream()
        .map(e -> new AreaCounts(e.getKey(), DecisionControl.areaTitle(e.getKey()), e.getValue())).toList();
  }

  /**
   * The decisions under control of a period's meetings, by due date: one query.
   *
   * @param areas    the areas to list ({@code null} = every area)
   * @param category one category only, or {@code null} for all
   */
  public List<DecisionRow> decisions(Period period, List<String> areas, DecisionCategory category) {
    if (areas != null && areas.isEmpty()) {
      return List.of();
    }
    Categories c = categories();
    StringBuilder sql = new StringBuilder(DECISIONS);
    List<Object> args = new ArrayList<>(List.of(period.start(), period.end()));
    appendAreas(sql, args, areas);
    if (category != null) {
      switch (category) {
        case OVERDUE -> {
          sql.append(" AND (d.state = 'OVERDUE' OR (d.state = 'IN_PROGRESS' AND d.due_at < ?))");
          args.add(c.now);
        }
        case DUE_SOON -> {
          sql.append(" AND d.state = 'IN_PROGRESS' AND d.due_at >= ? AND d.due_date <= ?");
          args.add(c.now);
          args.add(Date.valueOf(c.soon));
        }
        case IN_PROGRESS -> {
          sql.append(" AND d.state = 'IN_PROGRESS' AND d.due_at >= ? AND d.due_date > ?");
          args.add(c.now);
          args.add(Date.valueOf(c.soon));
        }
        case EXECUTED, WITHDRAWN -> {
          sql.append(" AND d.state = ?");
          args.add(category.name());
        }
      }
    }
    sql.append(" ORDER BY d.due_date, m.meeting_year, m.meeting_number, d.item_no");
    return jdbc.query(sql.toString(), (rs, i) -> decision(rs, c), args.toArray());
  }

  /** One decision with its history ({@code wg_decision_event}), if it is under control. */
  public Optional<DecisionRow> decision(String key) {
    Categories c = categories();
    return jdbc.query(DECISIONS.replace(" WHERE m.meeting_start >= ? AND m.meeting_start < ?",
            " WHERE d.decision_key = ?"), (rs, i) -> decision(rs, c), key).stream().findFirst();
  }

  public List<DecisionEvent> decisionHistory(String key) {
    return register.events(key);
  }

  private DecisionRow decision(ResultSet rs, Categories c) throws SQLException {
    DecisionState state = DecisionState.valueOf(rs.getString("state"));
    OffsetDateTime dueAt = time(rs, "due_at");
    LocalDate dueDate = rs.getDate("due_date").toLocalDate();
    DecisionCategory category = switch (state) {
      case OVERDUE -> DecisionCategory.OVERDUE;
      case EXECUTED -> DecisionCategory.EXECUTED;
      case WITHDRAWN -> DecisionCategory.WITHDRAWN;
      case IN_PROGRESS -> !Deadline.inTime(c.now.toInstant(), dueAt.toInstant()) ? DecisionCategory.OVERDUE
          : !dueDate.isAfter(c.soon) ? DecisionCategory.DUE_SOON : DecisionCategory.IN_PROGRESS;
    };
    OffsetDateTime closedAt = time(rs, "closed_at");
    String area = rs.getString("control_area");
    Date original = rs.getDate("original_due_date");
    return new DecisionRow(rs.getString("decision_key"), rs.getString("meeting_key"), rs.getInt("meeting_year"),
        rs.getInt("meeting_number"), time(rs, "meeting_start").toLocalDate(), rs.getInt("item_no"),
        rs.getString("item_title"), rs.getString("decision_text"),
        Optional.ofNullable(rs.getString("executor_name")).orElse(rs.getString("executor_id")), area,
        DecisionControl.areaTitle(area), rs.getString("controller_name"),
        original == null ? null : original.toLocalDate(), dueDate, state, category, closedAt,
        state == DecisionState.EXECUTED && closedAt != null
            && !Deadline.inTime(closedAt.toInstant(), dueAt.toInstant()),
        rs.getString("process_instance_id"));
  }

  /** "Now" and the last due date that counts as due soon (3 working days after today). */
  private record Categories(OffsetDateTime now, LocalDate soon) {
  }

  private Categories categories() {
    LocalDate today = clock.today();
    LocalDate soon;
    try {
      soon = calendar.snapshot().shift(today, DecisionCategory.DUE_SOON_WORKING_DAYS).date();
    } catch (MissingCalendarYearException e) {
      soon = today.plusDays(DecisionCategory.DUE_SOON_WORKING_DAYS); // the next year is not published yet
    }
    return new Categories(OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC), soon);
  }

  private static void appendAreas(StringBuilder sql, List<Object> args, List<String> areas) {
    if (areas != null) {
      sql.append(" AND d.control_area IN (").append(String.join(", ", Collections.nCopies(areas.size(), "?")))
          .append(")");
      args.addAll(areas);
    }
  }

  private static List<String> areaIds() {
    return Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId)
        .toList();
  }

  // ------------------------------------------------------------------------------------------------ timeline

  /**
   * A meeting's legal timeline: every deadline with its instant and when the work was done, everything recorded
   * about the meeting (postponements with who decided, reminders and escalations, signing, publication) and the
   * e-mail sent for it. Four queries, plus one identity query for the names of the people who acted.
   */
  public Optional<Timeline> timeline(String processInstanceId) {
    DeadlineEvaluator evaluator = evaluator();
    Optional<MeetingOverview> found = meetings(" WHERE m.process_instance_id = ?", new Object[] {processInstanceId},
        evaluator).stream().findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    MeetingOverview meeting = found.get();
    List<TimelineEntry> entries = new ArrayList<>();
    for (DeadlineStatus d : meeting.deadlines()) {
      if (d.dueAt() != null) {
        entries.add(new TimelineEntry(d.dueAt(), "DEADLINE", "Срок " + d.kind().reference() + ": "
            + d.kind().description(), d.text() + (d.doneAt() == null ? "" : "; выполнено "
            + Texts.dateTime(d.doneAt())), null, null));
      }
    }
    ServiceLevelStatus p = meeting.publication();
    if (p.dueAt() != null) {
      entries.add(new TimelineEntry(p.dueAt(), "SERVICE_LEVEL", "Срок: " + p.kind().description(),
          p.text() + (p.doneAt() == null ? "" : "; размещено " + Texts.dateTime(p.doneAt())), null, null));
    }
    jdbc.query("SELECT event_kind, details, actor, occurred_at FROM wg_meeting_event WHERE business_key = ?"
        + " ORDER BY id", rs -> {
          String kind = rs.getString("event_kind");
          entries.add(new TimelineEntry(time(rs, "occurred_at"), kind, Texts.eventTitle(kind),
              rs.getString("details"), rs.getString("actor"), null));
        }, meeting.key());
    jdbc.query("SELECT message_kind, COUNT(*) AS n, MIN(sent_at) AS first_sent FROM wg_mail_delivery"
        + " WHERE meeting_key = ? GROUP BY message_kind", rs -> {
          String kind = rs.getString("message_kind");
          int n = rs.getInt("n");
          entries.add(new TimelineEntry(rs.getTimestamp("first_sent").toInstant().atZone(RussianDates.ZONE)
              .toOffsetDateTime(), "MAIL", Texts.mailTitle(kind), "Отправлено адресатов: " + n, null, null));
        }, meeting.key());
    Map<String, String> names = names(entries.stream().map(TimelineEntry::actor).filter(a -> a != null)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
    List<TimelineEntry> named = entries.stream()
        .map(e -> e.actor() == null ? e : new TimelineEntry(e.at(), e.kind(), e.title(), e.details(), e.actor(),
            names.getOrDefault(e.actor(), e.actor())))
        .sorted(Comparator.comparing(TimelineEntry::at)).toList();
    return Optional.of(new Timeline(meeting, named));
  }

  /** Full names of users, in one identity query; unknown ids are left out. */
  public Map<String, String> names(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    for (User u : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
      String name = ((u.getLastName() == null ? "" : u.getLastName()) + " "
          + (u.getFirstName() == null ? "" : u.getFirstName())).trim();
      names.put(u.getId(), name.isEmpty() ? u.getId() : name);
    }
    return names;
  }

  /** Meeting keys of a set, for tests and the seeding helper. */
  static Set<String> keys(List<MeetingOverview> meetings) {
    return meetings.stream().map(MeetingOverview::key).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
