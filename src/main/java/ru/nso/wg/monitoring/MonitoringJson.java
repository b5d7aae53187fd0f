package ru.nso.wg.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.control.DecisionEventKind;
import ru.nso.wg.control.DecisionState;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.monitoring.MonitoringData.TimelineEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the monitoring views and reports, as records: what the Cockpit plugin's JAX-RS resources (Camunda's
 * own Jackson mapper) and {@code /api/reports} (Spring's) write. Dates and instants are text formatted here, dates
 * ISO and instants with the Novosibirsk offset, so that both mappers write the same thing whatever their date
 * settings; null fields are written as {@code null}. Every code comes with its Russian title.
 * {@code src/test/java/ru/nso/wg/monitoring/MonitoringJsonSnapshotTest.java} pins the JSON.
 */
public final class MonitoringJson {

  private MonitoringJson() {
  }

  /** A period of meeting dates, both ends included. */
  public record PeriodView(String from, String to) {
    public static PeriodView of(Period p) {
      return new PeriodView(p.from().toString(), p.to().toString());
    }
  }

  /** The dashboard: meetings ({@code null} without full access), decision categories, counts by area. */
  public record DashboardView(PeriodView period, String today, String user, boolean fullAccess,
                              List<MeetingView> meetings, List<CategoryView> categories, List<AreaCountsView> areas) {
  }

  /** The compliance report: the register of meetings with deadlines, totals per clause. */
  public record ComplianceView(PeriodView period, List<MeetingView> meetings, List<ClauseSummary> summary) {
  }

  /** Decisions under control of a period (optionally of an area and a category), with counts by area. */
  public record DecisionsView(PeriodView period, String area, DecisionCategory category, String categoryTitle,
                              int count, List<AreaCountsView> areas, List<DecisionView> decisions) {
  }

  /** A meeting's legal timeline. */
  public record TimelineView(MeetingView meeting, List<TimelineEntryView> entries) {
  }

  /** One meeting of the register with its deadlines, the next one, and apart the publication's service level. */
  public record MeetingView(String key, String number, String date, String start, MeetingFormat format,
                            String formatTitle, MeetingStatus status, String statusTitle, String presiding,
                            boolean held, String quorum, int items, int decisions, String signedOn,
                            String copiesSentAt, String publishedAt, String publicationUrl, String minutesUrl,
                            String processInstanceId, boolean running, DeadlineView next,
                            List<DeadlineView> deadlines, ServiceLevelView publication) {

    public static MeetingView of(MeetingOverview m) {
      DeadlineStatus next = m.next();
      return new MeetingView(m.key(), m.display(), m.date().toString(), instant(m.start()), m.format(),
          m.format().title(), m.status(), m.status().title(), m.presidingName(), m.held(), m.quorumText(),
          m.items(), m.decisions(), MonitoringJson.date(m.signedOn()), instant(m.copiesSentAt()),
          instant(m.publishedAt()), m.publicationUrl(), MonitoringJson.minutesUrl(m), m.processInstanceId(),
          m.running(), next == null ? null : DeadlineView.of(next),
          m.deadlines().stream().map(DeadlineView::of).toList(), ServiceLevelView.of(m.publication()));
    }
  }

  /** The signed minutes (DOCX) of the application's API, once signed. */
  public static String minutesUrl(MeetingOverview m) {
    return m.signedOn() == null ? null : "/api/meetings/" + m.key() + "/minutes.docx";
  }

  /** One regulatory deadline of a meeting, evaluated. {@code kind} is the deadline's code. */
  public record DeadlineView(String kind, String clause, String reference, String description, String dueDate,
                             String dueAt, String doneAt, DeadlineState state, String stateTitle,
                             int lateWorkingDays, String text) {

    public static DeadlineView of(DeadlineStatus d) {
      return new DeadlineView(d.kind().code(), d.kind().clause(), d.kind().reference(), d.kind().description(),
          date(d.dueDate()), instant(d.dueAt()), instant(d.doneAt()), d.state(), d.state().title(),
          d.lateWorkingDays(), d.text());
    }
  }

  /**
   * The publication's service level of a meeting: not a deadline of the regulation ({@code reference} says so), kept
   * out of {@code deadlines}, {@code next} and the totals per clause.
   */
  public record ServiceLevelView(String kind, String reference, String description, String requestedAt,
                                 String dueDate, String dueAt, String doneAt, ServiceLevelState state,
                                 String stateTitle, int lateWorkingDays, String text) {

    public static ServiceLevelView of(ServiceLevelStatus s) {
      return new ServiceLevelView(s.kind().code(), s.kind().reference(), s.kind().description(),
          instant(s.requestedAt()), date(s.dueDate()), instant(s.dueAt()), instant(s.doneAt()), s.state(),
          s.state().title(), s.lateWorkingDays(), s.text());
    }
  }

  /** Per clause, how many meetings are in each deadline state (the states are the keys, as the report shows). */
  public record ClauseSummary(String kind, String clause, String description,
                              @JsonProperty("UPCOMING") int upcoming, @JsonProperty("AT_RISK") int atRisk,
                              @JsonProperty("MISSED") int missed, @JsonProperty("MET") int met,
                              @JsonProperty("LATE") int late, @JsonProperty("NOT_APPLICABLE") int notApplicable) {

    public static ClauseSummary of(DeadlineKind kind, Map<DeadlineState, Integer> counts) {
      return new ClauseSummary(kind.code(), kind.clause(), kind.description(), counts.get(DeadlineState.UPCOMING),
          counts.get(DeadlineState.AT_RISK), counts.get(DeadlineState.MISSED), counts.get(DeadlineState.MET),
          counts.get(DeadlineState.LATE), counts.get(DeadlineState.NOT_APPLICABLE));
    }
  }

  /** A decision category with its title, for the dashboard's columns. */
  public record CategoryView(DecisionCategory id, String title) {

    public static List<CategoryView> all() {
      return Arrays.stream(DecisionCategory.values()).map(c -> new CategoryView(c, c.title())).toList();
    }
  }

  /** Counts of decisions of one deputy-chair area by category. */
  public record AreaCountsView(String area, String areaTitle, CategoryCounts counts, int total) {

    public static AreaCountsView of(AreaCounts a) {
      return new AreaCountsView(a.area(), a.areaTitle(), CategoryCounts.of(a.counts()), a.total());
    }
  }

  /** Decisions per category (the categories are the keys, as the dashboard reads them). */
  public record CategoryCounts(@JsonProperty("IN_PROGRESS") int inProgress, @JsonProperty("DUE_SOON") int dueSoon,
                               @JsonProperty("OVERDUE") int overdue, @JsonProperty("EXECUTED") int executed,
                               @JsonProperty("WITHDRAWN") int withdrawn) {

    static CategoryCounts of(Map<DecisionCategory, Integer> counts) {
      return new CategoryCounts(counts.get(DecisionCategory.IN_PROGRESS), counts.get(DecisionCategory.DUE_SOON),
          counts.get(DecisionCategory.OVERDUE), counts.get(DecisionCategory.EXECUTED),
          counts.get(DecisionCategory.WITHDRAWN));
    }
  }

  /** One decision under control; {@code history} only when one decision is asked for (else left out). */
  public record DecisionView(String key, String meetingKey, String meeting, String meetingDate, int itemNo,
                             String itemTitle, String decisionText, String executor, String area, String areaTitle,
                             String controller, String originalDueDate, String dueDate, DecisionState state,
                             String stateTitle, DecisionCategory category, String categoryTitle, String closedAt,
                             boolean executedLate, String processInstanceId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<EventView> history) {

    public static DecisionView of(DecisionRow d) {
      return of(d, null);
    }

    public static DecisionView of(DecisionRow d, List<EventView> history) {
      return new DecisionView(d.key(), d.meetingKey(), d.meetingDisplay(), d.meetingDate().toString(), d.itemNo(),
          d.itemTitle(), d.decisionText(), d.executorName(), d.controlArea(), d.areaTitle(), d.controllerName(),
          date(d.originalDueDate()), date(d.dueDate()), d.state(), d.state().title(), d.category(),
          d.category().title(), instant(d.closedAt()), d.executedLate(), d.processInstanceId(), history);
    }
  }

  /** One event of a decision's history; {@code actorName} from identity (the login when unknown). */
  public record EventView(DecisionEventKind kind, String title, String at, String actor, String actorName,
                          String details, String dueDateBefore, String dueDateAfter, String reference) {

    public static EventView of(DecisionEvent e, Map<String, String> names) {
      return new EventView(e.kind(), e.kind().title(), instant(e.occurredAt()), e.actor(),
          e.actor() == null ? null : names.getOrDefault(e.actor(), e.actor()), e.details(),
          date(e.dueDateBefore()), date(e.dueDateAfter()), e.reference());
    }
  }

  /** One line of a meeting's legal timeline. */
  public record TimelineEntryView(String at, String kind, String title, String details, String actor,
                                  String actorName) {

    public static TimelineEntryView of(TimelineEntry e) {
      return new TimelineEntryView(instant(e.at()), e.kind(), e.title(), e.details(), e.actor(), e.actorName());
    }
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  /**
   * ISO 8601 at the Novosibirsk offset, {@code 2026-05-13T10:00:00+07:00}: the text of
   * {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} (seconds always, the fraction only when there is one and without
   * trailing zeros), written by hand because the dashboard writes tens of thousands per answer and the formatter
   * and the conversion to the zone took a sixth of its time ({@code MonitoringJsonTest} keeps the two equal).
   */
  static String instant(OffsetDateTime t) {
    if (t == null) {
      return null;
    }
    OffsetDateTime local = RussianDates.atLocalOffset(t);
    StringBuilder b = new StringBuilder(36).append(local.toLocalDate()).append('T');
    twoDigits(b, local.getHour()).append(':');
    twoDigits(b, local.getMinute()).append(':');
    twoDigits(b, local.getSecond());
    int nano = local.getNano();
    if (nano > 0) {
      String digits = Integer.toString(1_000_000_000 + nano);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(digits, 1, end);
    }
    return b.append(local.getOffset().getId()).toString();
  }

  private static StringBuilder twoDigits(StringBuilder b, int value) {
    return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
