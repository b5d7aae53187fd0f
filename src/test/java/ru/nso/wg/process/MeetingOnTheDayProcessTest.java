package ru.nso.wg.process;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.list;

/**
 * The meeting as it really happens on the day (§§ 10, 15, 16): who presides changes at the attendance or before an
 * item on the chair's instruction, members arrive late, leave and come back, and every item is decided with the
 * members present for it and the vote of whoever presided over it.
 */
class MeetingOnTheDayProcessTest extends AbstractMeetingProcessTest {

  static final String LEBEDEVA = "lebedeva";

  @Autowired MeetingViews views;

  /** The chair's instruction as the secretariat records it: oral, given on the day. */
  private static Map<String, Object> presides(String userId) {
    return Map.of(PRESIDING_ON_DAY.name(), userId, INSTRUCTION_FORM.name(), "ORAL",
        INSTRUCTION_REF.name(), "устное поручение по телефону", INSTRUCTION_DATE.name(), "2026-12-16");
  }

  private void attendance(List<String> inPerson, Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(Map.of(
        PRESENT_IN_PERSON.name(), list(inPerson.toArray(String[]::new)), PRESENT_BY_VIDEO.name(), list(),
        INVITEES_PRESENT.name(), list(), AUDIO_RECORDING.name(), "\\\\fileserver\\wg\\audio\\2026-12-16.mp3"));
    values.putAll(extra);
    meeting.complete(Elements.RECORD_ATTENDANCE, SECRETARY, values);
    meeting.executeJob(Elements.CHECK_QUORUM);
  }

  private void vote(List<String> votesFor, List<String> against, List<String> abstain, Map<String, Object> extra) {
    meeting.vote(votesFor, against, abstain, List.of(), extra);
  }

