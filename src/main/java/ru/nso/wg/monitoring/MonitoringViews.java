package ru.nso.wg.monitoring;

import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.monitoring.MonitoringData.Timeline;

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
 * and {@code /api/reports} answer (as JSON maps, see {@link MonitoringJson}). Parameters arrive as strings from the
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
  public Map<String, Object> dashboard(MonitoringAccess access, String from, String to) {
    access.requireDecisions();
    Period period = period(from, to);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("period", MonitoringJson.period(period));
    json.put("today", service.today().toString());
    json.put("user", access.userId());
    json.put("fullAccess", access.all());
    json.put("meetings", access.all()
        ? service.meetings(period).stream().map(MonitoringJson::meeting).toList() : null);
    json.put("categories", MonitoringJson.categories());
    json.put("areas", service.decisionCounts(period, access.all() ? null : List.copyOf(access.areas()))
        .stream().map(MonitoringJson::areaCounts).toList());
    return json;
  }

  /** The compliance of §§ 13, 14, 18, 19 for the meetings of a period, with totals per clause. */
  public Map<String, Object> compliance(MonitoringAccess access, String from, String to) {
    access.requireAll();
    Period period = period(from, to);
    List<MeetingOverview> meetings = service.meetings(period);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("period", MonitoringJson.period(period));
    json.put("meetings", meetings.stream().map(MonitoringJson::meeting).toList());
    json.put("summary", summary(meetings).entrySet().stream().map(e -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kind", e.getKey().code());
      row.put("clause", e.getKey().clause());
      row.put("description", e.getKey().description());
      e.getValue().forEach((state, n) -> row.put(state.name(), n));
      return row;
    }).toList());
    return json;
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

  public Map<String, Object> decisions(MonitoringAccess access, String from, String to, String area,
                                       String category) {
    List<String> areas = access.areasFor(area);
    Period period = period(from, to);
    DecisionCategory c = category(category);
    List<DecisionRow> rows = service.decisions(period, areas, c);
    List<AreaCounts> counts = service.decisionCounts(period, areas);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("period", MonitoringJson.period(period));
    json.put("area", area == null || area.isBlank() ? null : area.trim());
    json.put("category", c == null ? null : c.name());
    json.put("categoryTitle", c == null ? null : c.title());
    json.put("count", rows.size());
    json.put("areas", counts.stream().map(MonitoringJson::areaCounts).toList());
    json.put("decisions", rows.stream().map(MonitoringJson::decision).toList());
    return json;
  }

  /** One decision with its history; a deputy chair only of their areas (else 403), unknown = 404. */
  public Map<String, Object> decision(MonitoringAccess access, String key) {
    access.requireDecisions();
    DecisionRow row = service.decision(key).orElseThrow(() -> Refusal.notFound(
        "Решение «" + key + "» не стоит на контроле исполнения"));
    access.areasFor(row.controlArea());
    List<DecisionEvent> history = service.decisionHistory(key);
    Map<String, String> names = service.names(history.stream().map(DecisionEvent::actor).filter(Objects::nonNull)
        .collect(Collectors.toSet()));
    Map<String, Object> json = MonitoringJson.decision(row);
    json.put("history", history.stream().map(e -> MonitoringJson.event(e, names)).toList());
    return json;
  }

  /** A meeting's legal timeline, by its process instance (full access only). */
  public Map<String, Object> timeline(MonitoringAccess access, String processInstanceId) {
    access.requireAll();
    Timeline timeline = service.timeline(processInstanceId).orElseThrow(() -> Refusal.notFound(
        "Экземпляр процесса «" + processInstanceId + "» не относится ни к одному заседанию Рабочей группы"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("meeting", MonitoringJson.meeting(timeline.meeting()));
    json.put("entries", timeline.entries().stream().map(MonitoringJson::timelineEntry).toList());
    return json;
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
