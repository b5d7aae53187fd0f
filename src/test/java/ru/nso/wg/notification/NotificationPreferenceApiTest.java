package ru.nso.wg.notification;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * {@code /api/me/notification-preference} (issue 16, point 4): a person chooses a message per task or the daily
 * digest for himself only; naming another person is refused (403) and changes nothing; a mode that does not exist is
 * refused with the modes (400); without login 401.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class NotificationPreferenceApiTest {

  private static final String URL = "/api/me/notification-preference";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void forget() {
    jdbc.update("DELETE FROM wg_notification_preference");
  }

  private ResponseEntity<JsonNode> put(String user, Map<String, String> body) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, "demo");
    return client.exchange(URL, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
  }

  private String mode(String user) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo").getForEntity(URL, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("userId").asText()).isEqualTo(user);
    return answer.getBody().path("mode").asText();
  }

  @Test
  void aPersonChoosesTheDailyDigestForHimself() {
    assertThat(mode("novikova")).isEqualTo("EACH_TASK");
    ResponseEntity<JsonNode> answer = put("novikova", Map.of("mode", "DAILY_DIGEST"));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(answer.getBody().path("title").asText()).isEqualTo("одна ежедневная сводка задач");
    assertThat(answer.getBody().path("digestHour").asInt()).isEqualTo(8);
    assertThat(mode("novikova")).isEqualTo("DAILY_DIGEST");
    assertThat(put("novikova", Map.of("mode", "EACH_TASK")).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mode("novikova")).isEqualTo("EACH_TASK");
  }

  @Test
  void nobodyChangesAnotherPersonsPreference() {
    ResponseEntity<JsonNode> answer = put("novikova", Map.of("mode", "DAILY_DIGEST", "userId", "sokolov"));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getBody().path("message").asText()).contains("только свою настройку уведомлений");
    assertThat(mode("sokolov")).isEqualTo("EACH_TASK");
    assertThat(mode("novikova")).as("nothing half-saved for the caller either").isEqualTo("EACH_TASK");
  }

  @Test
  void anUnknownModeIsRefusedInRussianAndAnonymousCallersAreNotLetIn() {
    ResponseEntity<JsonNode> answer = put("novikova", Map.of("mode", "NEVER"));
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().path("message").asText()).contains("EACH_TASK", "DAILY_DIGEST", "режим уведомлений");
    assertThat(put(null, Map.of("mode", "DAILY_DIGEST")).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_notification_preference", Integer.class)).isZero();
  }
}
