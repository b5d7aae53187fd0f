package ru.nso.wg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON the browser and the report users receive from the monitoring resources: the Cockpit plugin's
 * dashboard (full access and a deputy chair), decision list, one decision with its history, a meeting's timeline,
 * the plugin's error answer, and {@code /api/reports/*} as JSON. Every answer is compared, with its keys in order
 * and its nulls, against {@code src/test/resources/monitoring/json-snapshot.json}, which was taken from the
 * hand-built maps before they became records. Data: the demo seed and an upcoming meeting, the engine clock fixed
 * at Friday 27.11.2026 12:00 Novosibirsk time, a database of its own ({@code spring.datasource.url}).
 *
 * <p>To take the snapshot again (only when the JSON is meant to change):
 * {@code -Dwg.monitoring.snapshot.write=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"wg.demo-data=true",
    "spring.datasource.url=jdbc:h2:mem:wg-snapshot-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"})
@ActiveProfiles("test")
class MonitoringJsonSnapshotTest {

  static final Path SNAPSHOT = Path.of("src/test/resources/monitoring/json-snapshot.json");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLUGIN = MonitoringApiTest.PLUGIN;
  static final String YEAR = MonitoringApiTest.YEAR;

  @LocalServerPort int port;
  @Autowired MeetingRecord record;

  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void fixClock() {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(MonitoringApiTest.NOW).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theJsonOfEveryMonitoringAnswerIsUnchanged() throws Exception {
    HttpResponse<String> seeded = send(HttpRequest.newBuilder(uri("/api/demo/monitoring"))
        .header("Authorization", MonitoringApiTest.basic("admin", "admin")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    JsonNode keys = JSON.readTree(seeded.body()).get("meetings");
    String late13 = keys.get("late13").asText();
    record.attachProcess(late13, "pi-late13");
    MeetingRef upcoming = record.create(2026, OffsetDateTime.parse("2026-12-23T11:00+07:00"), MeetingFormat.VIDEO,
        null, "https://vks.example.org/wg", null, "smirnova");
    record.attachProcess(upcoming.key(), "pi-upcoming");
    record.event(upcoming.key(), MeetingEventKind.CREATED, "Заседание назначено на 23.12.2026 11:00", "smirnova");

    Map<String, JsonNode> actual = new LinkedHashMap<>();
    actual.put("dashboard (chair's office)", cockpit("zaitseva", PLUGIN + "/dashboard" + YEAR, 200));
    actual.put("dashboard (deputy chair)", cockpit("lebedeva", PLUGIN + "/dashboard" + YEAR, 200));
    actual.put("dashboard (empty period)", cockpit("zaitseva", PLUGIN + "/dashboard?from=2020-01-01&to=2020-03-31",
        200));
    actual.put("decisions", cockpit("zaitseva", PLUGIN + "/decisions" + YEAR, 200));
    actual.put("decisions OVERDUE of services", cockpit("zaitseva", PLUGIN + "/decisions" + YEAR
        + "&state=OVERDUE&area=wg-area-services", 200));
    actual.put("decision executed with history", cockpit("zaitseva", PLUGIN + "/decisions/" + late13 + "/1", 200));
    actual.put("decision overdue with history", cockpit("lebedeva", PLUGIN + "/decisions/" + late13 + "/2", 200));
    actual.put("timeline of a held meeting", cockpit("smirnova", PLUGIN + "/process-instance/pi-late13/timeline",
        200));
    actual.put("timeline of an upcoming meeting", cockpit("zaitseva",
        PLUGIN + "/process-instance/pi-upcoming/timeline", 200));
    actual.put("plugin refusal 403", cockpit("lebedeva", PLUGIN + "/decisions/" + late13 + "/3", 403));
    actual.put("plugin refusal 404", cockpit("zaitseva", PLUGIN + "/process-instance/no-such/timeline", 404));
    actual.put("report compliance", report("/api/reports/compliance?from=2026-01-01&to=2026-12-31&format=json",
        "zaitseva"));
    actual.put("report decisions", report("/api/reports/decisions?format=json", "zaitseva"));
    actual.put("report decisions of an area", report("/api/reports/decisions?area=wg-area-coordination", "lebedeva"));

    ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (Boolean.getBoolean("wg.monitoring.snapshot.write")) {
      ObjectNode all = JSON.createObjectNode();
      actual.forEach(all::set);
      Files.createDirectories(SNAPSHOT.getParent());
      Files.writeString(SNAPSHOT, pretty.writeValueAsString(all) + "\n", StandardCharsets.UTF_8);
    }
    JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    snapshot.fieldNames().forEachRemaining(names::add);
    assertThat(actual.keySet()).containsExactlyElementsOf(names);
    for (Map.Entry<String, JsonNode> e : actual.entrySet()) {
      JsonNode expected = snapshot.get(e.getKey());
      assertThat(e.getValue()).as(e.getKey()).isEqualTo(expected);
      // equal trees may still differ in the order of keys: compare the text too
      assertThat(pretty.writeValueAsString(e.getValue())).as(e.getKey() + ", keys in order")
          .isEqualTo(pretty.writeValueAsString(expected));
    }
    assertThat(countNulls(snapshot)).as("the snapshot keeps the null fields the answers carry").isPositive();
  }

  static int countNulls(JsonNode node) {
    int n = node.isNull() ? 1 : 0;
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      n += countNulls(it.next());
    }
    return n;
  }

  // --------------------------------------------------------------------------------------------------- helpers

  final Map<String, String> sessions = new HashMap<>();

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode report(String path, String user) throws IOException, InterruptedException {
    HttpResponse<String> res = send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", MonitoringApiTest.basic(user, "demo")).GET());
    assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(res.body());
  }

  JsonNode cockpit(String user, String path, int status) throws IOException, InterruptedException {
    String cookies = sessions.computeIfAbsent(user, this::login);
    HttpResponse<String> res = send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies).GET());
    assertThat(res.statusCode()).as(path + " as " + user + ": " + res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(res.body());
  }

  /** Logs into Cockpit as a browser does (CSRF handshake first); returns the Cookie header to send. */
  String login(String user) {
    try {
      HttpResponse<String> welcome = send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
      Map<String, String> jar = new LinkedHashMap<>();
      welcome.headers().allValues("Set-Cookie").forEach(c -> HttpCookie.parse(c)
          .forEach(k -> jar.put(k.getName(), k.getValue())));
      String csrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> jar.get("XSRF-TOKEN"));
      HttpResponse<String> login = send(HttpRequest.newBuilder(
              uri("/camunda/api/admin/auth/user/default/login/cockpit"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .header("Cookie", cookieHeader(jar))
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
      assertThat(login.statusCode()).as("Cockpit login of " + user + ": " + login.body()).isEqualTo(200);
      login.headers().allValues("Set-Cookie").forEach(c -> HttpCookie.parse(c)
          .forEach(k -> jar.put(k.getName(), k.getValue())));
      return cookieHeader(jar);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static String cookieHeader(Map<String, String> jar) {
    return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }
}
