package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.migration.ProcessMigration;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.INFO_POLICY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.clockAt;
import static ru.nso.wg.process.MeetingScenario.list;
import static ru.nso.wg.process.MeetingProcess.Vars.PUBLICATION_URL;

/**
 * Issue 18, point 3: running meetings at different steps move to a changed model (a renamed task, a changed
 * deadline, a new form field; the confirmation step replaced by one with another ID) through the Tasklist request
 * «Перевести заседания на новую версию процесса», started and completed as an analyst; a meeting waiting in the
 * removed step is shown as blocked with the reason and refused when chosen; the moved ones complete on the new
 * version, their timers recalculated from the calendar, and the record says when they moved and to which version.
 */
@SpringBootTest
@ActiveProfiles("test")
class ModelMigrationTest {

  static final String ANALYST = "belova";
  static final String TODAY = "2026-11-30T09:00+07:00";
  static final String MEETING = "2026-12-16T14:30+07:00";
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  @Autowired ProcessEngine engine;
  @Autowired ProcessMigration migration;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    clockAt(TODAY);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  private int deployChangedMeeting() throws IOException {
    String bpmn = Files.readString(Path.of("bpmn/wg-meeting.bpmn"))
        .replace("name=\"Сформировать повестку заседания\"", "name=\"Сформировать повестку заседания (п. 13)\"")
        .replace("${deadlines.reminder('agendaToChair', meetingDate)}",
            "${deadlines.followUp('agendaToChair', meetingDate)}")
        .replace("\"Task_ConfirmMeeting\"", "\"Task_ConfirmMeetingDate\"");
    var builder = engine.getRepositoryService().createDeployment().name("wg-meeting").source("Camunda Modeler")
        .addString("wg-meeting.bpmn", bpmn);
    Matcher refs = FORM_REF.matcher(bpmn);
    while (refs.find()) {
      String form = Files.readString(Path.of("forms", refs.group(1) + ".form"));
      if (refs.group(1).equals("confirm-meeting")) {
        form = form.replaceFirst("\"components\": \\[", "\"components\": [\n    {\"type\": \"textfield\", "
            + "\"key\": \"meetingRoomNote\", \"id\": \"Field_meetingRoomNote\", \"label\": \"Примечание о зале\"},");
      }
      builder.addString(refs.group(1) + ".form", form);
    }
    engine.getIdentityService().setAuthentication(ANALYST, List.of("wg-analysts"));
    try {
      var deployment = builder.deployWithResult();
      deployments.add(deployment.getId());
      return deployment.getDeployedProcessDefinitions().get(0).getVersion();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }

  @Test
  void threeMeetingsAtDifferentStepsMoveToTheChangedModelAndCompleteOnIt() throws IOException {
    MeetingScenario waitingForChair = new MeetingScenario(engine);
    waitingForChair.start(MEETING);
    MeetingScenario preparingAgenda = new MeetingScenario(engine);
    preparingAgenda.start(MEETING);
    preparingAgenda.confirmChairPresides();
    MeetingScenario agendaSent = new MeetingScenario(engine);
    agendaSent.start(MEETING);
    agendaSent.confirmChairPresides();
    agendaSent.prepareAgenda(1);
    agendaSent.approveAgenda(CHAIR);
    agendaSent.distributeAgenda();
    agendaSent.executeJob(Elements.SEND_AGENDA);
    MeetingScenario voting = new MeetingScenario(engine);
    voting.start(MEETING);
    voting.confirmChairPresides();
    voting.prepareAgenda(1);
    voting.approveAgenda(CHAIR);
    voting.distributeAgenda();
    voting.executeJob(Elements.SEND_AGENDA);
    int from = engine.getRepositoryService().getProcessDefinition(voting.instance.getProcessDefinitionId())
        .getVersion();
    int to = deployChangedMeeting();
    assertThat(to).isEqualTo(from + 1);

    // the request as an analyst starts it in Tasklist
    ProcessInstance request = new MeetingScenario(engine).startRequest(ModelMigrationProcess.KEY, ANALYST, Map.of(
        ModelMigrationProcess.Vars.PROCESS_KEY.name(), MeetingProcess.KEY,
        ModelMigrationProcess.Vars.FROM_VERSION.name(), (long) from,
        ModelMigrationProcess.Vars.TO_VERSION.name(), (long) to));
    Task choose = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult();
    assertThat(choose.getTaskDefinitionKey()).isEqualTo(ModelMigrationProcess.Elements.CHOOSE);
    assertThat(choose.getAssignee()).isEqualTo(ANALYST);
    String candidates = engine.getRuntimeService().getVariable(request.getId(),
        ModelMigrationProcess.Vars.CANDIDATES.name()).toString();
    String blocked = engine.getRuntimeService().getVariable(request.getId(),
        ModelMigrationProcess.Vars.BLOCKED.name()).toString();
    for (MeetingScenario movable : List.of(preparingAgenda, agendaSent, voting)) {
      assertThat(candidates).contains(movable.instance.getId());
    }
    assertThat(candidates).doesNotContain(waitingForChair.instance.getId());
    assertThat(blocked).contains(waitingForChair.instance.getId(), "ждёт в шаге «Подтвердить дату, формат и "
        + "приглашённых» (Task_ConfirmMeeting), которого нет в версии " + to);

    // choosing the blocked one refuses the whole choice: the task stays open, nothing moves
    MeetingScenario asAnalyst = new MeetingScenario(engine);
    assertThatThrownBy(() -> asAnalyst.as(ANALYST, () -> engine.getTaskService().complete(choose.getId(), Map.of(
        ModelMigrationProcess.Vars.CHOSEN.name(), list(voting.instance.getId(), waitingForChair.instance.getId())))))
        .satisfies(e -> assertThat(Refusal.in(e)).isPresent())
        .hasMessageContaining("ждёт в шаге «Подтвердить дату, формат и приглашённых»");
    assertThat(engine.getRepositoryService().getProcessDefinition(engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(voting.instance.getId()).singleResult()
        .getProcessDefinitionId()).getVersion()).isEqualTo(from);

    asAnalyst.as(ANALYST, () -> engine.getTaskService().complete(choose.getId(), Map.of(
        ModelMigrationProcess.Vars.CHOSEN.name(),
        list(preparingAgenda.instance.getId(), agendaSent.instance.getId(), voting.instance.getId()))));

    for (MeetingScenario moved : List.of(preparingAgenda, agendaSent, voting)) {
      String definitionId = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(moved.instance.getId()).singleResult().getProcessDefinitionId();
      assertThat(engine.getRepositoryService().getProcessDefinition(definitionId).getVersion()).isEqualTo(to);
      ProcessMigration.Move move = migration.moves(moved.key()).get(0);
      assertThat(move.fromVersion()).isEqualTo(from);
      assertThat(move.toVersion()).isEqualTo(to);
      assertThat(move.migratedBy()).isEqualTo(ANALYST);
    }
    // the changed deadline: the agenda reminder now fires at the follow-up date, recalculated from the calendar
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(preparingAgenda.instance.getId())
        .activityId(Elements.AGENDA_REMINDER).singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(at("2026-12-08T18:00+07:00"));
    assertThat(preparingAgenda.task(Elements.PREPARE_AGENDA).getName())
        .isEqualTo("Сформировать повестку заседания (п. 13)");

    // all three complete on the new version
    preparingAgenda.prepareAgenda(1);
    preparingAgenda.approveAgenda(CHAIR);
    preparingAgenda.distributeAgenda();
    preparingAgenda.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    for (MeetingScenario meeting : List.of(preparingAgenda, agendaSent, voting)) {
      meeting.executeJob(Elements.MEETING_TIME);
      meeting.recordAttendance(ROSTER.subList(0, 10), List.of());
      meeting.vote(ROSTER.subList(0, 8), List.of(ROSTER.get(8)), List.of(ROSTER.get(9)));
      meeting.executeJob(Elements.GENERATE_MINUTES);
    }
    clockAt("2026-12-18T10:00+07:00");
    for (MeetingScenario meeting : List.of(preparingAgenda, agendaSent, voting)) {
      meeting.finishMinutes();
      meeting.sign(CHAIR);
      meeting.executeJob(Elements.START_DECISION_CONTROL);
      meeting.executeJob(Elements.SEND_MINUTES_COPIES);
      meeting.executeJob(Elements.REQUEST_PUBLICATION);
      meeting.executeJob(Elements.RECORD_MINUTES_DISTRIBUTED);
      meeting.complete(Elements.PUBLISH_MEETING_INFO, INFO_POLICY,
          Map.of(PUBLICATION_URL.name(), "https://www.nso.ru/news/2026-12-wg"));
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(meeting.instance.getId()).singleResult().getEndTime()).isNotNull();
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(meeting.instance.getId()).activityId(Elements.END).count()).isEqualTo(1);
    }
    engine.getRuntimeService().deleteProcessInstance(waitingForChair.instance.getId(), "test done");
  }

  @Test
  void aRequestForVersionsThatDoNotExistStartsNothing() {
    long before = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ModelMigrationProcess.KEY).count();

    assertThatThrownBy(() -> new MeetingScenario(engine).startRequest(ModelMigrationProcess.KEY, ANALYST, Map.of(
        ModelMigrationProcess.Vars.PROCESS_KEY.name(), MeetingProcess.KEY,
        ModelMigrationProcess.Vars.FROM_VERSION.name(), 1L,
        ModelMigrationProcess.Vars.TO_VERSION.name(), 999L)))
        .satisfies(e -> assertThat(Refusal.in(e).map(Throwable::getMessage))
            .contains("Нет версии 999 процесса «wg-meeting»"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ModelMigrationProcess.KEY).count()).isEqualTo(before);
  }
}
