package ru.nso.wg.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import ru.nso.wg.platform.PostgresTestSupport;
import ru.nso.wg.process.MeetingProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests that run the application as child JVMs ({@link AppNode}) share: the demo roster's users, driving a
 * meeting over REST as its users do, waiting, JSON. Used by {@link ClusterIT} and {@link CrashIT}.
 */
final class ItSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId NOVOSIBIRSK = ZoneId.of("Asia/Novosibirsk");
  static final String SECRETARY = "smirnova";
  static final String CHAIR = "sokolov";
  static final String PASSWORD = "demo";
  static final String ADMIN = "admin";

  private ItSupport() {
  }

  /** A meeting started over REST: process instance, business key, its number. */
  record Meeting(String id, String key, int number) {
  }

  /** A working day (by the application's calendar) three to four weeks ahead, when meetings are usually set. */
  static LocalDate meetingDate(AppNode node) {
    LocalDate from = LocalDate.now(NOVOSIBIRSK).plusDays(21);
    while (from.getDayOfWeek() == DayOfWeek.FRIDAY || from.getDayOfWeek() == DayOfWeek.MONDAY) {
      from = from.plusDays(1);
    }
    return LocalDate.parse(json(node.get("/api/calendar/working-days?from=" + from + "&add=1", ADMIN).body())
        .path("date").asText());
  }

  static void completeTask(AppNode node, Meeting meeting, String taskKey, String user, ObjectNode variables) {
    String taskId = awaitTask(node, meeting, taskKey, user);
    HttpResponse<String> claim = node.post("/engine-rest/task/" + taskId + "/claim", user,
        "{\"userId\":\"" + user + "\"}");
    assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    HttpResponse<String> submit = node.post("/engine-rest/task/" + taskId + "/submit-form", user,
        JSON.createObjectNode().set("variables", variables).toString());
    assertThat(submit.statusCode()).as(taskKey + " of " + meeting.key() + " on " + node.name() + ": " + submit.body())
        .isIn(200, 204);
  }

  static String awaitTask(AppNode node, Meeting meeting, String taskKey, String user) {
    String[] found = new String[1];
    awaitCondition(Duration.ofMinutes(2), taskKey + " of " + meeting.key(), () -> {
      JsonNode tasks = json(node.get("/engine-rest/task?processInstanceId=" + meeting.id() + "&taskDefinitionKey="
          + taskKey, user).body());
      if (tasks.size() == 1) {
        found[0] = tasks.get(0).path("id").asText();
        return true;
      }
      return false;
    });
    return found[0];
  }

  static Meeting startMeeting(AppNode node, String start) {
    ObjectNode variables = vars(MeetingProcess.Vars.MEETING_START.name(), start, "String");
    variables.set(MeetingProcess.Vars.MEETING_FORMAT.name(), variable("IN_PERSON", "String"));
    variables.set(MeetingProcess.Vars.MEETING_PLACE.name(), variable("г. Новосибирск, Красный проспект, 18", "String"));
    variables.set(MeetingProcess.Vars.INVITEES.name(), variable("[{\"fullName\":\"Иванов Иван Иванович\","
        + "\"jobTitle\":\"Эксперт\",\"organisation\":\"АНО «Центр»\",\"email\":\"ivanov@example.org\"}]", "Json"));
    HttpResponse<String> response = node.post("/engine-rest/process-definition/key/wg-meeting/submit-form",
        SECRETARY, JSON.createObjectNode().set("variables", variables).toString());
    assertThat(response.statusCode()).as("start through " + node.name() + ": " + response.body()).isEqualTo(200);
    String id = json(response.body()).path("id").asText();
    JsonNode instance = json(node.get("/engine-rest/process-instance/" + id, ADMIN).body());
    String key = instance.path("businessKey").asText();
    return new Meeting(id, key, Integer.parseInt(key.substring(key.indexOf('-') + 1)));
  }

  static String agenda() {
    return "[{\"title\":\"Вопрос 1 о внедрении стандарта\",\"itemType\":\"STANDARD\",\"speaker\":\"Лебедева О.Н.\","
        + "\"materials\":\"https://example.org/materials/1.pdf\",\"area\":\"wg-area-coordination\"}]";
  }

  static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static ObjectNode vars(String name, Object value, String type) {
    ObjectNode variables = JSON.createObjectNode();
    variables.set(name, variable(value, type));
    return variables;
  }

  static ObjectNode variable(Object value, String type) {
    return JSON.createObjectNode().put("value", String.valueOf(value)).put("type", type);
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + body, e);
    }
  }

  static void awaitCondition(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        last = null;
      } catch (RuntimeException e) {
        last = e;
      }
      sleep(100);
    }
    throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what, last);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * After the test's nodes are stopped: stops the mail side and the embedded PostgreSQL (this JVM runs no Spring
   * application that would stop it) and prints the figures, whatever happened before.
   */
  static void finish(SlowSmtpProxy smtp, GreenMail greenMail, String test, Map<String, Object> figures) {
    if (smtp != null) {
      smtp.close();
    }
    if (greenMail != null) {
      greenMail.stop();
    }
    PostgresTestSupport.stop();
    System.out.println();
    System.out.println(String.format("==================== %-9s figures ====================", test));
    figures.forEach((name, value) -> System.out.println(String.format("%-55s %s", name, value)));
    System.out.println("===========================================================");
  }

  static double seconds(long startedNanos) {
    return Math.round((System.nanoTime() - startedNanos) / 100_000_000.0) / 10.0;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
