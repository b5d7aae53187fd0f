package ru.nso.wg.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.calendar.DeadlineTimers;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.control.DecisionEventKind;
import ru.nso.wg.control.DecisionStage;
import ru.nso.wg.control.DecisionState;
import ru.nso.wg.control.ExecutorKind;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.notification.DeliveryLog;
import ru.nso.wg.process.DecisionControlProcess.Elements;
import ru.nso.wg.process.DecisionRequestProcesses.Extend;
import ru.nso.wg.process.DecisionRequestProcesses.Withdraw;
import ru.nso.wg.roster.RosterGroups;
import ru.nso.wg.tasklist.TasklistFilters;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.DecisionControlProcess.Vars.*;
import static ru.nso.wg.process.DecisionScenario.AREA_DIGITAL;
import static ru.nso.wg.process.DecisionScenario.CHAIR_OFFICE;
import static ru.nso.wg.process.DecisionScenario.DEPUTY_DIGITAL;
import static ru.nso.wg.process.DecisionScenario.DEPUTY_SERVICES;
import static ru.nso.wg.process.DecisionScenario.EXECUTOR;
import static ru.nso.wg.process.DecisionScenario.SECRETARY;
import static ru.nso.wg.process.DecisionScenario.human;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * Execution control of one decision (bpmn/wg-decision-control.bpmn, § 8) and the two request processes, on the real
 * application, job executor off, timers fired by moving the engine clock. "Today" is Monday 30.11.2026; the
 * decision was taken at a meeting on 16.11.2026. Due dates and reminders follow the production calendar (2027 is
 * provisional): due Monday 01.03.2027 → reminder Wednesday 24.02.2027 (22–23.02 are days off); due Tuesday
 * 12.01.2027 → reminder Tuesday 29.12.2026 (31.12.2026–10.01.2027 are days off).
 */
@SpringBootTest
@ActiveProfiles("test")
@Import(ProcessCoverageConfiguration.class)
class DecisionControlProcessTest {

  @RegisterExtension
  @Order(2)
  static ProcessEngineCoverageExtension coverage = ProcessEngineCoverageExtension
      // the configuration is only a placeholder: the engine measured is Spring Boot's (SpringEngineForCoverage). The
      // extension still builds it, so it gets a database and a name of its own: the placeholder of another process
      // test in the same JVM holds the default in-memory database
      .builder(SpringEngineForCoverage.placeholder("decision-control"))
      .assertClassCoverageAtLeast(0.9)
      .excludeProcessDefinitionKeys(ProcessKeys.MEETING, ProcessKeys.POSTPONE, ProcessKeys.CANCEL, ProcessKeys.DISSENT,
          ProcessKeys.DECISION_EXTEND, ProcessKeys.DECISION_WITHDRAW, ModelMigrationProcess.KEY)
      .build();

  @RegisterExtension
  @Order(1)
  static SpringEngineForCoverage springEngine = new SpringEngineForCoverage(coverage);

  static final String TODAY = "2026-11-30T09:00+07:00";
  static final String MEETING_HELD = "2026-11-16T14:30+07:00";
  static final String DUE = "2027-03-01";

  @Autowired ProcessEngine engine;
  @Autowired MeetingRecord record;
  @Autowired DecisionControl control;
  @Autowired DeliveryLog deliveryLog;
  @Autowired ProductionCalendar calendar;
  @Autowired DeadlineTimers deadlineTimers;
  DecisionScenario decision;
  MeetingRef meeting;

  @BeforeEach
  void setUp() {
    init(engine);
    clockAt(MEETING_HELD);
    meeting = DecisionScenario.meeting(record, MEETING_HELD);
    clockAt(TODAY);
    decision = new DecisionScenario(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }

  private ControlledDecision registered() {
    return control.get(decision.key);
  }

  private List<DecisionEventKind> history() {
    return control.history(decision.key).stream().map(DecisionEvent::kind).toList();
  }

  private Map<String, Object> extension(String newDueDate, String reason) {
    Map<String, Object> values = new HashMap<>();
    values.put(DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting));
    values.put(DecisionRequestProcesses.Vars.ITEM_NO.name(), 1L);
    values.put(DecisionRequestProcesses.Vars.NEW_DUE_DATE.name(), newDueDate);
    values.put(DecisionRequestProcesses.Vars.EXTENSION_REASON.name(), reason);
    return values;
  }

  /** A later meeting whose signed minutes adopted (item 2) a decision withdrawing ours. */
  private MeetingRef laterMeetingWithdrawingIt(MeetingStatus status) {
    clockAt("2026-12-16T14:30+07:00");
    MeetingRef later = DecisionScenario.meeting(record, "2026-12-16T14:30+07:00");
    clockAt(TODAY);
    for (int item = 1; item <= 2; item++) {
      record.saveDecision(later.key(), new ItemDecision(item, null, item == 2 ? "Признать утратившим силу решение по "
          + "вопросу 1 заседания " + meeting.display() : "Одобрить", item == 2 ? Decision.ADOPTED : Decision.REJECTED,
          DecisionRule.MAJORITY,
          "большинство", 9, 1, 0, 10, null, null, null, null, null));
    }
    record.setStatus(later.key(), status, null);
    return later;
  }

