package ru.nso.wg.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.meeting.CarriedItems;
import ru.nso.wg.meeting.ChairPowers;
import ru.nso.wg.meeting.DateRequests;
import ru.nso.wg.meeting.DeadlineOutcome;
import ru.nso.wg.meeting.MeetingData.DeadlineEvent;
import ru.nso.wg.meeting.MeetingData.Event;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.notification.Delivery;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.DEPUTY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * The chair's decisions before a meeting (issue 12): the chair decides the date (§ 7 (3)) — a postponement or
 * cancellation asked by the secretariat changes the meeting only when the chair approves it; and the chair's
 * instruction (§ 10) hands the chair's tasks to a deputy chair for a period. "Today" is Monday 30.11.2026; the
 * meeting is on Wednesday 16.12.2026 at 14:30 (§ 13 → 09.12 18:00, § 14 → 11.12 18:00).
 */
class ChairProcessTest extends AbstractMeetingProcessTest {

  static final String CHAIRS_OFFICE = "zaitseva";

  @Autowired DocumentStore documents;
  @Autowired Delivery delivery;
  @Autowired DateRequests requests;
  @Autowired JdbcTemplate jdbc;
  @Autowired CarriedItems carried;
  @Autowired MeetingViews views;
  @Autowired ChairPowers chairPowers;

  @AfterEach
  void forgetChairsInstructions() {
    // an instruction would hand the chair's tasks of other tests' meetings (same database) to a deputy
    jdbc.update("UPDATE wg_date_request SET chair_instruction_id = NULL");
    jdbc.update("DELETE FROM wg_chair_instruction");
  }

  private long applyJobs() {
    return engine.getManagementService().createJobQuery().processInstanceId(meeting.instance.getId())
        .activityId(Elements.APPLY_POSTPONEMENT).count();
  }

  private List<Event> events(MeetingEventKind kind) {
    return record.events(meeting.key()).stream().filter(e -> e.kind() == kind).toList();
  }