  @Test
  void aDeputyPresidesByTheChairsInstructionWhenTheChairIsAbsentOnTheDay() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    // the chair confirmed himself, then fell ill: Лебедева presides by his oral instruction
    attendance(ROSTER.subList(1, 11), presides(LEBEDEVA));
    assertThat(record.get(meeting.key()).presidingUserId()).isEqualTo(LEBEDEVA);
    // a pure tie 5 : 5 — the casting vote is Лебедева's
    vote(List.of(LEBEDEVA, "morozov", "kuznetsova", "vasiliev", "novikova"),
        List.of("fedorov", "pavlova", "semenov", "golubeva", "vinogradov"), List.of(), Map.of());
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(1).outcome()).isEqualTo(Decision.ADOPTED);
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.finishMinutes();
    assertThat(meeting.task(Elements.SIGN_MINUTES).getAssignee()).isEqualTo(LEBEDEVA);
    // the minutes name her, by the chair's instruction as recorded
    MinutesModel minutes = views.minutes(meeting.key());
    assertThat(minutes.meeting().presiding().name()).isEqualTo("Лебедева Ольга Николаевна");
    assertThat(minutes.meeting().presiding().instructionText())
        .contains("по поручению председателя", "устное поручение от 16.12.2026, устное поручение по телефону");
    assertThat(minutes.presidingText()).isEmpty();
  }

  @Test
  void theCastingVoteIsTheVoteOfWhoeverPresidedOverTheItem() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    attendance(ROSTER.subList(0, 10), Map.of());
    // item 1: the chair presides and votes against in a pure tie 5 : 5
    vote(ROSTER.subList(1, 6), List.of(CHAIR, "fedorov", "pavlova", "semenov", "golubeva"), List.of(), Map.of());
    assertThat(decision(1).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(1).outcome()).isEqualTo(Decision.REJECTED);
    // before item 2 the chair leaves and hands over to Лебедева, Виноградов arrives; Лебедева votes for, 5 : 5
    Map<String, Object> item2 = new HashMap<>(presides(LEBEDEVA));
    item2.put(ARRIVED_IN_PERSON.name(), list("vinogradov"));
    meeting.vote(List.of(LEBEDEVA, "morozov", "kuznetsova", "vasiliev", "novikova"),
        List.of("fedorov", "pavlova", "semenov", "golubeva", "vinogradov"), List.of(), List.of(CHAIR), item2);
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    assertThat(decision(2).outcome()).isEqualTo(Decision.ADOPTED);
    assertThat(decision(1).presidingUserId()).isEqualTo(CHAIR);
    assertThat(decision(2).presidingUserId()).isEqualTo(LEBEDEVA);
    // the minutes say who presided over which items, who left and who arrived, and P of each item
    MinutesModel minutes = views.minutes(meeting.key());
    assertThat(minutes.presidingText()).isEqualTo("А.В. Соколов (вопрос 1), О.Н. Лебедева (вопрос 2) по поручению "
        + "председателя Рабочей группы (п. 10 Положения): устное поручение от 16.12.2026, "
        + "устное поручение по телефону");
    ItemMinutes second = minutes.items().get(1);
    assertThat(second.attendanceChanges()).containsExactly(
        "Соколов Андрей Викторович покинул(а) заседание перед рассмотрением вопроса 2",
        "Виноградов Сергей Александрович прибыл(а) перед рассмотрением вопроса 2",
        "С вопроса 2 председательствует Лебедева Ольга Николаевна по поручению председателя Рабочей группы "
            + "(п. 10 Положения)");
    assertThat(second.presentText()).isEqualTo("При рассмотрении вопроса присутствуют 10 из 15 членов Рабочей группы");
    assertThat(minutes.presentMembers()).extracting(p -> p.name()).contains("Виноградов Сергей Александрович");
  }

  @Test
  void aLateArrivalRestoresTheQuorumForTheLastItem() {
    meeting.start(MEETING);
    meeting.prepareAndHold(3, MEETING);
    attendance(ROSTER.subList(0, 8), Map.of()); // exactly quorate
    vote(ROSTER.subList(0, 8), List.of(), List.of(), Map.of());
    // before item 2 one leaves: 7 of 15 — not decided for lack of quorum
    meeting.vote(List.of(), List.of(), List.of(), List.of(ROSTER.get(7)),
        Map.of(DECISION_TEXT.name(), "Решение не принималось: нет кворума"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.NO_QUORUM);
    assertThat(record.notDecidedForLackOfQuorum(meeting.key())).extracting(ItemDecision::itemNo).containsExactly(2);
    // the next task says what the previous item decided
    assertThat(meeting.variable(Elements.RECORD_VOTE, PREVIOUS_OUTCOME))
        .isEqualTo("Вопрос 2: решение не принималось: нет кворума (7 из 15)");
    // before item 3 one arrives by ВКС: 8 of 15 again
    vote(ROSTER.subList(0, 7), List.of(ROSTER.get(8)), List.of(),
        Map.of(ARRIVED_BY_VIDEO.name(), list(ROSTER.get(8))));
    assertThat(decision(3).rule()).isEqualTo(DecisionRule.MAJORITY);
    assertThat(decision(3).outcome()).isEqualTo(Decision.ADOPTED);
    assertThat(decision(3).present()).isEqualTo(8);
    assertThat(record.notDecidedForLackOfQuorum(meeting.key())).extracting(ItemDecision::itemNo).containsExactly(2);
    assertThat(meeting.instance).isWaitingAt(Elements.GENERATE_MINUTES);
    assertThat(views.minutes(meeting.key()).items().get(2).attendanceChanges())
        .containsExactly("Семёнов Алексей Олегович прибыл(а) перед рассмотрением вопроса 3 (в режиме ВКС)");
  }

  @Test
  void allPresentForCountsEveryMemberPresentForTheItemAndTheNextTaskSaysWhatWasDecided() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    attendance(ROSTER.subList(0, 9), Map.of());
    // «все присутствующие — за» with an against vote is a contradiction: refused, nothing saved
    assertThatThrownBy(() -> vote(List.of(), List.of(ROSTER.get(3)), List.of(),
        Map.of(ALL_PRESENT_FOR.name(), true))).hasMessageContaining("все присутствующие — за");
    assertThat(record.decisions(meeting.key())).isEmpty();
    vote(List.of(), List.of(), List.of(), Map.of(ALL_PRESENT_FOR.name(), true,
        ARRIVED_IN_PERSON.name(), list(ROSTER.get(9))));
    assertThat(decision(1).votesFor()).isEqualTo(10);
    assertThat(decision(1).present()).isEqualTo(10);
    assertThat(meeting.variable(Elements.RECORD_VOTE, PREVIOUS_OUTCOME))
        .isEqualTo("Вопрос 1: решение принято: 10 из 10");
    // the form warns when the executor is the deputy chair controlling the chosen area (§ 8)
    assertThat(meeting.variable(Elements.RECORD_VOTE, AREA_CONTROLLERS).toString())
        .contains("\"lebedeva|wg-area-coordination\"", "\"kuznetsova|wg-area-digital\"");
  }

  @Test
  void signingGoesToWhoPresidedAtTheEnd() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    attendance(ROSTER.subList(0, 10), Map.of());
    // item 1: a tie with abstentions — the chair, who presided over it, confirms the outcome
    vote(ROSTER.subList(0, 4), ROSTER.subList(4, 8), ROSTER.subList(8, 10), Map.of());
    assertThat(meeting.task(Elements.CONFIRM_OUTCOME).getAssignee()).isEqualTo(CHAIR);
    Task confirm = meeting.task(Elements.CONFIRM_OUTCOME);
    assertThatThrownBy(() -> meeting.as("admin", () -> engine.getFormService().submitTaskForm(confirm.getId(),
        Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED")))).hasMessageContaining("председательствовавший");
    meeting.complete(Elements.CONFIRM_OUTCOME, CHAIR, Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED"));
    // before item 2 the chair leaves; Лебедева presides to the end
    meeting.vote(ROSTER.subList(1, 10), List.of(), List.of(), List.of(CHAIR), new HashMap<>(presides(LEBEDEVA)));
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.finishMinutes();
    assertThat(meeting.task(Elements.SIGN_MINUTES).getAssignee()).isEqualTo(LEBEDEVA);
    meeting.sign(LEBEDEVA);
    assertThat(record.get(meeting.key()).presiding().userId()).isEqualTo(LEBEDEVA);
  }

  @Test
  void badInputOnTheDayIsRefusedNamingTheFieldAndTheClauseAndSavesNothing() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    // a member who is not a chair or deputy cannot preside
    assertThatThrownBy(() -> attendance(ROSTER.subList(1, 11), presides("vasiliev")))
        .hasMessageContaining("председательствовать").hasMessageContaining("п. 10");
    // a deputy who is not present cannot preside
    assertThatThrownBy(() -> attendance(ROSTER.subList(4, 14), presides(LEBEDEVA)))
        .hasMessageContaining("не отмечен").hasMessageContaining("п. 10");
    // the chair's instruction needs its date
    Map<String, Object> noDate = new HashMap<>(presides(LEBEDEVA));
    noDate.remove(INSTRUCTION_DATE.name());
    assertThatThrownBy(() -> attendance(ROSTER.subList(1, 11), noDate))
        .hasMessageContaining("дату поручения").hasMessageContaining("п. 10");
    // … and a date not after the meeting
    Map<String, Object> later = new HashMap<>(presides(LEBEDEVA));
    later.put(INSTRUCTION_DATE.name(), "2026-12-17");
    assertThatThrownBy(() -> attendance(ROSTER.subList(1, 11), later))
        .hasMessageContaining("не может быть позже дня заседания").hasMessageContaining("п. 10");
    assertThat(record.attendance(meeting.key())).isEmpty();
    assertThat(record.get(meeting.key()).presidingUserId()).isEqualTo(CHAIR);
    attendance(ROSTER.subList(0, 10), Map.of());
    // an arrival of someone already present, a departure of someone absent
    assertThatThrownBy(() -> vote(ROSTER.subList(0, 10), List.of(), List.of(),
        Map.of(ARRIVED_IN_PERSON.name(), list(ROSTER.get(1)))))
        .hasMessageContaining("уже присутствует");
    assertThatThrownBy(() -> meeting.vote(ROSTER.subList(0, 10), List.of(), List.of(), List.of(ROSTER.get(12)),
        Map.of())).hasMessageContaining("не присутствует");
    // the presiding chair leaves before item 1 and nobody else is named to preside
    assertThatThrownBy(() -> meeting.vote(ROSTER.subList(1, 10), List.of(), List.of(), List.of(CHAIR), Map.of()))
        .hasMessageContaining("укажите, кто председательствует с этого вопроса");
    assertThat(record.decisions(meeting.key())).isEmpty();
    assertThat(record.attendanceChanges(meeting.key(), 1)).isEmpty();
  }
}
