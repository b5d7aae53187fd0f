package ru.nso.wg.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/** The REST contract of {@code /api/calendar}. */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiTest {

  @Autowired
  private TestRestTemplate rest;

  private ResponseEntity<JsonNode> get(String url) {
    return rest.withBasicAuth("smirnova", "demo").getForEntity(url, JsonNode.class);
  }

  private static void assertError(ResponseEntity<JsonNode> response, HttpStatus status, String message) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getBody()).isNotNull();
    assertThat(response.getBody().path("status").asInt()).isEqualTo(status.value());
    assertThat(response.getBody().path("message").asText()).contains(message);
  }

  @Test
  void acceptanceCheck() {
    ResponseEntity<JsonNode> response = get("/api/calendar/deadlines?meetingDate=2026-05-13&signedOn=2026-05-20");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.path("reading").asText()).isEqualTo("A");
    assertThat(body.path("provisional").asBoolean()).isFalse();
    assertDeadline(body.path("agendaToChair"), "2026-05-05", "2026-05-05T18:00:00+07:00", "§ 13");
    assertDeadline(body.path("agendaDistribution"), "2026-05-07", "2026-05-07T18:00:00+07:00", "§ 14");
    assertDeadline(body.path("minutesDue"), "2026-05-20", "2026-05-20T18:00:00+07:00", "§ 18");
    assertDeadline(body.path("minutesCopiesDue"), "2026-05-25", "2026-05-25T18:00:00+07:00", "§ 19");
    assertThat(body.path("agendaToChair").path("description").asText())
        .isEqualTo("Передача повестки на утверждение председателю (п. 13 Положения)");
    assertThat(body.path("agendaToChair").path("text").asText())
        .isEqualTo("не позднее 05.05.2026 18:00 (п. 13 Положения)");
    assertThat(body.path("minutesCopiesDue").path("eventDate").asText()).isEqualTo("2026-05-20");
  }

  private static void assertDeadline(JsonNode node, String date, String deadline, String clause) {
    assertThat(node.path("date").asText()).isEqualTo(date);
    assertThat(node.path("deadline").asText()).isEqualTo(deadline);
    assertThat(node.path("clause").asText()).isEqualTo(clause);
    assertThat(node.path("provisional").isBoolean()).isTrue();
    assertThat(node.path("provisional").asBoolean()).isFalse();
    assertThat(node.path("description").asText()).isNotBlank();
  }

  @Test
  void deadlinesWithoutSigningDateAndWithReadingB() {
    JsonNode body = get("/api/calendar/deadlines?meetingDate=2026-01-14&reading=B").getBody();
    assertThat(body.path("reading").asText()).isEqualTo("B");
    assertThat(body.path("agendaToChair").path("date").asText()).isEqualTo("2025-12-25");
    assertThat(body.path("agendaDistribution").path("date").asText()).isEqualTo("2025-12-29");
    assertThat(body.path("minutesDue").path("date").asText()).isEqualTo("2026-01-21");
    assertThat(body.has("minutesCopiesDue")).isFalse();
  }

  @Test
  void deadlinesOnAShortenedDayEndAt17() {
    JsonNode body = get("/api/calendar/deadlines?meetingDate=2026-05-18").getBody();
    assertThat(body.path("agendaToChair").path("deadline").asText()).isEqualTo("2026-05-08T17:00:00+07:00");
  }

  @Test
  void provisionalYearIsFlagged() {
    JsonNode body = get("/api/calendar/deadlines?meetingDate=2027-03-10").getBody();
    assertThat(body.path("provisional").asBoolean()).isTrue();
    assertThat(body.path("minutesDue").path("provisional").asBoolean()).isTrue();
    assertThat(body.path("minutesDue").path("provisionalYears").get(0).asInt()).isEqualTo(2027);
    assertThat(body.path("minutesDue").path("text").asText()).endsWith(" — по предварительному календарю на 2027 год");
  }

  @Test
  void deadlineErrors() {
    assertError(get("/api/calendar/deadlines?meetingDate=2026-13-45"), HttpStatus.BAD_REQUEST,
        "Недопустимая дата «2026-13-45» в параметре «meetingDate»");
    assertError(get("/api/calendar/deadlines?meetingDate=13.05.2026"), HttpStatus.BAD_REQUEST,
        "Недопустимая дата «13.05.2026»");
    assertError(get("/api/calendar/deadlines?meetingDate=2026-05-13&signedOn=2026-02-30"), HttpStatus.BAD_REQUEST,
        "в параметре «signedOn»");
    assertError(get("/api/calendar/deadlines"), HttpStatus.BAD_REQUEST,
        "Не указан обязательный параметр «meetingDate»");
    assertError(get("/api/calendar/deadlines?meetingDate=2026-05-13&reading=C"), HttpStatus.BAD_REQUEST,
        "Неизвестное толкование «C»");
    assertError(get("/api/calendar/deadlines?meetingDate=2026-05-13&signedOn=2026-05-12"), HttpStatus.BAD_REQUEST,
        "не может быть раньше даты заседания");
    assertError(get("/api/calendar/deadlines?meetingDate=2029-03-14"), HttpStatus.UNPROCESSABLE_ENTITY,
        "Производственный календарь на 2029 год не загружен");
  }

  @Test
  void workingDays() {
    JsonNode back = get("/api/calendar/working-days?from=2026-05-13&add=-5").getBody();
    assertThat(back.path("date").asText()).isEqualTo("2026-05-05");
    assertThat(back.path("from").asText()).isEqualTo("2026-05-13");
    assertThat(back.path("add").asInt()).isEqualTo(-5);
    assertThat(back.path("reading").asText()).isEqualTo("A");
    assertThat(back.path("provisional").asBoolean()).isFalse();

    assertThat(get("/api/calendar/working-days?from=2026-05-13&add=-5&reading=B").getBody().path("date").asText())
        .isEqualTo("2026-05-04");

    JsonNode forward = get("/api/calendar/working-days?from=2025-12-30&add=1").getBody();
    assertThat(forward.path("date").asText()).isEqualTo("2026-01-12");
    assertThat(forward.path("reading").isNull()).isTrue();

    JsonNode into2027 = get("/api/calendar/working-days?from=2026-12-28&add=3").getBody();
    assertThat(into2027.path("date").asText()).isEqualTo("2027-01-11");
    assertThat(into2027.path("provisional").asBoolean()).isTrue();
  }

  @Test
  void workingDaysErrors() {
    assertError(get("/api/calendar/working-days?from=2026-05-13&add=0"), HttpStatus.BAD_REQUEST,
        "не может быть равно нулю");
    assertError(get("/api/calendar/working-days?from=2026-05-13&add=400"), HttpStatus.BAD_REQUEST,
        "не может превышать");
    assertError(get("/api/calendar/working-days?from=2026-05-13&add=-367"), HttpStatus.BAD_REQUEST,
        "не может превышать");
    assertError(get("/api/calendar/working-days?from=2026-05-13&add=five"), HttpStatus.BAD_REQUEST,
        "Недопустимое число рабочих дней «five»");
    assertError(get("/api/calendar/working-days?from=2026-02-30&add=1"), HttpStatus.BAD_REQUEST,
        "Недопустимая дата «2026-02-30» в параметре «from»");
    assertError(get("/api/calendar/working-days?from=2026-05-13&add=-1&reading=X"), HttpStatus.BAD_REQUEST,
        "Неизвестное толкование «X»");
    assertError(get("/api/calendar/working-days?from=2027-12-28&add=3"), HttpStatus.UNPROCESSABLE_ENTITY,
        "Производственный календарь на 2028 год не загружен");
  }

  @Test
  void years() {
    JsonNode list = get("/api/calendar").getBody();
    assertThat(list.size()).isEqualTo(4);
    assertThat(list.get(0).path("year").asInt()).isEqualTo(2024);
    assertThat(list.get(0).path("workingDays").asInt()).isEqualTo(248);

    JsonNode year = get("/api/calendar/2027").getBody();
    assertThat(year.path("year").asInt()).isEqualTo(2027);
    assertThat(year.path("status").asText()).isEqualTo("provisional");
    assertThat(year.path("provisional").asBoolean()).isTrue();
    assertThat(year.path("decree").asText()).contains("№ 1187");
    assertThat(year.path("origin").asText()).isEqualTo("bundled");
    assertThat(year.path("workingDays").asInt()).isEqualTo(247);
    assertThat(year.path("days").size()).isEqualTo(19);
    JsonNode saturday = year.path("days").get(6);
    assertThat(saturday.path("date").asText()).isEqualTo("2027-02-20");
    assertThat(saturday.path("type").asText()).isEqualTo("working-weekend");
    assertThat(saturday.path("working").asBoolean()).isTrue();
    assertThat(saturday.path("shortened").asBoolean()).isTrue();
    assertThat(saturday.path("reason").asText()).contains("22.02.2027");

    assertThat(get("/api/calendar/2026").getBody().path("status").asText()).isEqualTo("official");
    assertError(get("/api/calendar/2029"), HttpStatus.NOT_FOUND, "Производственный календарь на 2029 год не загружен");
    assertError(get("/api/calendar/next"), HttpStatus.BAD_REQUEST, "Недопустимое значение параметра «year»");
  }

  @Test
  void authentication() {
    ResponseEntity<JsonNode> anonymous = rest.getForEntity("/api/calendar/deadlines?meetingDate=2026-05-13",
        JsonNode.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody().path("message").asText()).isEqualTo("Требуется вход в систему");

    // Another user than the one the other tests use: Camunda delays the next login after a wrong password.
    assertThat(rest.withBasicAuth("popov", "wrong").getForEntity("/api/calendar/2026", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.postForEntity("/api/calendar/reload", null, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void reloadIsForAdministratorsOnly() {
    ResponseEntity<JsonNode> secretariat = rest.withBasicAuth("smirnova", "demo")
        .postForEntity("/api/calendar/reload", null, JsonNode.class);
    assertError(secretariat, HttpStatus.FORBIDDEN, "только администратор");

    ResponseEntity<JsonNode> admin = rest.withBasicAuth("admin", "admin")
        .postForEntity("/api/calendar/reload", null, JsonNode.class);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(admin.getBody().path("years").toString()).isEqualTo("[2024,2025,2026,2027]");
    assertThat(admin.getBody().path("changedYears").size()).isZero();
    assertThat(admin.getBody().path("timersRecalculated").asInt()).isZero();
    assertThat(admin.getBody().path("timersFailed").size()).isZero();
  }
}