  private void agendaSentOnTheFirstDay() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(2);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
  }

  @Test
  void aPostponementTakesEffectOnlyWhenTheChairApprovesIt() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    ProcessInstance request = meeting.askPostponement("2027-01-20T11:00+07:00", "Командировка председателя");
    // asked, not decided: the meeting is unchanged, the chair has the decision
    assertThat(applyJobs()).isZero();
    assertThat(record.get(meeting.key()).start().toInstant()).isEqualTo(at(MEETING).toInstant());
    assertThat(meeting.job(Elements.AGENDA_DEADLINE).getDuedate()).isEqualTo(at("2026-12-09T18:00+07:00"));
    assertThat(meeting.requestTask(request).getAssignee()).isEqualTo(CHAIR);
    // the chair's Tasklist shows which meeting (the filter's columns)
    assertThat(engine.getTaskService().getVariablesLocal(meeting.requestTask(request).getId()))
        .containsEntry(MeetingProcess.Vars.MEETING_NUMBER.name(), record.get(meeting.key()).number())
        .containsEntry(MeetingProcess.Vars.MEETING_DATE.name(), "2026-12-16")
        .containsEntry(MeetingProcess.Vars.MEETING_DATE_TEXT.name(), "16.12.2026");
    assertThatThrownBy(() -> meeting.completeRequestTask(request, SECRETARY, Map.of("requestDecision", "APPROVE")))
        .isInstanceOf(AuthorizationException.class);
    // a refusal needs its reason; refused, nothing changes and the record says why
    assertThatThrownBy(() -> meeting.completeRequestTask(request, CHAIR, Map.of("requestDecision", "REFUSE")))
        .hasMessageContaining("Причина отказа");
    meeting.completeRequestTask(request, CHAIR,
        Map.of("requestDecision", "REFUSE", "refusalReason", "Дата совпадает с сессией Законодательного Собрания"));
    assertThat(request).isEnded().hasPassed("EndEvent_PostponementRefused");
    assertThat(applyJobs()).isZero();
    assertThat(record.get(meeting.key()).start().toInstant()).isEqualTo(at(MEETING).toInstant());
    assertThat(events(MeetingEventKind.DATE_REQUEST_REFUSED)).singleElement()
        .satisfies(e -> assertThat(e.details()).contains("Законодательного Собрания"))
        .satisfies(e -> assertThat(e.actor()).isEqualTo(CHAIR));

    // asked again and approved: now the date moves, and the record keeps who asked and who decided
    ProcessInstance again = meeting.askPostponement("2027-01-20T11:00+07:00", "Командировка председателя");
    meeting.approveRequest(again, CHAIR);
    assertThat(again).isEnded().hasPassed("EndEvent_PostponementPassed");
    meeting.executeJob(Elements.APPLY_POSTPONEMENT);
    assertThat(record.get(meeting.key()).start().toInstant()).isEqualTo(at("2027-01-20T11:00+07:00").toInstant());
    assertThat(meeting.job(Elements.AGENDA_DEADLINE).getDuedate()).isEqualTo(at("2027-01-13T18:00+07:00"));
    assertThat(events(MeetingEventKind.POSTPONED)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(CHAIR);
      assertThat(e.details()).contains("по решению Соколов Андрей Викторович", "запрос секретариата (Смирнова",
          "Командировка председателя");
    });
  }

  @Test
  void aCancellationTakesEffectOnlyWhenTheChairApprovesIt() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    ProcessInstance request = meeting.askCancellation("Вопросы рассмотрены на заседании Правительства");
    assertThat(meeting.instance).isNotEnded();
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.PREPARATION);
    meeting.approveRequest(request, CHAIR);
    meeting.executeJob(Elements.APPLY_CANCELLATION);
    assertThat(meeting.instance).isEnded().hasPassed(Elements.MEETING_CANCELLED);
    assertThat(record.get(meeting.key()).statusReason()).contains("Правительства");
    assertThat(events(MeetingEventKind.CANCELLED)).singleElement()
        .satisfies(e -> assertThat(e.details()).contains("по решению Соколов Андрей Викторович"));
  }

  @Test
  void aPostponementAfterTheAgendaWasSentKeepsTheCompletedStepsAndResendsTheAgendaWithTheNewDate() {
    agendaSentOnTheFirstDay();
    List<Recipient> invited = delivery.deliveredTo(meeting.key(), List.of("agenda#", "invitation#"));
    assertThat(invited).isNotEmpty();
    // 14.12: § 13 of 18.12 (11.12 18:00) has passed — but the agenda reached the chair and went out in time
    clockAt("2026-12-14T09:00+07:00");
    ProcessInstance request = meeting.askPostponement("2026-12-18T10:00+07:00",
        "Совпадение с заседанием Правительства");
    meeting.approveRequest(request, CHAIR);
    meeting.executeJob(Elements.APPLY_POSTPONEMENT);

    assertThat(meeting.job(Elements.MEETING_TIME).getDuedate()).isEqualTo(at("2026-12-18T10:00+07:00"));
    // the steps already done stay done
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.AGENDA_SENT);
    assertThat(meeting.instance).isWaitingAt(Elements.MEETING_TIME);
    assertThat(record.deadlineEvents(meeting.key())).extracting(DeadlineEvent::kind, DeadlineEvent::outcome)
        .containsExactlyInAnyOrder(tuple(DeadlineKind.AGENDA_TO_CHAIR, DeadlineOutcome.MET),
            tuple(DeadlineKind.AGENDA_DISTRIBUTION, DeadlineOutcome.MET));
    // the agenda is made again with the new date and goes out again with the updated invitation (SEQUENCE 1)
    assertThat(documents.latest(meeting.key(), DocumentKind.AGENDA).orElseThrow().version()).isEqualTo(2);
    assertThat(delivery.deliveredTo(meeting.key(), List.of("postponement#1")))
        .extracting(Recipient::email).containsExactlyInAnyOrderElementsOf(
            invited.stream().map(Recipient::email).toList());
  }

  @Test
  void aDecisionOnAPostponementIsRefusedWhenTheDateHasPassedOrTheRequestWasDecided() {
    agendaSentOnTheFirstDay();
    clockAt("2026-12-14T09:00+07:00");
    ProcessInstance request = meeting.askPostponement("2026-12-15T10:00+07:00", "Болезнь докладчика");
    // one open request at a time
    assertThatThrownBy(() -> meeting.askPostponement("2026-12-17T10:00+07:00", "Другая причина"))
        .hasMessageContaining("нерассмотренный запрос");
    // the chair opens the task after the new date has passed
    clockAt("2026-12-15T11:00+07:00");
    assertThatThrownBy(() -> meeting.approveRequest(request, CHAIR)).hasMessageContaining("прошедшую дату");
    assertThat(applyJobs()).isZero();
    meeting.completeRequestTask(request, CHAIR,
        Map.of("requestDecision", "REFUSE", "refusalReason", "Дата прошла, перенос не нужен"));
    // a decision on a request already decided: refused, nothing changes
    long requestId = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(request.getId()).variableName("dateRequestId").singleResult().getValue()).longValue();
    assertThatThrownBy(() -> meeting.as(CHAIR, () -> requests.decide(requestId, true, null, CHAIR)))
        .hasMessageContaining("уже рассмотрен");
    assertThat(record.get(meeting.key()).start().toInstant()).isEqualTo(at(MEETING).toInstant());
  }

  @Test
  void theChairsTasksGoToTheDeputyNamedInTheChairsInstruction() {
    ProcessInstance instruction = meeting.startRequest("wg-chair-instruction", CHAIRS_OFFICE, Map.of());
    Map<String, Object> values = new HashMap<>(Map.of("instructionDeputy", "vasiliev",
        "instructionFrom", "2026-11-30", "instructionTo", "2026-12-11", "instructionForm", "WRITTEN",
        "instructionReference", "№ 15 от 27.11.2026"));
    assertThatThrownBy(() -> meeting.completeRequestTask(instruction, CHAIRS_OFFICE, values))
        .hasMessageContaining("не является заместителем председателя").hasMessageContaining("п. 10");
    values.put("instructionDeputy", DEPUTY);
    values.remove("instructionFrom");
    assertThatThrownBy(() -> meeting.completeRequestTask(instruction, CHAIRS_OFFICE, values))
        .hasMessageContaining("«Действует с»");
    values.put("instructionFrom", "2026-12-14");
    assertThatThrownBy(() -> meeting.completeRequestTask(instruction, CHAIRS_OFFICE, values))
        .hasMessageContaining("раньше даты начала");
    values.put("instructionFrom", "2026-11-16");
    values.put("instructionTo", "2026-11-20");
    assertThatThrownBy(() -> meeting.completeRequestTask(instruction, CHAIRS_OFFICE, values))
        .hasMessageContaining("уже прошёл");
    values.put("instructionFrom", "2026-11-30");
    values.put("instructionTo", "2026-12-11");
    meeting.completeRequestTask(instruction, CHAIRS_OFFICE, values);
    assertThat(instruction).isEnded();

    // the chair is away: confirming the meeting goes to the deputy, not to the chair
    meeting.start(MEETING);
    assertThat(meeting.task(Elements.CONFIRM_MEETING).getAssignee()).isEqualTo(DEPUTY);
    assertThatThrownBy(() -> meeting.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of("presidingMode", "SELF")))
        .hasMessageContaining("переданы заместителю председателя Морозов Дмитрий Сергеевич");
    meeting.complete(Elements.CONFIRM_MEETING, DEPUTY, Map.of("presidingMode", "SELF"));
    // the chair will preside at the meeting, but approving the agenda now is the deputy's
    meeting.prepareAgenda(1);
    assertThat(meeting.task(Elements.APPROVE_AGENDA).getAssignee()).isEqualTo(DEPUTY);
    meeting.approveAgenda(DEPUTY);
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.AGENDA_APPROVED);
    assertThat(events(MeetingEventKind.CHAIR_POWERS)).hasSize(2).allSatisfy(e -> assertThat(e.details())
        .contains("Морозов Дмитрий Сергеевич", "письменное поручение", "№ 15 от 27.11.2026",
            "с 30.11.2026 по 11.12.2026"));
    // so does a decision on the date
    ProcessInstance request = meeting.askCancellation("Вопросы рассмотрены на заседании Правительства");
    assertThat(meeting.requestTask(request).getAssignee()).isEqualTo(DEPUTY);
    meeting.completeRequestTask(request, DEPUTY, Map.of("requestDecision", "REFUSE",
        "refusalReason", "Заседание проводится в назначенный день"));

    // after the period the chair decides again
    clockAt("2026-12-14T09:00+07:00");
    ProcessInstance later = meeting.askCancellation("Вопросы рассмотрены на заседании Правительства");
    assertThat(meeting.requestTask(later).getAssignee()).isEqualTo(CHAIR);
  }

  private ProcessInstance instructDeputyUntil(String to) {
    ProcessInstance instruction = meeting.startRequest("wg-chair-instruction", CHAIRS_OFFICE, Map.of());
    meeting.completeRequestTask(instruction, CHAIRS_OFFICE, Map.of("instructionDeputy", DEPUTY,
        "instructionFrom", "2026-11-30", "instructionTo", to, "instructionForm", "WRITTEN",
        "instructionReference", "№ 15 от 27.11.2026"));
    return instruction;
  }

  private String instructionEnd() {
    return jdbc.queryForObject("SELECT valid_to FROM wg_chair_instruction", LocalDate.class).toString();
  }

  @Test
  void aWithdrawnInstructionNoLongerSendsTheChairsTasksToTheDeputy() {
    instructDeputyUntil("2026-12-11");
    meeting.start(MEETING);
    assertThat(meeting.task(Elements.CONFIRM_MEETING).getAssignee()).isEqualTo(DEPUTY);
    long id = jdbc.queryForObject("SELECT id FROM wg_chair_instruction", Long.class);

    // the chair comes back early; the office sees the instruction in force when recording a new one
    clockAt("2026-12-02T09:00+07:00");
    ProcessInstance another = meeting.startRequest("wg-chair-instruction", CHAIRS_OFFICE, Map.of());
    assertThat(engine.getTaskService().getVariable(meeting.requestTask(another).getId(), "instructionsInForce"))
        .asString().contains("Морозов Дмитрий Сергеевич", "с 30.11.2026 по 11.12.2026", "действует");

    // ... and withdraws it
    ProcessInstance withdrawal = meeting.startRequest("wg-chair-instruction-withdraw", CHAIRS_OFFICE, Map.of());
    assertThat(meeting.requestTask(withdrawal).getAssignee()).isEqualTo(CHAIRS_OFFICE);
    assertThat(engine.getTaskService().getVariable(meeting.requestTask(withdrawal).getId(), "instructionOptions"))
        .asString().contains("\"" + id + "\"", "Морозов Дмитрий Сергеевич");
    Map<String, Object> values = new HashMap<>(Map.of("withdrawnInstruction", String.valueOf(id),
        "withdrawnFrom", "2026-12-01", "withdrawalReason", "Председатель досрочно вернулся из отпуска"));
    assertThatThrownBy(() -> meeting.completeRequestTask(withdrawal, CHAIRS_OFFICE, values))
        .hasMessageContaining("«Не действует с»").hasMessageContaining("п. 10");
    values.put("withdrawnFrom", "2026-12-14");
    assertThatThrownBy(() -> meeting.completeRequestTask(withdrawal, CHAIRS_OFFICE, values))
        .hasMessageContaining("«Не действует с»").hasMessageContaining("за пределами периода");
    values.put("withdrawnFrom", "2026-12-02");
    values.remove("withdrawalReason");
    assertThatThrownBy(() -> meeting.completeRequestTask(withdrawal, CHAIRS_OFFICE, values))
        .hasMessageContaining("«Причина отзыва»");
    values.put("withdrawalReason", "Председатель досрочно вернулся из отпуска");
    values.put("withdrawnInstruction", "999999");
    assertThatThrownBy(() -> meeting.completeRequestTask(withdrawal, CHAIRS_OFFICE, values))
        .hasMessageContaining("«Поручение»");
    // only the chair's office withdraws
    assertThatThrownBy(() -> meeting.startRequest("wg-chair-instruction-withdraw", SECRETARY, Map.of()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> chairPowers.withdraw(id, LocalDate.parse("2026-12-02"), "Вернулся",
        SECRETARY)).hasMessageContaining("аппарат председателя").hasMessageContaining("п. 10");
    assertThat(instructionEnd()).isEqualTo("2026-12-11");
    assertThat(events(MeetingEventKind.CHAIR_INSTRUCTION_WITHDRAWN)).isEmpty();

    values.put("withdrawnInstruction", String.valueOf(id));
    meeting.completeRequestTask(withdrawal, CHAIRS_OFFICE, values);
    assertThat(withdrawal).isEnded();
    assertThat(instructionEnd()).isEqualTo("2026-12-01");
    // the task already handed to the deputy stays with the deputy; the meeting record says what changed
    assertThat(meeting.task(Elements.CONFIRM_MEETING).getAssignee()).isEqualTo(DEPUTY);
    assertThat(events(MeetingEventKind.CHAIR_INSTRUCTION_WITHDRAWN)).singleElement().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(CHAIRS_OFFICE);
      assertThat(e.details()).contains("Морозов Дмитрий Сергеевич", "отозвано", "с 02.12.2026",
          "досрочно вернулся");
    });
    // a new chair's task goes to the chair again
    ProcessInstance request = meeting.askCancellation("Вопросы рассмотрены на заседании Правительства");
    assertThat(meeting.requestTask(request).getAssignee()).isEqualTo(CHAIR);
    // a withdrawn instruction cannot be withdrawn again
    ProcessInstance again = meeting.startRequest("wg-chair-instruction-withdraw", CHAIRS_OFFICE, Map.of());
    assertThat(engine.getTaskService().getVariable(meeting.requestTask(again).getId(), "instructionOptions"))
        .asString().doesNotContain("\"" + id + "\"");
    assertThatThrownBy(() -> meeting.completeRequestTask(again, CHAIRS_OFFICE, values))
        .hasMessageContaining("уже отозвано").hasMessageContaining("п. 10");
  }

  @Test
  void anItemNotDecidedForLackOfQuorumIsOfferedAtTheNextConfirmation() {
    // meeting A: item 1 decided; before item 2 a member leaves, no quorum — no decision (§ 15)
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(ROSTER.subList(0, 8), List.of());
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    meeting.vote(List.of(), List.of(), List.of(), List.of(ROSTER.get(7)),
        Map.of(MeetingProcess.Vars.DECISION_TEXT.name(), "Рассмотрение вопроса перенесено: нет кворума"));
    String first = meeting.key();
    String firstRef = meeting.ref();

    // meeting B: its confirmation offers item 2 of A, and only that item of A
    clockAt("2026-12-17T09:00+07:00");
    MeetingScenario next = new MeetingScenario(engine);
    next.start("2027-01-20T11:00+07:00");
    String offered = first + "/2";
    assertThat(next.variable(Elements.CONFIRM_MEETING, MeetingProcess.Vars.CARRIED_OPTIONS).toString())
        .contains(offered, "№ " + firstRef + ", вопрос 2: Вопрос 2 о внедрении стандарта")
        .doesNotContain(first + "/1\"");
    // a decided item cannot be carried over
    assertThatThrownBy(() -> next.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of("presidingMode", "SELF",
        MeetingProcess.Vars.CARRIED_ITEMS.name(), MeetingScenario.list(first + "/1"))))
        .hasMessageContaining("не может быть перенесён").hasMessageContaining("п. 15");
    assertThat(carried.carriedFrom(first)).isEmpty();
    next.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of("presidingMode", "SELF",
        MeetingProcess.Vars.CARRIED_ITEMS.name(), MeetingScenario.list(offered)));

    // the item comes prefilled into B's agenda, and the agenda marks it
    assertThat(next.variable(Elements.PREPARE_AGENDA, MeetingProcess.Vars.AGENDA_ITEMS).toString())
        .contains("Вопрос 2 о внедрении стандарта");
    next.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of());
    next.approveAgenda(CHAIR);
    assertThat(views.meeting(next.key()).items()).singleElement().satisfies(item -> assertThat(item.title())
        .isEqualTo("Вопрос 2 о внедрении стандарта (перенесён с заседания № " + firstRef + " (вопрос 2))"));

    // the record of A says where the item went; it is not offered again
    assertThat(carried.carriedFrom(first)).singleElement().satisfies(c -> {
      assertThat(c.toKey()).isEqualTo(next.key());
      assertThat(c.toItemNo()).isEqualTo(1);
    });
    assertThat(record.events(first)).filteredOn(e -> e.kind() == MeetingEventKind.ITEM_CARRIED_OVER)
        .singleElement().satisfies(e -> assertThat(e.details()).contains("перенесён на заседание № " + next.ref()));
    MeetingScenario third = new MeetingScenario(engine);
    third.start("2027-01-27T11:00+07:00");
    assertThat(third.variable(Elements.CONFIRM_MEETING, MeetingProcess.Vars.CARRIED_OPTIONS).toString())
        .doesNotContain(offered);
  }
}
