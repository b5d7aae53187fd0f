package ru.nso.wg.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.common.RussianDates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A calendar change at run time moves the waiting deadline timers of running processes. Its own context (it
 * changes the calendar), closed afterwards.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "wg.calendar.backward-reading=A")
@ActiveProfiles("test")
@DirtiesContext
class DeadlineTimerReloadTest {

  private static final String PROCESS = "calendar-deadline-test";
  private static final String DEADLINE_TIMER = "Event_AgendaToChairDue";
  private static final String DURATION_TIMER = "Event_TenDaysPassed";
  private static final Instant START = Instant.parse("2026-04-20T03:00:00Z");

  @Autowired private TestRestTemplate rest;
  @Autowired private RepositoryService repositoryService;
  @Autowired private RuntimeService runtimeService;
  @Autowired private ManagementService managementService;
  @Autowired private TaskService taskService;
  @Autowired private IdentityService identityService;
  @Autowired private ProductionCalendar calendar;
  @Autowired private CalendarReloadService reloadService;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(Date.from(START));
    deploymentId = repositoryService.createDeployment().name("calendar-test")
        .addClasspathResource("calendar/deadline-timer-test.bpmn").deploy().getId();
  }

  @AfterEach
  void restore() throws IOException {
    try (Stream<Path> files = Files.list(calendar.directory())) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    } catch (NoSuchFileException ignored) {
      // nothing was dropped
    }
    identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
    try {
      reloadService.reload();
    } finally {
      identityService.clearAuthentication();
    }
    repositoryService.deleteDeployment(deploymentId, true);
    ClockUtil.reset();
  }

  private ProcessInstance startMeeting(String meetingDate) {
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("meetingDate", meetingDate));
  }

  private Job timer(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
        .singleResult();
  }

  /** Drops a copy of the bundled 2026 file with one more non-working day into the administrator's directory. */
  private void dropModified2026(String extraDayOff) throws IOException {
    String bundled = new String(ProductionCalendar.bundled().stream().filter(s -> s.fileName().equals("2026.json"))
        .findFirst().orElseThrow().content(), StandardCharsets.UTF_8);
    String modified = bundled.replace("\"days\": [", "\"days\": [\n    { \"date\": \"" + extraDayOff
        + "\", \"type\": \"non-working\", \"reason\": \"Дополнительный выходной день (проверка)\" },");
    assertThat(modified).isNotEqualTo(bundled);
    Files.createDirectories(calendar.directory());
    Files.writeString(calendar.directory().resolve("2026.json"), modified);
  }

  private ResponseEntity<JsonNode> reloadAsAdmin() {
    return rest.withBasicAuth("admin", "admin").postForEntity("/api/calendar/reload", null, JsonNode.class);
  }

  @Test
  void theBpmnExpressionsUseTheCalendar() {
    ProcessInstance instance = startMeeting("2026-05-13");

    assertThat(timer(instance, DEADLINE_TIMER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-05-05T11:00:00Z")));
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-05-07T11:00:00Z")));
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2026-05-06T11:00:00Z")));

    JobDefinition definition = managementService.createJobDefinitionQuery().activityIdIn(DEADLINE_TIMER)
        .processDefinitionKey(PROCESS).singleResult();
    assertThat(definition.getJobConfiguration()).contains(DeadlineTimers.EXPRESSION_MARK);
  }

  @Test
  void aWaitingDeadlineTimerMovesWhenADayInItsRangeBecomesADayOff() throws IOException {
    ProcessInstance instance = startMeeting("2026-05-13");
    Job before = timer(instance, DEADLINE_TIMER);
    Date durationDueBefore = timer(instance, DURATION_TIMER).getDuedate();
    LocalDate dueDateBefore = LocalDate.ofInstant(before.getDuedate().toInstant(), RussianDates.ZONE);
    assertThat(dueDateBefore).isEqualTo(LocalDate.parse("2026-05-05"));

    // Time passes: a duration timer recalculated by mistake would move by this hour.
    ClockUtil.setCurrentTime(Date.from(START.plus(Duration.ofHours(1))));
    dropModified2026("2026-05-06");
    ResponseEntity<JsonNode> response = reloadAsAdmin();

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = response.getBody();
    assertThat(body.path("changedYears").toString()).isEqualTo("[2026]");
    assertThat(body.path("timersRecalculated").asInt()).isEqualTo(1);
    assertThat(body.path("timersFailed").size()).isZero();
    assertThat(body.path("timersMoved").size()).isEqualTo(1);
    JsonNode moved = body.path("timersMoved").get(0);
    assertThat(moved.path("jobId").asText()).isEqualTo(before.getId());
    assertThat(moved.path("processInstanceId").asText()).isEqualTo(instance.getId());
    assertThat(moved.path("activityId").asText()).isEqualTo(DEADLINE_TIMER);
    assertThat(moved.path("previousDue").asText()).isEqualTo("2026-05-05T18:00:00+07:00");
    assertThat(moved.path("due").asText()).isEqualTo("2026-05-04T18:00:00+07:00");

    Job after = timer(instance, DEADLINE_TIMER);
    assertThat(after.getId()).isEqualTo(before.getId());
    assertThat(after.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-05-04T11:00:00Z")));
    // One working day earlier, by the new calendar.
    assertThat(LocalDate.ofInstant(after.getDuedate().toInstant(), RussianDates.ZONE))
        .isEqualTo(calendar.plusWorkingDays(dueDateBefore, -1));
    assertThat(timer(instance, DURATION_TIMER).getDuedate()).isEqualTo(durationDueBefore);
  }

  @Test
  void aChangeOutsideTheTimersRangeLeavesItAlone() throws IOException {
    ProcessInstance instance = startMeeting("2026-05-13");
    Date dueBefore = timer(instance, DEADLINE_TIMER).getDuedate();

    dropModified2026("2026-05-14"); // after the meeting: irrelevant to § 13
    JsonNode body = reloadAsAdmin().getBody();

    assertThat(body.path("changedYears").toString()).isEqualTo("[2026]");
    assertThat(body.path("timersRecalculated").asInt()).isEqualTo(1);
    assertThat(body.path("timersMoved").size()).isZero();
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate()).isEqualTo(dueBefore);
  }

  @Test
  void aBadFileIsRefusedAndTheCalendarInUseIsKept() throws IOException {
    ProcessInstance instance = startMeeting("2026-05-13");
    Date dueBefore = timer(instance, DEADLINE_TIMER).getDuedate();
    WorkingDayCalendar inUse = calendar.snapshot();

    dropModified2026("2026-05-06");
    Files.writeString(calendar.directory().resolve("2027.json"), "{ \"year\": 2027, ");
    ResponseEntity<JsonNode> response = reloadAsAdmin();

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(response.getBody().path("message").asText())
        .contains(calendar.directory().resolve("2027.json").toString())
        .contains("действует прежний");
    assertThat(calendar.snapshot()).isSameAs(inUse);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-06"))).isTrue();
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate()).isEqualTo(dueBefore);
  }

  @Test
  void aTimerThatCannotBeRecalculatedIsReportedAndKeepsItsDate() throws IOException {
    ProcessInstance good = startMeeting("2026-05-13");
    ProcessInstance broken = startMeeting("2026-05-13");
    Date brokenDue = timer(broken, DEADLINE_TIMER).getDuedate();
    runtimeService.setVariable(broken.getId(), "meetingDate", "2029-05-14");

    dropModified2026("2026-05-06");
    JsonNode body = reloadAsAdmin().getBody();

    assertThat(body.path("timersRecalculated").asInt()).isEqualTo(1);
    assertThat(body.path("timersMoved").get(0).path("processInstanceId").asText()).isEqualTo(good.getId());
    assertThat(body.path("timersFailed").size()).isEqualTo(1);
    assertThat(body.path("timersFailed").get(0).path("processInstanceId").asText()).isEqualTo(broken.getId());
    assertThat(body.path("timersFailed").get(0).path("message").asText())
        .contains("Производственный календарь на 2029 год не загружен");
    assertThat(timer(broken, DEADLINE_TIMER).getDuedate()).isEqualTo(brokenDue);

    // The failure is retried by the next reload, even though no file changed since.
    runtimeService.setVariable(broken.getId(), "meetingDate", "2026-05-13");
    JsonNode retry = reloadAsAdmin().getBody();
    assertThat(retry.path("changedYears").size()).isZero();
    assertThat(retry.path("timersFailed").size()).isZero();
    assertThat(timer(broken, DEADLINE_TIMER).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-05-04T11:00:00Z")));
  }

  @Test
  void aRestartWithChangedFilesRecalculatesToo() throws IOException {
    ProcessInstance instance = startMeeting("2026-05-13");
    dropModified2026("2026-05-06");
    calendar.reload(); // what a restart with the new file loads, without the reload endpoint
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-05-05T11:00:00Z")));

    reloadService.synchronizeAfterStart();

    assertThat(timer(instance, DEADLINE_TIMER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-05-04T11:00:00Z")));
  }
}
