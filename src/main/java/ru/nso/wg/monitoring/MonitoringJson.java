package ru.nso.wg.monitoring;

import ru.nso.wg.common.RussianDates;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.DecisionRow;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.monitoring.MonitoringData.TimelineEntry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the monitoring views and reports (plain maps of strings and numbers, so that the Cockpit plugin's
 * JAX-RS and Spring MVC write the same thing). Dates ISO, instants with the Novosibirsk offset; every code comes
 * with its Russian title.
 */
public final class MonitoringJson {

  private MonitoringJson() {
  }

  public static Map<String, Object> period(Period p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", p.from().toString());
    json.put("to", p.to().toString());
    return json;
  }

  public static Map<String, Object> meeting(MeetingOverview m) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", m.key());
    json.put("number", m.display());
    json.put("date", m.date().toString());
    json.put("start", instant(m.start()));
    json.put("format", m.format().name());
    json.put("formatTitle", m.format().title());
    json.put("status", m.status().name());
    json.put("statusTitle", m.status().title());
    json.put("presiding", m.presidingName());
    json.put("held", m.held());
    json.put("quorum", m.quorumText());
    json.put("items", m.items());
    json.put("decisions", m.decisions());
    json.put("signedOn", date(m.signedOn()));
    json.put("copiesSentAt", instant(m.copiesSentAt()));
    json.put("publishedAt", instant(m.publishedAt()));
    json.put("publicationUrl", m.publicationUrl());
    json.put("minutesUrl", minutesUrl(m));
    json.put("processInstanceId", m.processInstanceId());
    json.put("running", m.running());
    DeadlineStatus next = m.next();
    json.put("next", next == null ? null : deadline(next));
    List<Map<String, Object>> deadlines = new ArrayList<>();
    m.deadlines().forEach(d -> deadlines.add(deadline(d)));
    json.put("deadlines", deadlines);
    return json;
  }

  /** The signed minutes (DOCX) of the application's API, once signed. */
  public static String minutesUrl(MeetingOverview m) {
    return m.signedOn() == null ? null : "/api/meetings/" + m.key() + "/minutes.docx";
  }

  public static Map<String, Object> deadline(DeadlineStatus d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", d.kind().code());
    json.put("clause", d.kind().clause());
    json.put("reference", d.kind().reference());
    json.put("description", d.kind().description());
    json.put("dueDate", date(d.dueDate()));
    json.put("dueAt", instant(d.dueAt()));
    json.put("doneAt", instant(d.doneAt()));
    json.put("state", d.state().name());
    json.put("stateTitle", d.state().title());
    json.put("lateWorkingDays", d.lateWorkingDays());
    json.put("text", d.text());
    return json;
  }

  public static Map<String, Object> areaCounts(AreaCounts a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("area", a.area());
    json.put("areaTitle", a.areaTitle());
    Map<String, Object> counts = new LinkedHashMap<>();
    a.counts().forEach((c, n) -> counts.put(c.name(), n));
    json.put("counts", counts);
    json.put("total", a.total());
    return json;
  }

  public static List<Map<String, Object>> categories() {
    List<Map<String, Object>> list = new ArrayList<>();
    for (DecisionCategory c : DecisionCategory.values()) {
      list.add(Map.of("id", c.name(), "title", c.title()));
    }
    return list;
  }

  public static Map<String, Object> decision(DecisionRow d) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", d.key());
    json.put("meetingKey", d.meetingKey());
    json.put("meeting", d.meetingDisplay());
    json.put("meetingDate", d.meetingDate().toString());
    json.put("itemNo", d.itemNo());
    json.put("itemTitle", d.itemTitle());
    json.put("decisionText", d.decisionText());
    json.put("executor", d.executorName());
    json.put("area", d.controlArea());
    json.put("areaTitle", d.areaTitle());
    json.put("controller", d.controllerName());
    json.put("originalDueDate", date(d.originalDueDate()));
    json.put("dueDate", date(d.dueDate()));
    json.put("state", d.state().name());
    json.put("stateTitle", d.state().title());
    json.put("category", d.category().name());
    json.put("categoryTitle", d.category().title());
    json.put("closedAt", instant(d.closedAt()));
    json.put("executedLate", d.executedLate());
    json.put("processInstanceId", d.processInstanceId());
    return json;
  }

  public static Map<String, Object> event(DecisionEvent e, Map<String, String> names) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", e.kind().name());
    json.put("title", e.kind().title());
    json.put("at", instant(e.occurredAt()));
    json.put("actor", e.actor());
    json.put("actorName", e.actor() == null ? null : names.getOrDefault(e.actor(), e.actor()));
    json.put("details", e.details());
    json.put("dueDateBefore", date(e.dueDateBefore()));
    json.put("dueDateAfter", date(e.dueDateAfter()));
    json.put("reference", e.reference());
    return json;
  }

  public static Map<String, Object> timelineEntry(TimelineEntry e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", instant(e.at()));
    json.put("kind", e.kind());
    json.put("title", e.title());
    json.put("details", e.details());
    json.put("actor", e.actor());
    json.put("actorName", e.actorName());
    return json;
  }

  static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  static String instant(OffsetDateTime t) {
    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZoneSameInstant(RussianDates.ZONE));
  }
}
