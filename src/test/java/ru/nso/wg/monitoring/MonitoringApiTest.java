package ru.nso.wg.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' monitoring over HTTP: the Cockpit plugin's REST resources with a Cockpit session, the reports with
 * HTTP Basic, who sees what, bad parameters, and the XLSX opened with POI. Data: the demo seed (a meeting with § 13
 * met 2 working days late and three decisions under control, a meeting with § 18 missed and open) and an upcoming
 * meeting; the engine clock is fixed at Friday 27.11.2026 12:00 Novosibirsk time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wg.demo-data=true")
@ActiveProfiles("test")
class MonitoringApiTest {

  static final String NOW = "2026-11-27T12:00+07:00";
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLUGIN = "/camunda/api/cockpit/plugin/wg-meetings/default";
  static final String YEAR = "?from=2026-01-01&to=2026-12-31";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeetingRecord record;

  final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  static Map<String, String> keys;
  static final Map<String, String> sessions = new HashMap<>();

  @BeforeEach
  void seedOnce() throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(NOW).toInstant()));
    if (keys != null) {
      return;
    }
    HttpResponse<String> seeded = send(HttpRequest.newBuilder(uri("/api/demo/monitoring"))
        .header("Authorization", basic("admin", "admin")).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    JsonNode meetings = JSON.readTree(seeded.body()).get("meetings");
    keys = new HashMap<>(Map.of("late13", meetings.get("late13").asText(),
        "missed18", meetings.get("missed18").asText()));
    MeetingRef upcoming = record.create(2026, OffsetDateTime.parse("2026-12-23T11:00+07:00"), MeetingFormat.VIDEO, null,
        "https://vks.example.org/wg", null, "smirnova");
    record.attachProcess(upcoming.key(), "pi-upcoming");
    record.event(upcoming.key(), MeetingEventKind.CREATED, "Заседание назначено на 23.12.2026 11:00", "smirnova");
    keys.put("upcoming", upcoming.key());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void chairsOfficeSeesMeetingsDeadlinesAndEveryArea() throws Exception {
    JsonNode body = cockpitGet("zaitseva", PLUGIN + "/dashboard" + YEAR, 200);
    assertThat(body.get("fullAccess").asBoolean()).isTrue();
    Map<String, JsonNode> meetings = new HashMap<>();
    body.get("meetings").forEach(m -> meetings.put(m.get("key").asText(), m));
    assertThat(meetings).containsKeys(keys.get("late13"), keys.get("missed18"), keys.get("upcoming"));

    JsonNode late = meetings.get(keys.get("late13"));
    assertThat(deadline(late, "agendaToChair").get("state").asText()).isEqualTo("LATE");
    assertThat(deadline(late, "agendaToChair").get("lateWorkingDays").asInt()).isEqualTo(2);
    for (String kind : List.of("agendaDistribution", "minutesDue", "minutesCopiesDue")) {
      assertThat(deadline(late, kind).get("state").asText()).as(kind).isEqualTo("MET");
    }
    assertThat(late.get("next").isNull()).isTrue();
    // the publication was requested with § 19 and came a working day after its service level: a late service
    // level, apart from the regulation's deadlines (§ 19 stays met, the totals per clause do not count it)
    JsonNode publication = late.get("publication");
    assertThat(publication.get("kind").asText()).isEqualTo("publication");
    assertThat(publication.get("reference").asText()).isEqualTo("уровень обслуживания, не срок Положения");
    assertThat(publication.get("state").asText()).isEqualTo("LATE");
    assertThat(publication.get("lateWorkingDays").asInt()).isEqualTo(1);
    assertThat(publication.get("text").asText()).isEqualTo("размещено с превышением на 1 раб. день");
    assertThat(late.get("deadlines")).extracting(d -> d.get("kind").asText()).doesNotContain("publication");
    assertThat(meetings.get(keys.get("missed18")).get("publication").get("state").asText())
        .isEqualTo("NOT_APPLICABLE");
    JsonNode compliance = reportJson("/api/reports/compliance" + YEAR, "zaitseva");
    assertThat(compliance.get("summary")).extracting(c -> c.get("kind").asText())
        .containsExactly("agendaToChair", "agendaDistribution", "minutesDue", "minutesCopiesDue");
    JsonNode p19 = compliance.get("summary").get(3);
    assertThat(p19.get("MET").asInt()).as("§ 19 met, the late publication does not lower it").isEqualTo(1);
    assertThat(p19.get("LATE").asInt() + p19.get("MISSED").asInt()).isZero();
    assertThat(late.get("quorum").asText()).isEqualTo("правомочно (10 из 15)");

    JsonNode missed = meetings.get(keys.get("missed18"));
    assertThat(deadline(missed, "minutesDue").get("state").asText()).isEqualTo("MISSED");
    assertThat(missed.get("next").get("kind").asText()).isEqualTo("minutesDue");
    assertThat(missed.get("next").get("stateTitle").asText()).isEqualTo("срок нарушен, не выполнено");

    JsonNode upcoming = meetings.get(keys.get("upcoming"));
    // 23.12.2026: § 13 is due 16.12.2026 18:00
    assertThat(upcoming.get("next").get("kind").asText()).isEqualTo("agendaToChair");
    assertThat(upcoming.get("next").get("dueAt").asText()).isEqualTo("2026-12-16T18:00:00+07:00");
    assertThat(upcoming.get("next").get("state").asText()).isEqualTo("UPCOMING");
    assertThat(upcoming.get("running").asBoolean()).isTrue();

    Map<String, JsonNode> areas = new HashMap<>();
    body.get("areas").forEach(a -> areas.put(a.get("area").asText(), a.get("counts")));
    assertThat(areas).containsOnlyKeys("wg-area-coordination", "wg-area-services", "wg-area-digital");
    assertThat(areas.get("wg-area-digital").get("EXECUTED").asInt()).isEqualTo(1);
    assertThat(areas.get("wg-area-coordination").get("DUE_SOON").asInt()).isEqualTo(1);
    assertThat(areas.get("wg-area-services").get("OVERDUE").asInt()).isEqualTo(1);
    assertThat(areas.get("wg-area-services").get("IN_PROGRESS").asInt()).isZero();

    JsonNode overdue = cockpitGet("zaitseva", PLUGIN + "/decisions" + YEAR + "&state=OVERDUE", 200);
    assertThat(overdue.get("count").asInt()).isEqualTo(1);
    assertThat(overdue.get("decisions").get(0).get("key").asText()).isEqualTo(keys.get("late13") + "/3");

    JsonNode timeline = cockpitGet("smirnova", PLUGIN + "/process-instance/pi-upcoming/timeline", 200);
    assertThat(timeline.get("meeting").get("key").asText()).isEqualTo(keys.get("upcoming"));
    List<String> titles = new ArrayList<>();
    timeline.get("entries").forEach(e -> titles.add(e.get("title").asText() + " / " + e.get("actorName").asText()));
    assertThat(titles).anyMatch(t -> t.startsWith("Принято решение о проведении заседания / Смирнова Юлия Сергеевна"));
    assertThat(titles).anyMatch(t -> t.startsWith("Срок п. 13 Положения"));
    cockpitGet("zaitseva", PLUGIN + "/process-instance/no-such/timeline", 404);
  }

  @Test
  void aDeputyChairSeesOnlyTheDecisionsOfTheirAreaAMemberNothing() throws Exception {
    JsonNode body = cockpitGet("lebedeva", PLUGIN + "/dashboard" + YEAR, 200);
    assertThat(body.get("fullAccess").asBoolean()).isFalse();
    assertThat(body.get("meetings").isNull()).isTrue();
    assertThat(body.get("areas")).hasSize(1);
    assertThat(body.get("areas").get(0).get("area").asText()).isEqualTo("wg-area-coordination");

    cockpitGet("lebedeva", PLUGIN + "/decisions/" + keys.get("late13") + "/2", 200);
    JsonNode refused = cockpitGet("lebedeva", PLUGIN + "/decisions/" + keys.get("late13") + "/3", 403);
    assertThat(refused.get("message").asText()).contains("контролирует другой заместитель председателя");
    cockpitGet("lebedeva", PLUGIN + "/decisions" + YEAR + "&area=wg-area-services", 403);
    cockpitGet("lebedeva", PLUGIN + "/process-instance/pi-upcoming/timeline", 403);

    JsonNode member = cockpitGet("vasiliev", PLUGIN + "/dashboard", 403);
    assertThat(member.get("message").asText()).startsWith("Сведения о решениях на контроле доступны");
    assertThat(send(HttpRequest.newBuilder(uri(PLUGIN + "/dashboard")).GET()).statusCode()).isEqualTo(401);

    assertThat(get("/api/reports/compliance", "lebedeva").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/compliance", "vasiliev").statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/decisions", "vasiliev").statusCode()).isEqualTo(403);
  }

  @Test
  void badParametersAreRefusedInRussian() throws Exception {
    JsonNode notADate = cockpitGet("zaitseva", PLUGIN + "/dashboard?from=01.01.2026", 400);
    assertThat(notADate.get("message").asText()).contains("«from»").contains("ГГГГ-ММ-ДД");
    HttpResponse<String> reversed = get("/api/reports/compliance?from=2026-12-01&to=2026-01-01", "zaitseva");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(reversed.body()).get("message").asText()).contains("позже его окончания");
    assertThat(get("/api/reports/compliance?format=pdf", "zaitseva").statusCode()).isEqualTo(400);
    HttpResponse<String> area = get("/api/reports/decisions?area=wg-members", "zaitseva");
    assertThat(area.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(area.body()).get("message").asText()).contains("не направление заместителя председателя");
    cockpitGet("zaitseva", PLUGIN + "/decisions?state=LATE", 400);
  }

  @Test
  void complianceWorkbookHasTheRegisterDeadlinesAndTotals() throws Exception {
    byte[] xlsx = getBytes("/api/reports/compliance?from=2026-01-01&to=2026-12-31&format=xlsx", "zaitseva");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
          .containsExactly("Реестр заседаний", "Соблюдение сроков", "Итоги по срокам");
      Sheet register = book.getSheet("Реестр заседаний");
      assertThat(register.getPaneInformation().isFreezePane()).isTrue();
      assertThat(register.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(register.getRow(0).getCell(0).getStringCellValue()).isEqualTo("№ заседания");
      assertThat(register.getColumnWidth(3)).isGreaterThan(20 * 256); // «Председательствующий» fits
      Row late = find(register, "№ " + keys.get("late13").split("-")[1] + "/2026");
      Cell date = late.getCell(1);
      assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
      assertThat(late.getCell(6).getNumericCellValue()).isEqualTo(3.0); // agenda items
      assertThat(late.getCell(5).getStringCellValue()).isEqualTo("правомочно (10 из 15)");
      assertThat(DateUtil.isCellDateFormatted(late.getCell(9))).isTrue(); // copies sent
      // the publication's service level in columns of its own, headed apart from the regulation's deadlines
      Row header = register.getRow(0);
      assertThat(header.getCell(13).getStringCellValue())
          .isEqualTo("Срок размещения (уровень обслуживания, не срок Положения)");
      assertThat(header.getCell(14).getStringCellValue())
          .isEqualTo("Размещение (уровень обслуживания, не срок Положения)");
      assertThat(DateUtil.isCellDateFormatted(late.getCell(13))).isTrue();
      assertThat(late.getCell(14).getStringCellValue()).isEqualTo("размещено с превышением на 1 раб. день");
      Sheet clauses = book.getSheet("Соблюдение сроков");
      for (Row row : clauses) {
        assertThat(row.getCell(2).getStringCellValue()).as("no service level among the deadlines")
            .doesNotContain("уровень обслуживания");
      }

      Sheet totals = book.getSheet("Итоги по срокам");
      Row p13 = find(totals, "п. 13 Положения");
      assertThat(p13.getCell(3).getNumericCellValue()).as("met late").isEqualTo(1.0);
      assertThat(totals.getLastRowNum()).as("the four clauses only").isEqualTo(4);
      assertThat(find(totals, "п. 19 Положения").getCell(2).getNumericCellValue()).as("§ 19 met").isEqualTo(1.0);
      Row p18 = find(totals, "п. 18 Положения");
      assertThat(p18.getCell(4).getNumericCellValue()).as("missed, open").isEqualTo(1.0);
      assertThat(p18.getCell(2).getNumericCellValue()).as("met").isEqualTo(1.0);
    }
    byte[] decisions = getBytes("/api/reports/decisions?format=xlsx", "lebedeva");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(decisions))) {
      Sheet list = book.getSheet("Решения на контроле");
      assertThat(list.getLastRowNum()).as("only her area's one decision").isEqualTo(1);
      assertThat(list.getRow(1).getCell(6).getStringCellValue()).startsWith("Общая координация");
      assertThat(book.getSheet("Итоги по направлениям").getLastRowNum()).isEqualTo(1);
    }
  }

  @Test
  void thePluginIsServedAndListedInCockpit() throws Exception {
    HttpResponse<String> js = send(HttpRequest.newBuilder(
        uri("/camunda/api/cockpit/plugin/wg-meetings/static/app/plugin.js")).GET());
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).contains("cockpit.dashboard").contains("cockpit.processInstance.runtime.tab");
    HttpResponse<String> index = send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
    assertThat(index.body()).contains("cockpit-plugin-wg-meetings");
  }

  // --------------------------------------------------------------------------------------------------- helpers

  static JsonNode deadline(JsonNode meeting, String kind) {
    for (JsonNode d : meeting.get("deadlines")) {
      if (d.get("kind").asText().equals(kind)) {
        return d;
      }
    }
    throw new AssertionError("no deadline " + kind);
  }

  static Row find(Sheet sheet, String first) {
    for (Row row : sheet) {
      if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
          && row.getCell(0).getStringCellValue().equals(first)) {
        return row;
      }
    }
    throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "demo")).GET());
  }

  JsonNode reportJson(String path, String user) throws IOException, InterruptedException {
    HttpResponse<String> res = get(path, user);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return JSON.readTree(res.body());
  }

  byte[] getBytes(String path, String user) throws IOException, InterruptedException {
    HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic(user, "demo"))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(res.statusCode()).as(new String(res.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith(MonitoringReports.XLSX);
    return res.body();
  }

  JsonNode cockpitGet(String user, String path, int status) throws IOException, InterruptedException {
    String cookies = sessions.computeIfAbsent(user, this::login);
    HttpResponse<String> res = send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies).GET());
    assertThat(res.statusCode()).as(path + " as " + user + ": " + res.body()).isEqualTo(status);
    return res.body().isEmpty() ? null : JSON.readTree(res.body());
  }

  /** Logs into Cockpit as a browser does (CSRF handshake first); returns the Cookie header to send. */
  String login(String user) {
    try {
      HttpResponse<String> welcome = send(HttpRequest.newBuilder(uri("/camunda/app/cockpit/default/")).GET());
      List<HttpCookie> cookies = new ArrayList<>();
      welcome.headers().allValues("Set-Cookie").forEach(c -> cookies.addAll(HttpCookie.parse(c)));
      String csrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> cookies.stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow());
      String header = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
      HttpResponse<String> login = send(HttpRequest.newBuilder(
              uri("/camunda/api/admin/auth/user/default/login/cockpit"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .header("Cookie", header)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")));
      login.headers().allValues("Set-Cookie").forEach(c -> cookies.addAll(HttpCookie.parse(c)));
      Map<String, String> jar = new HashMap<>();
      cookies.forEach(c -> jar.put(c.getName(), c.getValue()));
      // a member may not open Cockpit: the login itself is refused, so test the plugin with a welcome login
      if (login.statusCode() != 200) {
        HttpResponse<String> welcomeLogin = send(HttpRequest.newBuilder(
                uri("/camunda/api/admin/auth/user/default/login/welcome"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
            .header("Cookie", header)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")));
        assertThat(welcomeLogin.statusCode()).as("welcome login of " + user).isEqualTo(200);
        welcomeLogin.headers().allValues("Set-Cookie").forEach(c -> HttpCookie.parse(c)
            .forEach(k -> jar.put(k.getName(), k.getValue())));
      }
      return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
