package ru.nso.wg.bench;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.monitoring.DecisionCategory;
import ru.nso.wg.monitoring.MonitoringSeed;
import ru.nso.wg.roster.DeputyArea;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static ru.nso.wg.bench.BenchReport.f;
import static ru.nso.wg.bench.BenchReport.percentile;

/**
 * 7. The managers' dashboard «Заседания и сроки» at scale on PostgreSQL (issue 15, docs/monitoring.md): 1,000
 * meetings and 10,000 decisions under control written straight into the {@code wg_*} tables
 * ({@link MonitoringSeed#bulk}, batched inserts) over three years (the last two and this one), every meeting with
 * its deadlines (some done late), events, attendance of 15, and 10 decisions in every state and deputy-chair area.
 * Then, logged in to Cockpit as the head of the chair's office (a webapp session with its CSRF handshake, as the
 * browser), the plugin's REST calls the browser makes — the dashboard of this year (the default), of the three
 * years (all 1,000 meetings), the click-through from a count to the decisions of one area and state — interleaved
 * round-robin with a baseline in the same session: Cockpit's {@code process-definition/count} of the engine REST.
 * Target: the dashboard answers in under 200 ms (p95), stated next to its ratio to the baseline.
 */
final class DashboardBench {

  static final String USER = "zaitseva";
  static final String PLUGIN = "/camunda/api/cockpit/plugin/wg-meetings/default";
  static final double TARGET_MS = 200;

  private final BenchReport report;
  private final BenchApp app;
  private final boolean smoke;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private String cookies;

  DashboardBench(BenchReport report, BenchApp app, boolean smoke) {
    this.report = report;
    this.app = app;
    this.smoke = smoke;
  }

  record Call(String name, String path, boolean dashboard) {
  }

  void run() throws Exception {
    int meetings = smoke ? 30 : 1000;
    int perMeeting = 10;
    int thisYear = LocalDate.now().getYear();
    MonitoringSeed seed = app.bean(MonitoringSeed.class);
    long t0 = System.nanoTime();
    int written = 0;
    for (int y = 0; y < 3; y++) {
      int n = meetings / 3 + (y < meetings % 3 ? 1 : 0);
      written += seed.bulk(n, perMeeting, thisYear - 2 + y);
    }
    double seedSeconds = (System.nanoTime() - t0) / 1e9;
    JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
    jdbc.execute("ANALYZE");
    Integer meetingRows = jdbc.queryForObject("SELECT COUNT(*) FROM wg_meeting", Integer.class);
    Integer decisionRows = jdbc.queryForObject("SELECT COUNT(*) FROM wg_controlled_decision", Integer.class);
    report.row("7 dashboard PostgreSQL", "seeded meetings / decisions under control (s)",
        meetingRows + " / " + decisionRows + " (" + f(seedSeconds, 1) + " s)", null, null, null, null);
    System.out.printf("[bench] dashboard: %d meetings written in %.1f s%n", written, seedSeconds);

    cookies = login(USER);
    String year = "from=" + thisYear + "-01-01&to=" + thisYear + "-12-31";
    String years = "from=" + (thisYear - 2) + "-01-01&to=" + thisYear + "-12-31";
    Call baseline = new Call("baseline GET /camunda/api/engine/engine/default/process-definition/count",
        "/camunda/api/engine/engine/default/process-definition/count", false);
    List<Call> calls = List.of(baseline,
        new Call("dashboard, this year (default period)", PLUGIN + "/dashboard?" + year, true),
        new Call("dashboard, three years (all meetings)", PLUGIN + "/dashboard?" + years, true),
        new Call("decisions of one area and state (click-through)", PLUGIN + "/decisions?" + year + "&area="
            + DeputyArea.COORDINATION.groupId() + "&state=" + DecisionCategory.IN_PROGRESS.name(), false));

    int warm = smoke ? 1 : 10;
    int n = smoke ? 3 : 100;
    Map<Call, List<Double>> ms = new LinkedHashMap<>();
    Map<Call, Integer> sizes = new LinkedHashMap<>();
    calls.forEach(c -> ms.put(c, new ArrayList<>()));
    for (int i = 0; i < warm + n; i++) {
      for (Call call : calls) {
        long s = System.nanoTime();
        byte[] body = get(call.path());
        double took = (System.nanoTime() - s) / 1e6;
        if (i >= warm) {
          ms.get(call).add(took);
        }
        sizes.put(call, body.length);
      }
    }
    double baseP50 = percentile(ms.get(baseline), 50);
    double baseP95 = percentile(ms.get(baseline), 95);
    Map<String, Object> details = new LinkedHashMap<>();
    for (Call call : calls) {
      List<Double> v = ms.get(call);
      double p50 = percentile(v, 50);
      double p95 = percentile(v, 95);
      boolean isBaseline = call == baseline;
      report.row("7 dashboard PostgreSQL", call.name() + ": p50 / p95 ms (" + USER + ", n=" + v.size() + ")",
          f(p50, 1) + " / " + f(p95, 1), isBaseline ? null : f(baseP50, 1) + " / " + f(baseP95, 1) + " (baseline)",
          isBaseline ? null : f(p50 / baseP50, 1) + " / " + f(p95 / baseP95, 1),
          call.dashboard() ? "p95 < " + f(TARGET_MS, 0) + " ms" : null,
          call.dashboard() && !smoke ? p95 < TARGET_MS : null);
      details.put(call.name(), Map.of("p50", p50, "p95", p95, "n", v.size(), "responseBytes", sizes.get(call),
          "msAll", v));
    }
    details.put("seed", Map.of("meetings", meetingRows, "decisions", decisionRows, "seconds", seedSeconds));
    report.detail("dashboard", details);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port + path);
  }

  /**
   * The answer's bytes: a call is timed to its last byte, not to the harness's own decoding of 2 MB of Cyrillic JSON
   * into a Java string, which is neither the server's work nor the browser's.
   */
  private byte[] get(String path) throws Exception {
    HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json").header("Cookie", cookies).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + ": HTTP " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /** Logs in to Cockpit as the browser does (the CSRF handshake first); returns the Cookie header to send. */
  private String login(String user) throws Exception {
    HttpResponse<String> welcome = http.send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> jar = new LinkedHashMap<>();
    welcome.headers().allValues("Set-Cookie").forEach(c -> HttpCookie.parse(c)
        .forEach(k -> jar.put(k.getName(), k.getValue())));
    String csrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> jar.get("XSRF-TOKEN"));
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(
            uri("/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .header("Cookie", cookieHeader(jar))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("Cockpit login of " + user + ": HTTP " + login.statusCode() + " "
          + login.body());
    }
    login.headers().allValues("Set-Cookie").forEach(c -> HttpCookie.parse(c)
        .forEach(k -> jar.put(k.getName(), k.getValue())));
    return cookieHeader(jar);
  }

  private static String cookieHeader(Map<String, String> jar) {
    return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
