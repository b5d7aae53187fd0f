package ru.nso.wg.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.common.RussianDates;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused form submission through the engine REST API answers 4xx with the refusal's Russian message (not 500
 * with the engine's wrapping), and the log holds one WARN line for it, without a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RefusalRestTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate rest;
  @Autowired ProductionCalendar calendar;

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  private static JsonNode json(ResponseEntity<String> response) throws IOException {
    return JSON.readTree(response.getBody());
  }

  /** A working Wednesday four or more weeks ahead: far enough for § 13. */
  private String meetingDay() {
    LocalDate day = LocalDate.now(RussianDates.ZONE).plusWeeks(4);
    while (day.getDayOfWeek() != DayOfWeek.WEDNESDAY || !calendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day.toString();
  }

  private static List<String> linesAfter(CapturedOutput output, int mark, String text) {
    return output.getOut().substring(mark).lines().filter(l -> l.contains(text)).toList();
  }

  @Test
  void aRefusedSubmissionAnswers400WithTheReasonAndLogsOneWarnLine(CapturedOutput output) throws IOException {
    String day = meetingDay();
    ResponseEntity<String> started = post("smirnova", "/engine-rest/process-definition/key/wg-meeting/submit-form",
        "{\"variables\": {\"meetingStart\": {\"value\": \"" + day + "T14:30+07:00\"},"
            + "\"meetingFormat\": {\"value\": \"IN_PERSON\"},"
            + "\"meetingPlace\": {\"value\": \"Красный проспект, 18\"}}}");
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instance = json(started).path("id").asText();
    ResponseEntity<String> tasks = rest.withBasicAuth("admin", "admin")
        .getForEntity("/engine-rest/task?processInstanceId=" + instance, String.class);
    String task = json(tasks).get(0).path("id").asText();
    assertThat(post("sokolov", "/engine-rest/task/" + task + "/claim", "{\"userId\": \"sokolov\"}")
        .getStatusCode().value()).isEqualTo(204);

    // a refusal of the use case (nobody named to preside)
    int start = output.getOut().length();
    ResponseEntity<String> noPresiding = post("sokolov", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {}}");
    assertThat(noPresiding.getStatusCode().value()).as(noPresiding.getBody()).isEqualTo(400);
    assertThat(json(noPresiding).path("message").asText()).isEqualTo("Укажите, кто председательствует на заседании");
    assertThat(linesAfter(output, start, "Укажите, кто председательствует")).singleElement()
        .satisfies(line -> assertThat(line).contains("WARN"));
    assertThat(output.getOut().substring(start)).doesNotContain("\tat ").doesNotContain(" ERROR ");

    // a refusal of the text's characters
    int mark = output.getOut().length();
    ResponseEntity<String> refused = post("sokolov", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {\"presidingMode\": {\"value\": \"SELF\"},"
            + "\"meetingPlace\": {\"value\": \"Красный проспект, 18\\u0001\"}}}");

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    String message = json(refused).path("message").asText();
    assertThat(message).startsWith("Поле «Место проведения» содержит недопустимый символ");
    assertThat(json(refused).path("type").asText()).isEqualTo("Refusal");
    List<String> lines = linesAfter(output, mark, message);
    assertThat(lines).singleElement().satisfies(line -> assertThat(line).contains("WARN"));
    assertThat(output.getOut().substring(mark)).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-REST-HTTP500")
        .doesNotContain("\tat ").doesNotContain(" ERROR ");
  }

  @Test
  void aRefusedStartOrRequestAnswers4xxWithItsReason(CapturedOutput output) throws IOException {
    int mark = output.getOut().length();
    LocalDate sunday = LocalDate.parse(meetingDay()).plusDays(4);
    ResponseEntity<String> refused = post("smirnova",
        "/engine-rest/process-definition/key/wg-meeting/submit-form",
        "{\"variables\": {\"meetingStart\": {\"value\": \"" + sunday + "T11:00+07:00\"},"
            + "\"meetingFormat\": {\"value\": \"IN_PERSON\"},"
            + "\"meetingPlace\": {\"value\": \"Красный проспект, 18\"}}}");
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(json(refused).path("message").asText()).contains("нерабочий день");
    assertThat(linesAfter(output, mark, "нерабочий день")).singleElement()
        .satisfies(line -> assertThat(line).contains("WARN"));

    // a dissenting opinion on a meeting that does not exist: refused (400), not an engine failure
    ResponseEntity<String> unknown = post("vasiliev",
        "/engine-rest/process-definition/key/wg-dissenting-opinion/submit-form",
        "{\"variables\": {\"meetingRef\": {\"value\": \"99/2026\"}, \"itemNo\": {\"value\": 1, \"type\": \"Integer\"},"
            + "\"opinion\": {\"value\": \"Считаю решение преждевременным.\"}}}");
    assertThat(unknown.getStatusCode().is4xxClientError()).as(unknown.getBody()).isTrue();
    assertThat(json(unknown).path("message").asText()).contains("не найдено");
    assertThat(output.getOut().substring(mark)).doesNotContain("\tat ");
  }

  @Test
  void aProposalForTheAgendaIsCheckedOverRestTooAndOnlyTheAreasDeputyReviewsIt() throws IOException {
    // a hostile member calling the REST API directly: missing fields refused in Russian (400), nothing started
    ResponseEntity<String> missing = post("vasiliev",
        "/engine-rest/process-definition/key/wg-agenda-proposal/submit-form",
        "{\"variables\": {\"proposalTitle\": {\"value\": \"О стандарте\"},"
            + "\"proposalArea\": {\"value\": \"wg-area-digital\"}}}");
    assertThat(missing.getStatusCode().value()).as(missing.getBody()).isEqualTo(400);
    assertThat(json(missing).path("message").asText()).contains("Предложение в повестку не принято",
        "выберите вид вопроса", "укажите докладчика", "изложите проект решения", "приложите информационные материалы");

    ResponseEntity<String> started = post("vasiliev",
        "/engine-rest/process-definition/key/wg-agenda-proposal/submit-form",
        "{\"variables\": {\"proposalTitle\": {\"value\": \"О цифровых услугах МФЦ\"},"
            + "\"proposalType\": {\"value\": \"OTHER\"},"
            + "\"proposalSpeaker\": {\"value\": \"Васильев В.В.\"},"
            + "\"proposalArea\": {\"value\": \"wg-area-digital\"},"
            + "\"draftDecision\": {\"value\": \"Одобрить перевод услуг в электронный вид\"},"
            + "\"proposalMaterials\": {\"value\": \"https://example.org/wg/p.pdf\"}}}");
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instance = json(started).path("id").asText();
    JsonNode tasks = JSON.readTree(rest.withBasicAuth("admin", "admin").getForObject(
        "/engine-rest/task?processInstanceId=" + instance, String.class));
    String task = tasks.get(0).path("id").asText();

    // a member and the deputy chair of another area may not review it (403), the task stays open
    for (String user : List.of("fedorov", "morozov")) {
      ResponseEntity<String> review = post(user, "/engine-rest/task/" + task + "/submit-form",
          "{\"variables\": {\"proposalReview\": {\"value\": \"ACCEPT\"}}}");
      assertThat(review.getStatusCode().value()).as(user + ": " + review.getBody()).isEqualTo(403);
    }
    assertThat(JSON.readTree(rest.withBasicAuth("admin", "admin").getForObject(
        "/engine-rest/task?processInstanceId=" + instance, String.class)).size()).isOne();
    ResponseEntity<String> accepted = post("kuznetsova", "/engine-rest/task/" + task + "/submit-form",
        "{\"variables\": {\"proposalReview\": {\"value\": \"ACCEPT\"}}}");
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(204);
  }
}