  // ------------------------------------------------------------------------------------------- the main path

  @Test
  void reportAcceptedByTheDeputyChairClosesTheDecisionAsExecuted() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);

    ControlledDecision d = registered();
    assertThat(d.state()).isEqualTo(DecisionState.IN_PROGRESS);
    assertThat(d.stage()).isEqualTo(DecisionStage.AWAITING_REPORT);
    assertThat(d.executorKind()).isEqualTo(ExecutorKind.USER);
    assertThat(d.executorName()).isEqualTo("Васильев Павел Андреевич");
    assertThat(d.controllerId()).isEqualTo(DEPUTY_DIGITAL);
    assertThat(d.dueAt().toInstant()).isEqualTo(at("2027-03-01T18:00+07:00").toInstant());
    Task report = decision.task(Elements.REPORT);
    assertThat(report.getAssignee()).isEqualTo(EXECUTOR);
    assertThat(report.getDueDate()).isEqualTo(at("2027-03-01T18:00+07:00"));
    assertThat(report.getFollowUpDate()).isEqualTo(at("2027-02-24T18:00+07:00"));
    assertThat(decision.variable(MEETING_NUMBER)).isEqualTo(meeting.number());
    assertThat((String) decision.variable(DUE_TEXT))
        .isEqualTo("не позднее 01.03.2027 18:00 — по предварительному календарю на 2027 год");
    assertThat((String) decision.variable(CONTROLLER)).startsWith("Кузнецова Елена Игоревна (Цифровая трансформация");

    decision.report(EXECUTOR, "Проект стандарта подготовлен и направлен на согласование");
    Task review = decision.task(Elements.REVIEW);
    assertThat(review.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
        .anyMatch(l -> AREA_DIGITAL.equals(l.getGroupId()));
    assertThat(review.getDueDate()).isEqualTo(at("2027-03-01T18:00+07:00"));
    assertThat(registered().stage()).isEqualTo(DecisionStage.UNDER_REVIEW);
    // the deputy chair finds it in the shared filter «Контроль исполнения: мои решения»
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_DECISION_CONTROL)
        .singleResult();
    List<Task> mine = decision.as(DEPUTY_DIGITAL, () -> engine.getFilterService().<Task>list(filter.getId()));
    assertThat(mine).extracting(Task::getId).contains(review.getId());
    List<Task> notMine = decision.as(DEPUTY_SERVICES, () -> engine.getFilterService().<Task>list(filter.getId()));
    assertThat(notMine).extracting(Task::getId).doesNotContain(review.getId());

    decision.accept(DEPUTY_DIGITAL);

    assertThat(decision.instance).isEnded().hasPassed(Elements.EXECUTED);
    assertThat(registered().state()).isEqualTo(DecisionState.EXECUTED);
    assertThat(registered().stage()).isEqualTo(DecisionStage.CLOSED);
    assertThat(registered().executedLate()).isFalse();
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED, DecisionEventKind.REPORTED,
        DecisionEventKind.ACCEPTED);
    DecisionEvent reported = control.history(decision.key).get(1);
    assertThat(reported.actor()).isEqualTo(EXECUTOR);
    assertThat(reported.links()).isEqualTo("https://docs.example.org/standard-draft.pdf\nСЭД № 12-345/26");
    assertThat(control.history(decision.key).get(2).actor()).isEqualTo(DEPUTY_DIGITAL);
  }

  @Test
  void theControllingDeputyChairFollowsADecisionInProgressInTheirFilterWithoutActingForTheExecutor() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    Task report = decision.task(Elements.REPORT);
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_DECISION_CONTROL)
        .singleResult();

    // «Контроль исполнения: мои решения» counts the decision while the executor works on it
    List<Task> mine = decision.as(DEPUTY_DIGITAL, () -> engine.getFilterService().<Task>list(filter.getId()));
    assertThat(mine).as("the controlling deputy chair's filter while the report is awaited")
        .extracting(Task::getId).contains(report.getId());
    assertThat(decision.as(DEPUTY_DIGITAL, () -> engine.getFilterService().count(filter.getId()))).isPositive();
    List<Task> notMine = decision.as(DEPUTY_SERVICES, () -> engine.getFilterService().<Task>list(filter.getId()));
    assertThat(notMine).extracting(Task::getId).doesNotContain(report.getId());

    // the deputy chair sees the executor's task but may neither take it nor report instead of the executor
    assertThatThrownBy(() -> decision.as(DEPUTY_DIGITAL,
        () -> engine.getTaskService().claim(report.getId(), DEPUTY_DIGITAL)))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, DEPUTY_DIGITAL,
        Map.of(REPORT_TEXT.name(), "Исполнено полностью, документы приложены")))
        .isInstanceOf(AuthorizationException.class);

    decision.report(EXECUTOR, "Проект стандарта подготовлен и направлен на согласование");
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(report.getId()).count()).as("the completed task's grants are gone").isZero();
    Task review = decision.task(Elements.REVIEW);
    assertThat(decision.as(DEPUTY_DIGITAL, () -> engine.getFilterService().<Task>list(filter.getId())))
        .extracting(Task::getId).contains(review.getId()).doesNotContain(report.getId());
  }

  @Test
  void aDecisionOfAGroupExecutorInProgressIsInTheControllingDeputyChairsFilter() {
    decision.start(meeting, 1, RosterGroups.SECRETARIAT, DUE, AREA_DIGITAL);
    Task report = decision.task(Elements.REPORT);
    Filter filter = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_DECISION_CONTROL)
        .singleResult();
    assertThat(decision.as(DEPUTY_DIGITAL, () -> engine.getFilterService().<Task>list(filter.getId())))
        .extracting(Task::getId).contains(report.getId());
    assertThat(decision.as(DEPUTY_SERVICES, () -> engine.getFilterService().<Task>list(filter.getId())))
        .extracting(Task::getId).doesNotContain(report.getId());
    assertThatThrownBy(() -> decision.as(DEPUTY_DIGITAL,
        () -> engine.getTaskService().claim(report.getId(), DEPUTY_DIGITAL)))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void aReturnedReportGoesBackToTheExecutorWithTheRemarksAndIsThenAccepted() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    decision.report(EXECUTOR, "Проект стандарта подготовлен");
    decision.returnReport(DEPUTY_DIGITAL, "Приложите лист согласования с министерствами");

    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
    assertThat(decision.task(Elements.REPORT).getAssignee()).isEqualTo(EXECUTOR);
    assertThat(decision.variable(RETURN_REMARKS)).isEqualTo("Приложите лист согласования с министерствами");
    assertThat(decision.variable(REVIEW_DECISION)).isNull();
    assertThat(registered().stage()).isEqualTo(DecisionStage.AWAITING_REPORT);
    // the form shows the history: registered, reported, returned with the remarks
    SpinJsonNode table = (SpinJsonNode) decision.variable(HISTORY_TABLE);
    assertThat(table.elements()).hasSize(3);
    assertThat(table.elements().get(2).prop("event").stringValue()).isEqualTo("отчёт возвращён на доработку");
    assertThat(table.elements().get(2).prop("actor").stringValue()).isEqualTo("Кузнецова Елена Игоревна");
    decision.report(EXECUTOR, "Проект стандарта подготовлен, лист согласования приложен");
    decision.accept(DEPUTY_DIGITAL);

    assertThat(decision.instance).isEnded().hasPassed(Elements.EXECUTED);
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED, DecisionEventKind.REPORTED,
        DecisionEventKind.RETURNED, DecisionEventKind.REPORTED, DecisionEventKind.ACCEPTED);
    assertThat(control.history(decision.key).get(2).details())
        .isEqualTo("Приложите лист согласования с министерствами");
  }

  // --------------------------------------------------------------------------------------------- deadlines

  @Test
  void theDueDateEscalatesToTheDeputyChairAtExactlyItsInstantAndTheTaskStaysOpen() {
    decision.start(meeting, 1, EXECUTOR, "2026-12-10", AREA_DIGITAL);
    assertThat(decision.job(Elements.DUE_DATE_PASSED).getDuedate()).isEqualTo(at("2026-12-10T18:00+07:00"));

    clockAt("2026-12-10T17:59:59+07:00");
    assertThat(decision.timerDue(Elements.DUE_DATE_PASSED)).isFalse();
    clockAt("2026-12-10T18:00+07:00");
    assertThat(decision.timerDue(Elements.DUE_DATE_PASSED)).isTrue();
    decision.executeJob(Elements.DUE_DATE_PASSED);
    decision.executeJob(Elements.ESCALATE);

    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
    assertThat(registered().state()).isEqualTo(DecisionState.OVERDUE);
    assertThat(decision.variable(OVERDUE)).isEqualTo(true);
    assertThat(history()).endsWith(DecisionEventKind.ESCALATED);
    assertThat(control.history(decision.key).get(history().size() - 1).details())
        .contains("ожидается отчёт исполнителя", "Кузнецова Елена Игоревна (kuznetsova)");
    assertThat(deliveryLog.count(decision.key, "decision-overdue:2026-12-10")).isEqualTo(1);

    clockAt("2026-12-14T10:00+07:00");
    decision.report(EXECUTOR, "Проект стандарта подготовлен с опозданием");
    decision.accept(DEPUTY_DIGITAL);
    assertThat(registered().state()).isEqualTo(DecisionState.EXECUTED);
    assertThat(registered().executedLate()).isTrue();
    assertThat(control.history(decision.key).get(history().size() - 1).details()).contains("с нарушением срока");
  }

  @Test
  void theExecutorIsRemindedThreeWorkingDaysBeforeTheDueDateOverTheNewYearHolidays() {
    assertThat(calendar.minusWorkingDays(LocalDate.parse("2027-01-12"), 3)).isEqualTo(LocalDate.parse("2026-12-29"));
    decision.start(meeting, 1, EXECUTOR, "2027-01-12", AREA_DIGITAL);
    assertThat(decision.job(Elements.REMINDER_TIME).getDuedate()).isEqualTo(at("2026-12-29T18:00+07:00"));
    assertThat(decision.task(Elements.REPORT).getFollowUpDate()).isEqualTo(at("2026-12-29T18:00+07:00"));

    clockAt("2026-12-29T17:59:59+07:00");
    assertThat(decision.timerDue(Elements.REMINDER_TIME)).isFalse();
    clockAt("2026-12-29T18:00+07:00");
    decision.executeJob(Elements.REMINDER_TIME);
    decision.executeJob(Elements.REMIND);

    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
    assertThat(history()).endsWith(DecisionEventKind.REMINDED);
    assertThat(control.history(decision.key).get(history().size() - 1).details())
        .contains("не позднее 12.01.2027 18:00", "Васильев Павел Андреевич (vasiliev)");
    assertThat(deliveryLog.count(decision.key, "decision-reminder:2027-01-12")).isEqualTo(1);
    assertThat(registered().state()).isEqualTo(DecisionState.IN_PROGRESS);
  }

  @Test
  void noReminderIsSentWhileTheReportIsWithTheDeputyChairButItIsRecorded() {
    decision.start(meeting, 1, EXECUTOR, "2027-01-12", AREA_DIGITAL);
    decision.report(EXECUTOR, "Проект стандарта подготовлен");
    clockAt("2026-12-29T18:00+07:00");
    decision.executeJob(Elements.REMINDER_TIME);
    decision.executeJob(Elements.REMIND);
    assertThat(decision.instance).isWaitingAt(Elements.REVIEW);
    assertThat(control.history(decision.key).get(history().size() - 1).details()).contains("не направлялось");
    assertThat(deliveryLog.count(decision.key, "decision-reminder:2027-01-12")).isZero();
  }

  @Test
  void aDueDateOnADayOffEndsOnTheNextWorkingDay() {
    decision.start(meeting, 1, EXECUTOR, "2027-01-09", AREA_DIGITAL); // Saturday of the New Year holidays
    assertThat(decision.job(Elements.DUE_DATE_PASSED).getDuedate()).isEqualTo(at("2027-01-11T18:00+07:00"));
    assertThat((String) decision.variable(DUE_TEXT))
        .startsWith("не позднее 11.01.2027 18:00 (09.01.2027 — нерабочий день)");
  }

  // --------------------------------------------------------------------------------------------- extension

  @Test
  void anExtensionByTheChairsOfficeMovesTheTimersAndTheTaskDueDates() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    assertThat(decision.job(Elements.REMINDER_TIME).getDuedate()).isEqualTo(at("2027-02-24T18:00+07:00"));
    long timersBefore = deadlineTimers.recalculate().recalculated();

    ProcessInstance request = decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE, Map.of(
        DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting),
        DecisionRequestProcesses.Vars.ITEM_NO.name(), 1L));
    // the task shows the decision read-only, with the due date in force
    Task extend = decision.requestTask(request);
    assertThat(extend.getTaskDefinitionKey()).isEqualTo(Extend.EXTEND);
    assertThat(extend.getAssignee()).isEqualTo(CHAIR_OFFICE);
    assertThat(extend.getDueDate()).isEqualTo(at("2026-12-01T18:00+07:00"));
    assertThat(engine.getRuntimeService().getVariable(request.getId(), DECISION_TEXT.name()))
        .isEqualTo(DecisionScenario.DECISION);
    assertThat((String) engine.getRuntimeService().getVariable(request.getId(), DUE_TEXT.name()))
        .startsWith("не позднее 01.03.2027 18:00");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getId())
        .singleResult().getBusinessKey()).isEqualTo(decision.key);
    decision.as(CHAIR_OFFICE, () -> engine.getFormService().submitTaskForm(extend.getId(), Map.of(
        NEW_DUE_DATE.name(), "2027-04-15", EXTENSION_REASON.name(), "Требуется согласование с федеральным центром")));
    assertThat(request).isEnded().hasPassed(Extend.END);
    decision.executeJob(Elements.APPLY_EXTENSION);

    // 15.04.2027 (Thursday) − 3 working days = 12.04.2027 (Monday)
    assertThat(decision.job(Elements.REMINDER_TIME).getDuedate()).isEqualTo(at("2027-04-12T18:00+07:00"));
    assertThat(decision.job(Elements.DUE_DATE_PASSED).getDuedate()).isEqualTo(at("2027-04-15T18:00+07:00"));
    Task report = decision.task(Elements.REPORT);
    assertThat(report.getAssignee()).isEqualTo(EXECUTOR);
    assertThat(report.getDueDate()).isEqualTo(at("2027-04-15T18:00+07:00"));
    assertThat(report.getFollowUpDate()).isEqualTo(at("2027-04-12T18:00+07:00"));
    assertThat(decision.variable(DUE_DATE)).isEqualTo("2027-04-15");
    ControlledDecision d = registered();
    assertThat(d.dueDate()).isEqualTo(LocalDate.parse("2027-04-15"));
    assertThat(d.originalDueDate()).isEqualTo(LocalDate.parse(DUE));
    DecisionEvent extended = control.history(decision.key).get(history().size() - 1);
    assertThat(extended.kind()).isEqualTo(DecisionEventKind.EXTENDED);
    assertThat(extended.dueDateBefore()).isEqualTo(LocalDate.parse(DUE));
    assertThat(extended.dueDateAfter()).isEqualTo(LocalDate.parse("2027-04-15"));
    assertThat(extended.details()).isEqualTo("Требуется согласование с федеральным центром");
    assertThat(extended.actor()).isEqualTo(CHAIR_OFFICE);
    // a change of the production calendar recalculates these timers too (their expressions use the calendar)
    assertThat(deadlineTimers.recalculate().recalculated()).isEqualTo(timersBefore);
  }

  @Test
  void anExtensionOfAnOverdueDecisionPutsItBackInProgressAndArmsTheEscalationAgain() {
    decision.start(meeting, 1, EXECUTOR, "2026-12-10", AREA_DIGITAL);
    clockAt("2026-12-10T18:00+07:00");
    decision.executeJob(Elements.DUE_DATE_PASSED);
    decision.executeJob(Elements.ESCALATE);
    assertThat(registered().state()).isEqualTo(DecisionState.OVERDUE);
    decision.report(EXECUTOR, "Проект подготовлен частично, нужна доработка");

    // REST-style: every detail in the start, no task
    ProcessInstance request = decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension("2026-12-25", "Доработка по замечаниям министерства"));
    assertThat(request).isEnded().hasNotPassed(Extend.EXTEND);
    decision.executeJob(Elements.APPLY_EXTENSION);

    assertThat(registered().state()).isEqualTo(DecisionState.IN_PROGRESS);
    assertThat(decision.variable(OVERDUE)).isEqualTo(false);
    // the report was with the deputy chair: the control resumes there, with the new due date
    assertThat(decision.instance).isWaitingAt(Elements.REVIEW);
    assertThat(decision.task(Elements.REVIEW).getDueDate()).isEqualTo(at("2026-12-25T18:00+07:00"));
    assertThat(decision.job(Elements.DUE_DATE_PASSED).getDuedate()).isEqualTo(at("2026-12-25T18:00+07:00"));
    clockAt("2026-12-25T18:00+07:00");
    decision.executeJob(Elements.DUE_DATE_PASSED);
    decision.executeJob(Elements.ESCALATE);
    assertThat(registered().state()).isEqualTo(DecisionState.OVERDUE);
    assertThat(history()).containsSubsequence(DecisionEventKind.ESCALATED, DecisionEventKind.EXTENDED,
        DecisionEventKind.ESCALATED);
    assertThat(deliveryLog.count(decision.key, "decision-overdue:2026-12-25")).isEqualTo(1);
  }

  // -------------------------------------------------------------------------------------------- withdrawal

  @Test
  void aLaterDecisionOfTheWorkingGroupWithdrawsTheDecisionWithAReferenceToIt() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    MeetingRef later = laterMeetingWithdrawingIt(MeetingStatus.MINUTES_SIGNED);

    ProcessInstance request = decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, SECRETARY, Map.of(
        DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting),
        DecisionRequestProcesses.Vars.ITEM_NO.name(), 1L));
    Task withdraw = decision.requestTask(request);
    assertThat(withdraw.getTaskDefinitionKey()).isEqualTo(Withdraw.WITHDRAW);
    decision.as(SECRETARY, () -> engine.getFormService().submitTaskForm(withdraw.getId(), Map.of(
        DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF.name(), human(later),
        DecisionRequestProcesses.Vars.WITHDRAWING_ITEM_NO.name(), 2L,
        DecisionRequestProcesses.Vars.WITHDRAWAL_NOTE.name(), "Поручение утратило актуальность")));
    assertThat(request).isEnded().hasPassed(Withdraw.END);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(decision.instance.getId()).count()).isZero();
    decision.executeJob(Elements.APPLY_WITHDRAWAL);

    assertThat(decision.instance).isEnded().hasPassed(Elements.WITHDRAWN);
    ControlledDecision d = registered();
    assertThat(d.state()).isEqualTo(DecisionState.WITHDRAWN);
    assertThat(d.withdrawnByText()).isEqualTo("№ " + later.number() + "/2026, вопрос 2");
    DecisionEvent withdrawn = control.history(decision.key).get(history().size() - 1);
    assertThat(withdrawn.kind()).isEqualTo(DecisionEventKind.WITHDRAWN);
    assertThat(withdrawn.reference()).isEqualTo(d.withdrawnByText());
    assertThat(withdrawn.actor()).isEqualTo(SECRETARY);
    assertThat(withdrawn.details()).isEqualTo("Поручение утратило актуальность");
    // nothing more can be asked of a closed decision
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension("2027-04-15", "Продление")))
        .hasMessageContaining("уже отменено и снято с контроля");
  }

  // ---------------------------------------------------------------------------------- from the meeting process

  @Test
  void signingMinutesWithThreeInstructionsPutsThreeDecisionsUnderControlOfTheirDeputyChairs() {
    MeetingScenario sitting = new MeetingScenario(engine);
    String held = "2026-12-16T14:30+07:00";
    sitting.start(held);
    sitting.prepareAndHold(3, held);
    sitting.recordAttendance(MeetingScenario.ROSTER.subList(0, 10), List.of());
    String[][] instructions = {
        {EXECUTOR, "2027-03-01", "wg-area-coordination"},
        {RosterGroups.SECRETARIAT, "2027-02-10", "wg-area-services"},
        {DEPUTY_DIGITAL, "2027-04-15", AREA_DIGITAL}};
    for (String[] instruction : instructions) {
      sitting.vote(MeetingScenario.ROSTER.subList(0, 8), List.of(), List.of(), List.of(), Map.of(
          MeetingProcess.Vars.HAS_INSTRUCTION.name(), true, MeetingProcess.Vars.EXECUTOR.name(), instruction[0],
          MeetingProcess.Vars.INSTRUCTION_DUE.name(), instruction[1],
          MeetingProcess.Vars.CONTROL_AREA.name(), instruction[2]));
    }
    sitting.executeJob(MeetingProcess.Elements.GENERATE_MINUTES);
    clockAt("2026-12-23T10:00+07:00");
    sitting.finishMinutes();
    sitting.sign(MeetingScenario.CHAIR);
    sitting.executeJob(MeetingProcess.Elements.START_DECISION_CONTROL);
    assertThat(sitting.instance).isWaitingAt(MeetingProcess.Elements.SEND_MINUTES_COPIES); // the meeting does not wait

    String meetingKey = sitting.key();
    List<ProcessInstance> controls = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(DecisionControlProcess.KEY).processInstanceBusinessKeyLike(meetingKey + "/%").list();
    assertThat(controls).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(meetingKey + "/1", meetingKey + "/2", meetingKey + "/3");
    for (ProcessInstance control : controls) {
      engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
          .processInstanceId(control.getId()).activityId(Elements.REGISTER).singleResult().getId());
    }
    String[] deputies = {"lebedeva", DEPUTY_SERVICES, DEPUTY_DIGITAL};
    for (int item = 1; item <= 3; item++) {
      ControlledDecision d = control.get(meetingKey + "/" + item);
      assertThat(d.controlArea()).isEqualTo(instructions[item - 1][2]);
      assertThat(d.controllerId()).as("deputy chair of item " + item).isEqualTo(deputies[item - 1]);
      assertThat(d.executorId()).isEqualTo(instructions[item - 1][0]);
      assertThat(d.dueDate()).isEqualTo(LocalDate.parse(instructions[item - 1][1]));
      assertThat(d.decisionText()).isEqualTo("Одобрить предложенный проект");
      assertThat(d.itemTitle()).startsWith("Вопрос " + item);
      assertThat(d.meetingRef().key()).isEqualTo(meetingKey);
      assertThat(d.state()).isEqualTo(DecisionState.IN_PROGRESS);
    }
    assertThat(control.get(meetingKey + "/1").executorName()).startsWith("Васильев Павел Андреевич");
    assertThat(control.get(meetingKey + "/2").executorKind()).isEqualTo(ExecutorKind.GROUP);
    List<Task> reports = engine.getTaskService().createTaskQuery().processDefinitionKey(DecisionControlProcess.KEY)
        .processInstanceBusinessKeyLike(meetingKey + "/%").taskDefinitionKey(Elements.REPORT).list();
    assertThat(reports).extracting(Task::getAssignee).containsExactlyInAnyOrder(EXECUTOR, null, DEPUTY_DIGITAL);
  }

  // ------------------------------------------------------------------------------------------- bad input

  @Test
  void aReportBySomeoneOtherThanTheExecutorIsRefusedAndChangesNothing() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    // a member without the task cannot even submit it
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, "novikova", Map.of(REPORT_TEXT.name(), "Исполнено всё")))
        .isInstanceOf(AuthorizationException.class);
    // the executor hands the task to a colleague: the report must still come from the executor
    Task report = decision.task(Elements.REPORT);
    decision.as(EXECUTOR, () -> engine.getTaskService().setAssignee(report.getId(), "novikova"));
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, "novikova",
        Map.of(REPORT_TEXT.name(), "Проект стандарта подготовлен")))
        .hasMessageContaining(
            "Отчитаться об исполнении поручения может только его исполнитель: Васильев Павел Андреевич");
    // an empty report from the executor
    decision.as(EXECUTOR, () -> engine.getTaskService().setAssignee(report.getId(), EXECUTOR));
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, EXECUTOR, Map.of(REPORT_TEXT.name(), "Готово")))
        .hasMessageContaining("не короче 10 символов");
    // a report longer than the register holds, or with a character XML does not allow (issue 11, point 5)
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, EXECUTOR, Map.of(REPORT_TEXT.name(), "о".repeat(8001))))
        .hasMessageContaining("Поле «Отчёт об исполнении поручения»: не более 8000 символов");
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, EXECUTOR,
        Map.of(REPORT_TEXT.name(), "Проект стандарта подготовлен\u001B")))
        .hasMessageContaining("Поле «Отчёт об исполнении поручения» содержит недопустимый символ");

    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
    assertThat(registered().stage()).isEqualTo(DecisionStage.AWAITING_REPORT);
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED);
  }

  @Test
  void aGroupExecutorReportsThroughItsMembersOnly() {
    decision.start(meeting, 1, RosterGroups.SECRETARIAT, DUE, AREA_DIGITAL);
    assertThat(registered().executorKind()).isEqualTo(ExecutorKind.GROUP);
    assertThat(registered().executorName())
        .isEqualTo("Департамент организации управления и государственной гражданской службы");
    Task report = decision.task(Elements.REPORT);
    assertThat(report.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId()))
        .anyMatch(l -> RosterGroups.SECRETARIAT.equals(l.getGroupId()));
    // an administrator may complete any task, but is not the executor
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, "admin",
        Map.of(REPORT_TEXT.name(), "Исполнено полностью")))
        .hasMessageContaining("может только его исполнитель");
    decision.report("popov", "Порядок подготовлен и утверждён приказом департамента");
    assertThat(decision.instance).isWaitingAt(Elements.REVIEW);
  }

  @Test
  void anInstructionToAnExecutiveBodyIsReportedForItByTheSecretariat() {
    decision.start(meeting, 1, "oiv-mincifra", DUE, AREA_DIGITAL);
    assertThat(registered().executorKind()).isEqualTo(ExecutorKind.BODY);
    assertThat(registered().executorName()).isEqualTo("Министерство цифрового развития и связи Новосибирской области");
    Task report = decision.task(Elements.REPORT);
    assertThat(report.getAssignee()).isNull();
    assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId()))
        .anyMatch(l -> RosterGroups.SECRETARIAT.equals(l.getGroupId()));
    // a member cannot report for the body
    assertThatThrownBy(() -> decision.submit(Elements.REPORT, EXECUTOR,
        Map.of(REPORT_TEXT.name(), "Реестр подготовлен министерством")))
        .isInstanceOf(AuthorizationException.class);
    decision.report("popov", "Министерство сообщило письмом: реестр подготовлен");
    assertThat(decision.instance).isWaitingAt(Elements.REVIEW);
    assertThat(control.history(decision.key).get(1).actor()).isEqualTo("popov");
  }

  @Test
  void onlyTheControllingDeputyChairMayAcceptOrReturnTheReport() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    decision.report(EXECUTOR, "Проект стандарта подготовлен");
    // another deputy chair is not a candidate of the task
    assertThatThrownBy(() -> decision.complete(Elements.REVIEW, DEPUTY_SERVICES,
        Map.of(REVIEW_DECISION.name(), "ACCEPT")))
        .isInstanceOf(AuthorizationException.class);
    // the controlling deputy chair hands the task to another deputy chair: acceptance is still refused
    Task review = decision.task(Elements.REVIEW);
    decision.as(DEPUTY_DIGITAL, () -> {
      engine.getTaskService().claim(review.getId(), DEPUTY_DIGITAL);
      engine.getTaskService().setAssignee(review.getId(), DEPUTY_SERVICES);
    });
    assertThatThrownBy(() -> decision.submit(Elements.REVIEW, DEPUTY_SERVICES,
        Map.of(REVIEW_DECISION.name(), "ACCEPT")))
        .hasMessageContaining("Принять или вернуть отчёт может только заместитель председателя, контролирующий "
            + "исполнение решения (п. 8 Положения): Кузнецова Елена Игоревна");
    assertThatThrownBy(() -> decision.submit(Elements.REVIEW, "admin", Map.of(REVIEW_DECISION.name(), "ACCEPT")))
        .hasMessageContaining("может только заместитель председателя");
    // a return needs remarks; a review needs a choice
    decision.as(DEPUTY_SERVICES, () -> engine.getTaskService().setAssignee(review.getId(), DEPUTY_DIGITAL));
    assertThatThrownBy(() -> decision.submit(Elements.REVIEW, DEPUTY_DIGITAL, Map.of(REVIEW_DECISION.name(), "RETURN")))
        .hasMessageContaining("Укажите замечания");
    assertThatThrownBy(() -> decision.submit(Elements.REVIEW, DEPUTY_DIGITAL, Map.of()))
        .hasMessageContaining("Выберите решение");

    assertThat(decision.instance).isWaitingAt(Elements.REVIEW);
    assertThat(registered().state()).isEqualTo(DecisionState.IN_PROGRESS);
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED, DecisionEventKind.REPORTED);
  }

  @Test
  void aBadExtensionIsRefusedWithARussianMessageAndChangesNothing() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    long requestsBefore = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(DecisionRequestProcesses.EXTEND_KEY).count();

    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension("2026-11-27", "Командировка исполнителя"))).hasMessageContaining("уже прошёл");
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension(DUE, "Командировка исполнителя")))
        .hasMessageContaining("должен быть позже действующего срока — 01.03.2027");
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension("2027-02-01", "Командировка исполнителя"))).hasMessageContaining("позже действующего срока");
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE,
        extension("2029-03-01", "Командировка исполнителя"))).hasMessageContaining("календарь на 2029 год не загружен");
    Map<String, Object> unknown = extension("2027-04-15", "Командировка исполнителя");
    unknown.put(DecisionRequestProcesses.Vars.ITEM_NO.name(), 7L);
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE, unknown))
        .hasMessageContaining("Решение по вопросу 7 заседания " + meeting.display() + " не стоит на контроле");
    // only the chair's office: the secretariat may not start it, an administrator is refused by the rule
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, SECRETARY,
        extension("2027-04-15", "Командировка исполнителя"))).isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, "admin",
        extension("2027-04-15", "Командировка исполнителя"))).hasMessageContaining("только аппарат председателя");
    // in the task: the refusal keeps the task open
    ProcessInstance request = decision.startRequest(DecisionRequestProcesses.EXTEND_KEY, CHAIR_OFFICE, Map.of(
        DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting),
        DecisionRequestProcesses.Vars.ITEM_NO.name(), 1L));
    Task extend = decision.requestTask(request);
    assertThatThrownBy(() -> decision.as(CHAIR_OFFICE, () -> engine.getFormService().submitTaskForm(extend.getId(),
        Map.of(NEW_DUE_DATE.name(), "2027-04-15")))).hasMessageContaining("Укажите причину продления");
    assertThatThrownBy(() -> decision.as(CHAIR_OFFICE, () -> engine.getFormService().submitTaskForm(extend.getId(),
        Map.of(NEW_DUE_DATE.name(), "2027-04-15", EXTENSION_REASON.name(), "  "))))
        .hasMessageContaining("Укажите причину");
    assertThatThrownBy(() -> decision.as(CHAIR_OFFICE, () -> engine.getFormService().submitTaskForm(extend.getId(),
        Map.of(EXTENSION_REASON.name(), "Командировка исполнителя")))).hasMessageContaining("Укажите новый срок");
    assertThatThrownBy(() -> decision.as(CHAIR_OFFICE, () -> engine.getFormService().submitTaskForm(extend.getId(),
        Map.of(NEW_DUE_DATE.name(), "2027-02-20", EXTENSION_REASON.name(), "Командировка исполнителя"))))
        .hasMessageContaining("позже действующего срока");
    assertThat(decision.requestTask(request).getId()).isEqualTo(extend.getId());

    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(DecisionRequestProcesses.EXTEND_KEY).count()).isEqualTo(requestsBefore + 1);
    assertThat(registered().dueDate()).isEqualTo(LocalDate.parse(DUE));
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED);
    assertThat(decision.hasJob(Elements.APPLY_EXTENSION)).isFalse();
    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
  }

  @Test
  void aBadWithdrawalIsRefusedWithARussianMessageAndChangesNothing() {
    decision.start(meeting, 1, EXECUTOR, DUE, AREA_DIGITAL);
    MeetingRef unsigned = laterMeetingWithdrawingIt(MeetingStatus.HELD);
    Map<String, Object> values = new HashMap<>(Map.of(
        DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting),
        DecisionRequestProcesses.Vars.ITEM_NO.name(), 1L,
        DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF.name(), "99/2026",
        DecisionRequestProcesses.Vars.WITHDRAWING_ITEM_NO.name(), 2L));
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, SECRETARY, values))
        .hasMessageContaining("Заседание № 99/2026 не найдено");
    values.put(DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF.name(), human(meeting));
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, SECRETARY, values))
        .hasMessageContaining("только решением последующего заседания");
    values.put(DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF.name(), human(unsigned));
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, SECRETARY, values))
        .hasMessageContaining("ещё не подписан");
    record.setStatus(unsigned.key(), MeetingStatus.MINUTES_SIGNED, null);
    values.put(DecisionRequestProcesses.Vars.WITHDRAWING_ITEM_NO.name(), 1L);
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, SECRETARY, values))
        .hasMessageContaining("по вопросу 1 нет принятого решения");
    assertThatThrownBy(() -> decision.startRequest(DecisionRequestProcesses.WITHDRAW_KEY, "admin", values))
        .hasMessageContaining("Снять решение с контроля может только департамент");

    assertThat(registered().state()).isEqualTo(DecisionState.IN_PROGRESS);
    assertThat(history()).containsExactly(DecisionEventKind.REGISTERED);
    assertThat(decision.instance).isWaitingAt(Elements.REPORT);
  }
}
