package ru.nso.wg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.MeetingProcess;
import ru.nso.wg.tasklist.TasklistFilters;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static ru.nso.wg.bench.BenchReport.f;
import static ru.nso.wg.bench.BenchReport.percentile;

/**
 * 4. Tasklist at scale on PostgreSQL: 2,000 finished meetings (10 items, 5 instructions each) and so 10,000 decisions
 * under control, each waiting at its executor's report task (10,000 open tasks). A few template meetings are run for
 * real, the rest are copies ({@link HistoryCloner}). Then, as the people who use them, the REST calls Tasklist makes
 * for each of the project's filters (count; first page of 15 with the filter's meeting columns, in the HAL form
 * Tasklist asks for), Tasklist's filter sidebar with counts, and {@code /api/decisions}; p50/p95/p99 over 200 calls
 * each, interleaved, against the baseline {@code GET /engine-rest/task?maxResults=15} in the same run.
 */
final class TasklistBench {

  /** An endpoint whose median over its first {@value #SLOW_AFTER} calls is above {@value #SLOW_MS} ms stops there. */
  static final int SLOW_AFTER = 20;
  static final double SLOW_MS = 500;

  private final BenchReport report;
  private final BenchApp app;
  private final boolean smoke;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  TasklistBench(BenchReport report, BenchApp app, boolean smoke) {
    this.report = report;
    this.app = app;
    this.smoke = smoke;
  }

  record Call(String name, String user, String method, String path, String body, boolean hal) {
  }

