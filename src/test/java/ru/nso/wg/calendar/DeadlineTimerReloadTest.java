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
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * A calendar change at run time moves the waiting deadline timers of running processes. Its own context (it
 * changes the calendar), closed afterwards.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"wg.calendar.backward-reading=A",
    // the poll must not be what brings a change from another node: the check in the transaction must
    "wg.calendar.poll-interval=PT1H"})
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
  @Autowired private ClusterCalendar cluster;
  @Autowired private OpenTaskDueDates openTasks;
  @Autowired private DeadlineExpressions deadlines;
  @Autowired private JdbcTemplate jdbc;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(Date.from(START));
    deploymentId = repositoryService.createDeployment().name("calendar-test").source("wg-test-fixture")
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

    // The open task's follow-up date (the working day before its due date) moved too; its due date did not.
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-05-07T11:00:00Z")));
    assertThat(task.getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2026-05-05T11:00:00Z")));
    assertThat(body.path("tasksRecalculated").asInt()).isEqualTo(1);
    assertThat(body.path("tasksMoved").size()).isEqualTo(1);
    assertThat(body.path("tasksMoved").get(0).path("followUp").asText()).isEqualTo("2026-05-05T18:00:00+07:00");
    assertThat(body.path("tasksMoved").get(0).path("previousFollowUp").asText()).isEqualTo("2026-05-06T18:00:00+07:00");

    // The change is on record: who, which years, and one recalculation on this node.
    JsonNode record = rest.withBasicAuth("admin", "admin").getForEntity("/api/calendar/record", JsonNode.class)
        .getBody();
    JsonNode change = record.path("changes").get(0);
    assertThat(change.path("version").asLong()).isEqualTo(body.path("version").asLong());
    assertThat(change.path("changedBy").asText()).isEqualTo("admin");
    assertThat(change.path("changedYears").asText()).isEqualTo("[2026]");
    assertThat(change.path("recalculations").asInt()).isEqualTo(1);
    assertThat(change.path("recalculatedBy").asText()).isEqualTo(cluster.node());
    assertThat(change.path("timersMoved").asInt()).isEqualTo(1);
    assertThat(change.path("tasksMoved").asInt()).isEqualTo(1);
    assertThat(record.path("recalculatedVersion").asLong()).isEqualTo(body.path("version").asLong());
    JsonNode year2026 = StreamSupport.stream(record.path("years").spliterator(), false)
        .filter(y -> y.path("year").asInt() == 2026).findFirst().orElseThrow();
    assertThat(year2026.path("changedBy").asText()).isEqualTo("admin");
    assertThat(year2026.path("source").asText()).endsWith("2026.json").doesNotStartWith("classpath:");
    assertThat(rest.withBasicAuth("vasiliev", "demo").getForEntity("/api/calendar/record", JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
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
  void aRestartWithChangedFilesKeepsTheCalendarOfRecordAndAddsMissingYears() throws IOException {
    ProcessInstance instance = startMeeting("2026-05-13");
    Date dueBefore = timer(instance, DEADLINE_TIMER).getDuedate();
    dropModified2026("2026-05-06");
    Files.writeString(calendar.directory().resolve("2035.json"), "{ \"year\": 2035, \"status\": \"provisional\","
        + " \"decree\": \"Проверка\", \"days\": [] }");

    cluster.startUp(); // what a restart of this node does with its files
    reloadService.synchronizeAfterStart();

    // 2026 of another node's (or an older) file does not override the calendar every node uses; 2035 is new
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-06"))).isTrue();
    assertThat(calendar.years()).contains(2035);
    assertThat(timer(instance, DEADLINE_TIMER).getDuedate()).isEqualTo(dueBefore);
    JsonNode change = rest.withBasicAuth("admin", "admin").getForEntity("/api/calendar/record", JsonNode.class)
        .getBody().path("changes").get(0);
    assertThat(change.path("changedYears").asText()).isEqualTo("[2035]");
    assertThat(change.path("recalculations").asInt()).isEqualTo(1);
  }

  @Test
  void aChangeStoredByAnotherNodeIsUsedByTheNextDeadlineWithoutWaitingForThePoll() throws IOException {
    long versionBefore = cluster.version();
    dropModified2026("2026-05-06");
    byte[] modified = Files.readAllBytes(calendar.directory().resolve("2026.json"));
    Files.delete(calendar.directory().resolve("2026.json"));
    // another node's reload: the year and a new version in the database, nothing on this node
    jdbc.update("UPDATE wg_calendar_year SET content = ?, source = 'other-node:/calendar/2026.json',"
        + " changed_in_version = changed_in_version + 1 WHERE calendar_year = 2026", (Object) modified);
    jdbc.update("UPDATE wg_calendar_state SET version = version + 1 WHERE id = 1");

    ProcessInstance instance = startMeeting("2026-05-13");

    assertThat(timer(instance, DEADLINE_TIMER).getDuedate())
        .isEqualTo(Date.from(Instant.parse("2026-05-04T11:00:00Z")));
    assertThat(cluster.version()).isEqualTo(versionBefore + 1);
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-06"))).isFalse();
  }

  @Test
  void openTaskDatesFollowTheirExpressionsWhenWhatTheyDependOnChanges() {
    ProcessInstance instance = startMeeting("2026-05-13");
    ProcessInstance other = startMeeting("2026-05-13");
    Task otherBefore = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    runtimeService.setVariable(instance.getId(), "meetingDate", "2026-05-20"); // as a postponement does

    OpenTaskDueDates.Recalculation result = openTasks.recalculate(instance.getId());

    assertThat(result.recalculated()).isOne();
    assertThat(result.failed()).isEmpty();
    assertThat(result.moved()).singleElement().satisfies(moved -> {
      assertThat(moved.processInstanceId()).isEqualTo(instance.getId());
      assertThat(moved.previousDue()).isEqualTo(Instant.parse("2026-05-07T11:00:00Z"));
    });
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(deadlines.due("agendaDistribution", "2026-05-20"));
    assertThat(task.getFollowUpDate()).isEqualTo(deadlines.followUp("agendaDistribution", "2026-05-20"));
    assertThat(task.getDueDate()).isAfter(Date.from(Instant.parse("2026-05-07T11:00:00Z")));
    Task otherAfter = taskService.createTaskQuery().processInstanceId(other.getId()).singleResult();
    assertThat(otherAfter.getDueDate()).isEqualTo(otherBefore.getDueDate());
    // again: nothing left to move; a filter that matches no expression evaluates nothing
    assertThat(openTasks.recalculate(instance.getId()).moved()).isEmpty();
    assertThat(openTasks.recalculate(instance.getId(), expression -> false).recalculated()).isZero();
    // a date that cannot be computed is reported and the task keeps its dates
    runtimeService.setVariable(instance.getId(), "meetingDate", "2029-05-14");
    OpenTaskDueDates.Recalculation failed = openTasks.recalculateAll(OpenTaskDueDates.CALENDAR_DEPENDENT);
    assertThat(failed.failed()).singleElement().satisfies(f -> assertThat(f.message()).contains("2029"));
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
        .isEqualTo(task.getDueDate());
  }
}
