package ru.nso.wg.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * The REST contract of {@code GET /api/chair-instructions} (§ 10): the chair's office, the chair, the deputy chairs
 * and the secretariat read every instruction — past, in force and future, withdrawn ones with the withdrawal; a member
 * gets 403. "Today" is Wednesday 02.12.2026.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class ChairInstructionApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired ChairPowers chairPowers;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void threeInstructions() {
    clockAt("2026-11-16T09:00+07:00");
    chairPowers.instruct("lebedeva", LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-20"),
        ChairInstruction.Form.ORAL, null, "zaitseva");
    clockAt("2026-11-30T09:00+07:00");
    chairPowers.instruct("morozov", LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-11"),
        ChairInstruction.Form.WRITTEN, "№ 15 от 27.11.2026", "zaitseva");
    chairPowers.instruct("kuznetsova", LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-25"),
        ChairInstruction.Form.WRITTEN, "№ 16 от 30.11.2026", "zaitseva");
    clockAt("2026-12-02T09:00+07:00");
  }

  @AfterEach
  void forget() {
    ClockUtil.reset();
    jdbc.update("UPDATE wg_date_request SET chair_instruction_id = NULL");
    jdbc.update("DELETE FROM wg_chair_instruction");
  }

  private ResponseEntity<JsonNode> get(String user) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.getForEntity("/api/chair-instructions", JsonNode.class);
  }

  @Test
  void theChairsOfficeTheSecretariatAndTheDeputiesReadTheInstructionsAMemberDoesNot() {
    assertThat(get(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> member = get("novikova");
    assertThat(member.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(member.getBody().path("message").asText()).contains("аппарату председателя");
    for (String reader : List.of("zaitseva", "sokolov", "smirnova", "morozov")) {
      assertThat(get(reader).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
  }

  @Test
  void everyInstructionWithItsStateLatestFirst() {
    long future = jdbc.queryForObject("SELECT id FROM wg_chair_instruction WHERE deputy_user_id = 'kuznetsova'",
        Long.class);
    chairPowers.withdraw(future, LocalDate.parse("2026-12-23"), "Командировка сокращена", "zaitseva");
    JsonNode body = get("zaitseva").getBody();
    List<String> rows = new ArrayList<>();
    body.path("instructions").forEach(i -> rows.add(i.path("deputy").path("id").asText() + " "
        + i.path("from").asText() + ".." + i.path("to").asText() + " " + i.path("state").asText()));
    assertThat(rows).containsExactly("kuznetsova 2026-12-21..2026-12-22 FUTURE",
        "morozov 2026-11-30..2026-12-11 IN_FORCE", "lebedeva 2026-11-16..2026-11-20 PAST");
    JsonNode withdrawn = body.path("instructions").path(0);
    assertThat(withdrawn.path("deputy").path("name").asText()).isEqualTo("Кузнецова Елена Игоревна");
    assertThat(withdrawn.path("form").asText()).isEqualTo("WRITTEN");
    assertThat(withdrawn.path("reference").asText()).isEqualTo("№ 16 от 30.11.2026");
    assertThat(withdrawn.path("recordedBy").asText()).isEqualTo("zaitseva");
    assertThat(withdrawn.path("withdrawal").path("from").asText()).isEqualTo("2026-12-23");
    assertThat(withdrawn.path("withdrawal").path("recordedTo").asText()).isEqualTo("2026-12-25");
    assertThat(withdrawn.path("withdrawal").path("reason").asText()).isEqualTo("Командировка сокращена");
    assertThat(withdrawn.path("withdrawal").path("by").asText()).isEqualTo("zaitseva");
    assertThat(body.path("instructions").path(1).path("withdrawal").isNull()).isTrue();
    assertThat(body.path("today").asText()).isEqualTo("2026-12-02");
  }
}
