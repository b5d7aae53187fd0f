package ru.nso.wg.monitoring;

import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.monitoring.MonitoringData.Timeline;
import ru.nso.wg.monitoring.MonitoringJson.AreaCountsView;
import ru.nso.wg.monitoring.MonitoringJson.CategoryView;
import ru.nso.wg.monitoring.MonitoringJson.ClauseSummary;
import ru.nso.wg.monitoring.MonitoringJson.ComplianceView;
import ru.nso.wg.monitoring.MonitoringJson.DashboardView;
import ru.nso.wg.monitoring.MonitoringJson.DecisionView;
import ru.nso.wg.monitoring.MonitoringJson.DecisionsView;
import ru.nso.wg.monitoring.MonitoringJson.EventView;
import ru.nso.wg.monitoring.MonitoringJson.MeetingView;
import ru.nso.wg.monitoring.MonitoringJson.PeriodView;
import ru.nso.wg.monitoring.MonitoringJson.TimelineEntryView;
import ru.nso.wg.monitoring.MonitoringJson.TimelineView;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The use cases of the monitoring views and reports, with access checked: what the Cockpit plugin's REST resources
 * and {@code /api/reports} answer (records of {@link MonitoringJson}). Parameters arrive as strings from the
 * edges and are checked here (400 with a Russian message).
 */
@Service
public class MonitoringViews {

  private final MonitoringService service;

  public MonitoringViews(MonitoringService service) {
    this.service = service;
  }

  public Period period(String from, String to) {
    return Period.parse(from, to, service.today());
  }

  /** The dashboard: meetings (full access only) and decision counts by area (full access or a deputy's areas). */
  public DashboardView dashboard(MonitoringAccess access, String from, String to) {
    access.requireDecisions();
    Period period = period(from, to);
    return new DashboardView(PeriodView.of(period), service.today().toString(), access.userId(), access.all(),
        access.all() ? service.meetings(period).stream().map(MeetingView::of).toList() : null, CategoryView.all(),
        service.decisionCounts(period, access.all() ? null : List.copyOf(access.areas()))
            .stream().map(AreaCountsView::of).toList());
  }

  /** The compliance of §§ 13, 14, 18, 19 for the meetings of a period, with totals per clause. */
  public ComplianceView compliance(MonitoringAccess access, String from, String to) {
    access.requireAll();
    Period period = period(from, to);
    List<MeetingOverview> meetings = service.meetings(period);
    return new ComplianceView(PeriodView.of(period), meetings.stream().map(MeetingView::of).toList(),
        summary(meetings).entrySet().stream().map(e -> ClauseSummary.of(e.getKey(), e.getValue())).toList());
  }

  /** Per clause, how many of the period's meetings are in each deadline state. */
  public static Map<DeadlineKind, Map<DeadlineState, Integer>> summary(List<MeetingOverview> meetings) {
    Map<DeadlineKind, Map<DeadlineState, Integer>> summary = new LinkedHashMap<>();
    for (DeadlineKind kind : DeadlineEvaluator.KINDS) {
      Map<DeadlineState, Integer> counts = new EnumMap<>(DeadlineState.class);
      for (DeadlineState s : DeadlineState.values()) {
        counts.put(s, 0);
      }
      meetings.forEach(m -> counts.merge(m.deadline(kind).state(), 1, Integer::sum));
      summary.put(kind, counts);
    }
    return summary;
  }

  public DecisionsView decisions(MonitoringAccess access, String from, String to, String area, String category) {
    List<String> areas = access.areasFor(area);
    Period period = period(from, to);
    DecisionCategory c = category(category);
    List<DecisionRow> rows = service.decisions(period, areas, c);
    List<AreaCounts> counts = service.decisionCounts(period, areas);
    return new DecisionsView(PeriodView.of(period), area == null || area.isBlank() ? null : area.trim(), c,
        c == null ? null : c.title(), rows.size(), counts.stream().map(AreaCountsView::of).toList(),
        rows.stream().map(DecisionView::of).toList());
  }

  /** One decision with its history; a deputy chair only of their areas (else 403), unknown = 404. */
  public DecisionView decision(MonitoringAccess access, String key) {
    access.requireDecisions();
    DecisionRow row = service.decision(key).orElseThrow(() -> Refusal.notFound(
        "Решение «" + key + "» не стоит на контроле исполнения"));
    access.areasFor(row.controlArea());
    List<DecisionEvent> history = service.decisionHistory(key);
    Map<String, String> names = service.names(history.stream().map(DecisionEvent::actor).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    return DecisionView.of(row, history.stream().map(e -> EventView.of(e, names)).toList());
  }

  /** A meeting's legal timeline, by its process instance (full access only). */
  public TimelineView timeline(MonitoringAccess access, String processInstanceId) {
    access.requireAll();
    Timeline timeline = service.timeline(processInstanceId).orElseThrow(() -> Refusal.notFound(
        "Экземпляр процесса «" + processInstanceId + "» не относится ни к одному заседанию Рабочей группы"));
    return new TimelineView(MeetingView.of(timeline.meeting()),
        timeline.entries().stream().map(TimelineEntryView::of).toList());
  }

  static DecisionCategory category(String category) {
    if (category == null || category.isBlank()) {
      return null;
    }
    String name = category.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(DecisionCategory.values()).filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new Refusal("Параметр «state»: «" + category.trim()
            + "» — неизвестное состояние; допустимы: " + Arrays.stream(DecisionCategory.values()).map(Enum::name)
            .collect(Collectors.joining(", "))));
  }
}
