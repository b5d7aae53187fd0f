package ru.nso.wg.process;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * Bad input from a person (issue 11, point 5) is refused with a Russian message naming the field, and nothing is
 * written: characters XML does not allow, texts longer than their column, instructions due in the past or in a
 * year the calendar lacks, lists of the wrong shape, too many invitees, items or opinions, a meeting on a
 * non-working day or at night without confirmation. Today is Monday 30.11.2026; the meeting Wednesday 16.12.2026.
 */
class BadInputProcessTest extends AbstractMeetingProcessTest {

  private long meetings() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(MeetingProcess.KEY)
        .count();
  }

  /** The refusal a call ended with, however the engine wrapped it (a task listener's refusal is wrapped). */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).as("refused").isNotNull();
    return assertThat(Refusal.in(thrown).orElseThrow(() -> new AssertionError("not a refusal: " + thrown, thrown)));
  }

  private static VariableMap with(String name, Object value) {
    return Variables.createVariables().putValue(name, value);
  }

  private void holdWithTenPresent() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
  }

  @Test
  void charactersXmlDoesNotAllowAreRefusedAndAVerticalTabBecomesALineBreak() {
    long before = meetings();
    // a lone surrogate in the place stopped a meeting at the approval of the agenda (its DOCX could not be made)
    assertRefused(() -> meeting.start(MEETING, with(MEETING_PLACE.name(), "Красный проспект, 18, зал \uD800")))
        .hasMessageContaining("Поле «Место проведения» содержит недопустимый символ")
        .hasMessageContaining("U+D800");
    assertRefused(() -> meeting.start(MEETING, with(INVITEES.name(),
        MeetingScenario.json("[{\"fullName\":\"Иванов\\u0001 Иван Иванович\"}]"))))
        .hasMessageContaining("Приглашённый № 1, ФИО").hasMessageContaining("U+0001");
    assertThat(meetings()).isEqualTo(before);

    meeting.start(MEETING, with(MEETING_PLACE.name(), "Красный проспект, 18\u000Bзал заседаний № 1"));
    assertThat(record.get(meeting.key()).place()).isEqualTo("Красный проспект, 18\nзал заседаний № 1");
    meeting.confirmChairPresides();
    String agenda = "[{\"title\":\"Вопрос\\uFFFE о стандарте\",\"itemType\":\"STANDARD\",\"speaker\":\"Лебедева О.Н.\","
        + "\"materials\":\"https://example.org/m.pdf\",\"area\":\"wg-area-coordination\"}]";
    assertRefused(() -> meeting.complete(Elements.PREPARE_AGENDA, SECRETARY,
        Map.of(AGENDA_ITEMS.name(), MeetingScenario.json(agenda))))
        .hasMessageContaining("Вопрос № 1, формулировка");
    assertThat(record.agenda(meeting.key())).isEmpty();
    assertThat(meeting.instance).isWaitingAt(Elements.PREPARE_AGENDA);
  }

  @Test
  void overlongTextsAreRefusedNamingTheFieldBeforeAnythingIsWritten() {
    long before = meetings();
    assertRefused(() -> meeting.start(MEETING, with(MEETING_PLACE.name(), "з".repeat(501))))
        .hasMessageContaining("Поле «Место проведения»: не более 500 символов");
    assertThat(meetings()).isEqualTo(before);

    holdWithTenPresent();
    assertRefused(() -> meeting.vote(TEN_PRESENT, List.of(), List.of(), List.of(),
        Map.of(DISCUSSION.name(), "в".repeat(1024 * 1024))))
        .hasMessageContaining("Поле «ВЫСТУПИЛИ»: не более 4000 символов");
    assertThat(record.decisions(meeting.key())).isEmpty();
    assertThat(record.votes(meeting.key(), 1)).isEmpty();
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_VOTE);
  }

  @Test
  void anInstructionDueInThePastOrInAYearTheCalendarLacksIsRefusedAtTheVote() {
    holdWithTenPresent();
    Map<String, Object> instruction = new HashMap<>(Map.of(HAS_INSTRUCTION.name(), true,
        EXECUTOR.name(), "kuznetsova", CONTROL_AREA.name(), "wg-area-digital"));
    instruction.put(INSTRUCTION_DUE.name(), "2026-12-01");
    assertRefused(() -> meeting.vote(TEN_PRESENT, List.of(), List.of(), List.of(), instruction))
        .hasMessageContaining("исполнения поручения (01.12.2026) уже прошёл");
    // the bundled calendar holds 2024–2027: a decision due in 2028 could never be put under control after signing
    instruction.put(INSTRUCTION_DUE.name(), "2028-03-01");
    assertRefused(() -> meeting.vote(TEN_PRESENT, List.of(), List.of(), List.of(), instruction))
        .hasMessageContaining("Срок исполнения поручения (01.03.2028)")
        .hasMessageContaining("2028 год не загружен");
    assertThat(record.decisions(meeting.key())).isEmpty();
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_VOTE);

    instruction.put(INSTRUCTION_DUE.name(), "2027-03-01");
    meeting.vote(TEN_PRESENT, List.of(), List.of(), List.of(), instruction);
    assertThat(record.decisions(meeting.key())).singleElement()
        .satisfies(d -> assertThat(d.dueDate()).hasToString("2027-03-01"));
  }

  @Test
  void listsOfTheWrongShapeAreRefusedNotDropped() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    // numbers instead of user ids: dropped, they made a quorate meeting «not held»
    Map<String, Object> attendance = new HashMap<>(Map.of(PRESENT_IN_PERSON.name(), MeetingScenario.json("[1,2,3]"),
        PRESENT_BY_VIDEO.name(), MeetingScenario.list(), INVITEES_PRESENT.name(), MeetingScenario.list(),
        AUDIO_RECORDING.name(), "\\\\fileserver\\wg\\audio\\2026-12-16.mp3"));
    assertRefused(() -> meeting.complete(Elements.RECORD_ATTENDANCE, SECRETARY, attendance))
        .hasMessageContaining("Поле «Присутствуют очно»: значение № 1 (1)");
    attendance.put(PRESENT_IN_PERSON.name(), MeetingScenario.json("{\"sokolov\":true}"));
    assertRefused(() -> meeting.complete(Elements.RECORD_ATTENDANCE, SECRETARY, attendance))
        .hasMessageContaining("Поле «Присутствуют очно»: ожидается список");
    attendance.put(PRESENT_IN_PERSON.name(), MeetingScenario.list(TEN_PRESENT.toArray(String[]::new)));
    attendance.put(INVITEES_PRESENT.name(), MeetingScenario.list("первый"));
    assertRefused(() -> meeting.complete(Elements.RECORD_ATTENDANCE, SECRETARY, attendance))
        .hasMessageContaining("Поле «Присутствуют приглашённые»");
    assertThat(record.attendance(meeting.key())).isEmpty();
    assertThat(meeting.instance).isWaitingAt(Elements.RECORD_ATTENDANCE);
  }

  @Test
  void invitesAgendaItemsAndDissentingOpinionsAreCapped() {
    StringBuilder invitees = new StringBuilder("[");
    for (int i = 1; i <= 51; i++) {
      invitees.append(i > 1 ? "," : "").append("{\"fullName\":\"Приглашённый ").append(i).append("\"}");
    }
    assertRefused(() -> meeting.start(MEETING, with(INVITEES.name(),
        MeetingScenario.json(invitees.append("]").toString()))))
        .hasMessageContaining("не может быть больше 50 (указано 51)");

    meeting.start(MEETING);
    meeting.confirmChairPresides();
    assertRefused(() -> meeting.complete(Elements.PREPARE_AGENDA, SECRETARY,
        Map.of(AGENDA_ITEMS.name(), MeetingScenario.agenda(21))))
        .hasMessageContaining("не может быть больше 20 вопросов (указано 21)");
    meeting.prepareAgenda(1);
    meeting.approveAgenda(MeetingScenario.CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(TEN_PRESENT.subList(0, 8), TEN_PRESENT.subList(8, 10), List.of());

    meeting.fileDissent("vasiliev", 1, "Считаю решение преждевременным: нужна оценка затрат.");
    assertRefused(() -> meeting.fileDissent("vasiliev", 1, "И ещё одно особое мнение по тому же вопросу."))
        .hasMessageContaining("вы уже подали");
    meeting.fileDissent("novikova", 1, "Поддерживаю особое мнение: оценка затрат обязательна.");
    assertThat(record.dissents(meeting.key())).hasSize(2);
  }

  @Test
  void aMeetingOnANonWorkingDayOrAtNightAsksForConfirmation() {
    long before = meetings();
    // Sunday 20.12.2026
    assertRefused(() -> meeting.start("2026-12-20T11:00+07:00"))
        .hasMessageContaining("нерабочий день по производственному календарю")
        .hasMessageContaining("отметьте «Подтверждаю дату и время заседания»");
    assertRefused(() -> meeting.start("2026-12-16T03:00+07:00"))
        .hasMessageContaining("ночное время");
    assertRefused(() -> meeting.start("2026-12-16T22:00+07:00"))
        .hasMessageContaining("ночное время");
    assertThat(meetings()).isEqualTo(before);

    meeting.start("2026-12-20T11:00+07:00", with(OFF_HOURS_CONFIRMED.name(), true));
    assertThat(record.get(meeting.key()).start().toLocalDate()).hasToString("2026-12-20");
    assertThat(meetings()).isEqualTo(before + 1);
  }

  @Test
  void aPostponementToANonWorkingDayAsksForConfirmationToo() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    Map<String, Object> request = new HashMap<>(Map.of(
        StaffRequestProcesses.MEETING_REF.name(), new MeetingScenario.MeetingKeyRef(meeting.key()).human(),
        StaffRequestProcesses.NEW_MEETING_START.name(), "2027-01-24T11:00+07:00",
        StaffRequestProcesses.POSTPONE_REASON.name(), "Командировка председателя"));
    // Sunday 24.01.2027
    assertRefused(() -> meeting.startRequest(StaffRequestProcesses.POSTPONE_KEY, SECRETARY, request))
        .hasMessageContaining("нерабочий день по производственному календарю");
    request.put(StaffRequestProcesses.OFF_HOURS_CONFIRMED.name(), true);
    meeting.approveRequest(meeting.startRequest(StaffRequestProcesses.POSTPONE_KEY, SECRETARY, request),
        MeetingScenario.CHAIR);
    meeting.executeJob(Elements.APPLY_POSTPONEMENT);
    assertThat(record.get(meeting.key()).start().toLocalDate()).hasToString("2027-01-24");
  }
}
