package ru.nso.wg.control;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.DecisionControlProcess.Elements;
import ru.nso.wg.process.DecisionScenario;
import ru.nso.wg.roster.RosterGroups;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * The REST contract of {@code /api/decisions}: who may read, the filters, one decision with its history; and an
 * extension started through Camunda's REST API. One meeting with three controlled decisions: item 1 overdue (person),
 * item 2 in progress (a group, services area), item 3 executed.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class DecisionRegisterApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired MeetingRecord record;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;

  MeetingRef meeting;
  String ref;

  @BeforeEach
  void threeDecisions() {
    if (identityService.createUserQuery().userId("outsider").count() == 0) {
      User user = identityService.newUser("outsider");
      user.setFirstName("Посторонний");
      user.setLastName("Пользователь");
      user.setPassword("demo");
      identityService.saveUser(user);
    }
    clockAt("2026-11-16T14:30+07:00");
    meeting = DecisionScenario.meeting(record, "2026-11-16T14:30+07:00");
    ref = DecisionScenario.human(meeting);
    clockAt("2026-11-30T09:00+07:00");
    DecisionScenario overdue = new DecisionScenario(engine);
    overdue.start(meeting, 1, "vasiliev", "2026-12-10", "wg-area-digital");
    DecisionScenario group = new DecisionScenario(engine);
    group.start(meeting, 2, RosterGroups.SECRETARIAT, "2027-03-01", "wg-area-services");
    DecisionScenario executed = new DecisionScenario(engine);
    executed.start(meeting, 3, "vasiliev", "2027-03-01", "wg-area-coordination");
    executed.report("vasiliev", "Методические рекомендации подготовлены и размещены");
    executed.accept("lebedeva");
    clockAt("2026-12-10T18:00+07:00");
    overdue.executeJob(Elements.DUE_DATE_PASSED);
    overdue.executeJob(Elements.ESCALATE);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private ResponseEntity<JsonNode> get(String user, String url) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo");
    return client.getForEntity(url, JsonNode.class);
  }

  private List<Integer> items(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Integer> items = new ArrayList<>();
    response.getBody().path("decisions").forEach(d -> items.add(d.path("itemNo").asInt()));
    JsonNode body = response.getBody();
    if (items.size() < body.path("limit").asInt()) {
      // the last page: count is every decision that matched
      assertThat(body.path("count").asInt()).isEqualTo(body.path("offset").asInt() + items.size());
    }
    return items;
  }

  private static void assertError(ResponseEntity<JsonNode> response, HttpStatus status, String message) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getBody().path("message").asText()).contains(message);
  }

  @Test
  void onlyTheWorkingGroupAndItsStaffMayRead() {
    assertThat(get(null, "/api/decisions").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // bad credentials of an unknown user (a wrong password of a real one would throttle that user's next logins,
    // also in other tests of this Spring context)
    assertThat(rest.withBasicAuth("nobody-here", "wrong").getForEntity("/api/decisions", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertError(get("outsider", "/api/decisions"), HttpStatus.FORBIDDEN, "Реестр решений на контроле доступен");
    assertError(get("outsider", "/api/decisions/" + meeting.key() + "/1"), HttpStatus.FORBIDDEN, "доступен");
    for (String reader : List.of("novikova", "kuznetsova", "sokolov", "smirnova", "egorova", "admin")) {
      assertThat(get(reader, "/api/decisions?meeting=" + ref).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void whatIsOverdueAndWhoseInOneCall() {
    ResponseEntity<JsonNode> response = get("sokolov", "/api/decisions?state=OVERDUE&meeting=" + ref);

    assertThat(items(response)).containsExactly(1);
    JsonNode d = response.getBody().path("decisions").get(0);
    assertThat(d.path("key").asText()).isEqualTo(meeting.key() + "/1");
    assertThat(d.path("meeting").asText()).isEqualTo(meeting.display());
    assertThat(d.path("meetingDate").asText()).isEqualTo("2026-11-16");
    assertThat(d.path("state").asText()).isEqualTo("OVERDUE");
    assertThat(d.path("stateTitle").asText()).isEqualTo("срок исполнения истёк");
    assertThat(d.path("stage").asText()).isEqualTo("AWAITING_REPORT");
    assertThat(d.path("executor").path("id").asText()).isEqualTo("vasiliev");
    assertThat(d.path("executor").path("kind").asText()).isEqualTo("USER");
    assertThat(d.path("executor").path("name").asText()).isEqualTo("Васильев Павел Андреевич");
    assertThat(d.path("controller").path("area").asText()).isEqualTo("wg-area-digital");
    assertThat(d.path("controller").path("deputies").get(0).path("id").asText()).isEqualTo("kuznetsova");
    assertThat(d.path("dueDate").asText()).isEqualTo("2026-12-10");
    assertThat(d.path("dueAt").asText()).isEqualTo("2026-12-10T18:00:00+07:00");
    assertThat(d.path("decisionText").asText()).isEqualTo(DecisionScenario.DECISION);
  }

  /** The register holds thousands of decisions: a page at a time (100 unless asked), with the count of all. */
  @Test
  void theRegisterIsReadAPageAtATime() {
    ResponseEntity<JsonNode> first = get("smirnova", "/api/decisions?meeting=" + ref + "&limit=2");
    assertThat(first.getBody().path("count").asInt()).isEqualTo(3);
    assertThat(first.getBody().path("offset").asInt()).isZero();
    assertThat(first.getBody().path("limit").asInt()).isEqualTo(2);
    ResponseEntity<JsonNode> second = get("smirnova", "/api/decisions?meeting=" + ref + "&limit=2&offset=2");
    List<Integer> all = new ArrayList<>(items(first));
    all.addAll(items(second));
    assertThat(items(first)).hasSize(2);
    assertThat(all).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(get("smirnova", "/api/decisions?meeting=" + ref).getBody().path("limit").asInt()).isEqualTo(100);

    assertError(get("smirnova", "/api/decisions?limit=0"), HttpStatus.BAD_REQUEST, "от 1 до 1000");
    assertError(get("smirnova", "/api/decisions?limit=5000"), HttpStatus.BAD_REQUEST, "от 1 до 1000");
    assertError(get("smirnova", "/api/decisions?offset=-1"), HttpStatus.BAD_REQUEST, "offset");
  }

  @Test
  void filtersByMeetingControllerExecutorAndState() {
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref))).containsExactlyInAnyOrder(1, 2, 3);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + meeting.key()))).hasSize(3);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&controller=wg-area-services")))
        .containsExactly(2);
    // a deputy chair: the decisions of their area
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&controller=morozov"))).containsExactly(2);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&controller=lebedeva"))).containsExactly(3);
    // the chair controls no area
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&controller=sokolov"))).isEmpty();
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&executor=vasiliev")))
        .containsExactlyInAnyOrder(1, 3);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&executor=" + RosterGroups.SECRETARIAT)))
        .containsExactly(2);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&state=executed"))).containsExactly(3);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&state=IN_PROGRESS,OVERDUE")))
        .containsExactlyInAnyOrder(1, 2);
    assertThat(items(get("smirnova", "/api/decisions?meeting=" + ref + "&executor=vasiliev&state=EXECUTED")))
        .containsExactly(3);
  }

  @Test
  void badFiltersAreA400WithARussianMessage() {
    assertError(get("smirnova", "/api/decisions?state=LOST"), HttpStatus.BAD_REQUEST,
        "Неизвестное состояние «LOST»; допустимы: IN_PROGRESS, OVERDUE, EXECUTED, WITHDRAWN");
    assertError(get("smirnova", "/api/decisions?meeting=третье"), HttpStatus.BAD_REQUEST, "не распознан");
    assertError(get("smirnova", "/api/decisions?controller=nobody"), HttpStatus.BAD_REQUEST,
        "не направление заместителя председателя");
    assertError(get("smirnova", "/api/decisions/" + meeting.key() + "/9"), HttpStatus.NOT_FOUND,
        "не стоит на контроле исполнения");
    assertError(get("smirnova", "/api/decisions/" + meeting.key() + "/x"), HttpStatus.BAD_REQUEST, "itemNo");
  }

  @Test
  void oneDecisionWithItsHistory() {
    ResponseEntity<JsonNode> response = get("novikova", "/api/decisions/" + meeting.key() + "/3");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.path("state").asText()).isEqualTo("EXECUTED");
    assertThat(body.path("executedLate").asBoolean()).isFalse();
    assertThat(body.path("controller").path("deputyAtRegistration").asText()).isEqualTo("lebedeva");
    List<String> kinds = new ArrayList<>();
    body.path("history").forEach(e -> kinds.add(e.path("kind").asText()));
    assertThat(kinds).containsExactly("REGISTERED", "REPORTED", "ACCEPTED");
    JsonNode reported = body.path("history").get(1);
    assertThat(reported.path("actor").asText()).isEqualTo("vasiliev");
    assertThat(reported.path("actorName").asText()).isEqualTo("Васильев Павел Андреевич");
    assertThat(reported.path("details").asText()).isEqualTo("Методические рекомендации подготовлены и размещены");
    assertThat(reported.path("links").get(0).asText()).isEqualTo("https://docs.example.org/standard-draft.pdf");
    assertThat(body.path("history").get(2).path("actor").asText()).isEqualTo("lebedeva");

    JsonNode overdue = get("novikova", "/api/decisions/" + meeting.key() + "/1").getBody();
    assertThat(overdue.path("history").get(1).path("kind").asText()).isEqualTo("ESCALATED");
    assertThat(overdue.path("history").get(1).path("actor").isNull()).isTrue();
  }

  @Test
  void theChairsOfficeExtendsADueDateThroughCamundasRestApi() {
    String body = "{\"businessKey\":null,\"variables\":{"
        + "\"meetingRef\":{\"value\":\"" + ref + "\",\"type\":\"String\"},"
        + "\"itemNo\":{\"value\":1,\"type\":\"Long\"},"
        + "\"newDueDate\":{\"value\":\"2027-02-26\",\"type\":\"String\"},"
        + "\"extensionReason\":{\"value\":\"Продлено по служебной записке министерства\",\"type\":\"String\"}}}";
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String url = "/engine-rest/process-definition/key/wg-decision-extend/start";

    ResponseEntity<JsonNode> refused = rest.withBasicAuth("smirnova", "demo")
        .postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
    // the secretariat holds no grant on the extension process: for it, the definition does not exist
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<JsonNode> tooEarly = rest.withBasicAuth("sokolov", "demo").postForEntity(url,
        new HttpEntity<>(body.replace("2027-02-26", "2026-12-01"), headers), JsonNode.class);
    assertThat(tooEarly.getStatusCode().is4xxClientError() || tooEarly.getStatusCode().is5xxServerError()).isTrue();
    assertThat(tooEarly.getBody().path("message").asText()).contains("уже прошёл");

    ResponseEntity<JsonNode> started = rest.withBasicAuth("sokolov", "demo")
        .postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(started.getBody().path("ended").asBoolean()).isTrue();
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(meeting.key() + "/1").singleResult().getId();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(instanceId).activityId(Elements.APPLY_EXTENSION).singleResult().getId());

    JsonNode decision = get("sokolov", "/api/decisions/" + meeting.key() + "/1").getBody();
    assertThat(decision.path("state").asText()).isEqualTo("IN_PROGRESS");
    assertThat(decision.path("dueDate").asText()).isEqualTo("2027-02-26");
    assertThat(decision.path("originalDueDate").asText()).isEqualTo("2026-12-10");
    JsonNode extended = decision.path("history").get(decision.path("history").size() - 1);
    assertThat(extended.path("kind").asText()).isEqualTo("EXTENDED");
    assertThat(extended.path("actor").asText()).isEqualTo("sokolov");
    assertThat(extended.path("dueDateBefore").asText()).isEqualTo("2026-12-10");
    assertThat(extended.path("dueDateAfter").asText()).isEqualTo("2027-02-26");
    assertThat(extended.path("details").asText()).isEqualTo("Продлено по служебной записке министерства");
  }
}