  void run() throws Exception {
    int templates = smoke ? 2 : 5;
    int meetings = smoke ? 10 : 2000;
    DataSource dataSource = app.bean(DataSource.class);
    HistoryCloner cloner = new HistoryCloner(dataSource);
    cloner.baseline();
    long t0 = System.nanoTime();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < templates; i++) {
      MeetingDriver meeting = new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), Bench.ITEMS,
          Bench.INSTRUCTIONS);
      meeting.runAll();
      keys.add(meeting.businessKey);
    }
    double templateSeconds = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    long rows = cloner.cloneTemplates(keys, meetings / templates - 1);
    double cloneSeconds = (System.nanoTime() - t0) / 1e9;
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("ANALYZE");
    long openTasks = app.engine.getTaskService().createTaskQuery().count();
    long finished = app.engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(MeetingProcess.KEY).finished().count();
    long decisions = jdbc.queryForObject("SELECT COUNT(*) FROM wg_controlled_decision", Long.class);
    long reportTasks = app.engine.getTaskService().createTaskQuery()
        .processDefinitionKey(DecisionControlProcess.KEY).count();
    report.row("4 tasklist PostgreSQL", "seeded: finished meetings / open tasks / decisions",
        finished + " / " + openTasks + " / " + decisions, null, null, null, null);
    report.detail("tasklistSeed", Map.of("templates", templates, "templateSeconds", templateSeconds,
        "rowsCopied", rows, "copySeconds", cloneSeconds, "finishedMeetings", finished, "openTasks", openTasks,
        "decisionReportTasks", reportTasks, "decisions", decisions));
    System.out.printf("[bench] seeded %d meetings: templates %.0f s, %d rows copied in %.0f s%n", finished,
        templateSeconds, rows, cloneSeconds);

    Map<String, String> filterIds = new LinkedHashMap<>();
    for (JsonNode filter : json.readTree(send(new Call("filters", "admin", "GET",
        "/engine-rest/filter?resourceType=Task", null, false)))) {
      filterIds.put(filter.get("name").asText(), filter.get("id").asText());
    }
    List<Call> calls = new ArrayList<>();
    Call baseline = new Call("baseline GET /engine-rest/task?maxResults=15", "smirnova", "GET",
        "/engine-rest/task?maxResults=15", null, false);
    calls.add(baseline);
    Map<String, String> users = Map.of(
        TasklistFilters.MY_TASKS, MeetingDriver.EXECUTORS.get(0),
        TasklistFilters.MY_GROUP_TASKS, "smirnova",
        TasklistFilters.OVERDUE, MeetingDriver.EXECUTORS.get(0),
        TasklistFilters.SECRETARIAT_MEETINGS, "smirnova",
        TasklistFilters.MY_DECISION_CONTROL, "kuznetsova");
    for (TasklistFilters.Definition filter : TasklistFilters.ALL) {
      String id = filterIds.get(filter.name());
      if (id == null) {
        throw new IllegalStateException("filter not found: " + filter.name());
      }
      String user = users.get(filter.name());
      String variables = json.writeValueAsString(new ArrayList<>(filter.variables().keySet()));
      calls.add(new Call("«" + filter.name() + "» count (" + user + ")", user, "POST",
          "/engine-rest/filter/" + id + "/count", "{}", false));
      calls.add(new Call("«" + filter.name() + "» first page (" + user + ")", user, "POST",
          "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=15",
          "{\"variableNames\":" + variables + ",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", true));
    }
    calls.add(new Call("filter sidebar with counts (smirnova)", "smirnova", "GET",
        "/engine-rest/filter?resourceType=Task&itemCount=true", null, false));
    calls.add(new Call("GET /api/decisions (kuznetsova; first page of 100)", "kuznetsova", "GET", "/api/decisions",
        null, false));
    calls.add(new Call("GET /api/decisions?executor=" + MeetingDriver.EXECUTORS.get(0) + " (kuznetsova)", "kuznetsova",
        "GET", "/api/decisions?executor=" + MeetingDriver.EXECUTORS.get(0), null, false));

    int warm = smoke ? 1 : 10;
    int n = smoke ? 3 : 200;
    Map<Call, List<Double>> ms = new LinkedHashMap<>();
    Map<Call, Integer> sizes = new LinkedHashMap<>();
    for (Call call : calls) {
      ms.put(call, new ArrayList<>());
    }
    for (int i = 0; i < warm + n; i++) {
      for (Call call : calls) {
        List<Double> so = ms.get(call);
        if (so.size() >= SLOW_AFTER && percentile(so, 50) > SLOW_MS) {
          continue; // hopelessly above the target: stop spending the run's time on it (n is reported)
        }
        long s = System.nanoTime();
        String body = send(call);
        double took = (System.nanoTime() - s) / 1e6;
        if (i >= warm) {
          ms.get(call).add(took);
        }
        sizes.put(call, body.length());
      }
    }
    double baseP95 = percentile(ms.get(baseline), 95);
    Map<String, Object> details = new LinkedHashMap<>();
    for (Call call : calls) {
      List<Double> v = ms.get(call);
      double p50 = percentile(v, 50);
      double p95 = percentile(v, 95);
      double p99 = percentile(v, 99);
      boolean isBaseline = call == baseline;
      report.row("4 tasklist PostgreSQL", call.name() + ": p50 / p95 / p99 ms" + (v.size() < n ? " (n=" + v.size()
          + ")" : ""),
          f(p50, 1) + " / " + f(p95, 1) + " / " + f(p99, 1), isBaseline ? null : f(baseP95, 1) + " (baseline p95)",
          isBaseline ? null : f(p95 / baseP95, 2), isBaseline ? null : "p95 < 50 ms",
          isBaseline || smoke ? null : p95 < 50);
      details.put(call.name(), Map.of("p50", p50, "p95", p95, "p99", p99, "n", v.size(), "responseChars",
          sizes.get(call)));
    }
    report.detail("tasklist", details);
  }

  private String send(Call call) throws Exception {
    String password = call.user().equals("admin") ? "admin" : "demo";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + call.path()))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((call.user() + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", call.hal() ? "application/hal+json" : "application/json");
    if (call.method().equals("POST")) {
      request.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(call.body()));
    } else {
      request.GET();
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(call.name() + ": HTTP " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
