package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.meeting.DeadlineOutcome;
import ru.nso.wg.meeting.MeetingData.DeadlineEvent;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * What the record and the documents say is exact (issue 12, point 5), each test named as the rule it proves. "Today"
 * is Monday 30.11.2026; the meeting Wednesday 16.12.2026 14:30 (Novosibirsk): § 13 → 09.12.2026 18:00.
 */
@SpringBootTest
@ActiveProfiles("test")
class MeetingRecordProcessTest {

  static final String TODAY = "2026-11-30T09:00+07:00";
  static final String MEETING = "2026-12-16T14:30+07:00";
  static final List<String> TEN_PRESENT = ROSTER.subList(0, 10);

  @Autowired ProcessEngine engine;
  @Autowired MeetingRecord record;
  @Autowired DocumentStore documents;
  MeetingScenario meeting;

  @BeforeEach
  void setUp() {
    init(engine);
    clockAt(TODAY);
    meeting = new MeetingScenario(engine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  private ItemDecision decision(int itemNo) {
    return record.decisions(meeting.key()).stream().filter(d -> d.itemNo() == itemNo).findFirst().orElseThrow();
  }

  private String minutesDraftText() {
    return Fixtures.docxText(documents.currentMinutes(meeting.key()).orElseThrow().content());
  }

  @Test
  void aTieDecidedByThePresidingVoteSaysSoInTheMinutes() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    // item 1: adopted by the majority of those present
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    // item 2: 4 : 4, nobody abstained, two members present did not vote: the presiding person settles it
    meeting.vote(ROSTER.subList(0, 4), ROSTER.subList(4, 8), List.of());
    meeting.complete(Elements.CONFIRM_OUTCOME, CHAIR, Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
    assertThat(decision(2).ruleText()).doesNotContain("воздерж").contains("не голосовали — 2");
    meeting.executeJob(Elements.GENERATE_MINUTES);

    // the minutes print the rule sentence the record stored with the outcome, and nothing else
    String text = minutesDraftText();
    assertThat(text).contains(decision(1).ruleText(), decision(2).ruleText()).doesNotContain("при воздержавшихся");
  }

  @Test
  void aDissentingOpinionIsFiledOnlyOnAnItemWhereADecisionWasTaken() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(ROSTER.subList(0, 8), List.of()); // exactly quorate
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    // before item 2 a member leaves: no quorum, nothing is decided on item 2
    meeting.vote(List.of(), List.of(), List.of(), List.of(ROSTER.get(7)),
        Map.of(DECISION_TEXT.name(), "Рассмотрение вопроса перенесено: нет кворума"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.NO_QUORUM);

    assertThatThrownBy(() -> meeting.fileDissent(ROSTER.get(1), 2, "Не согласен с тем, что вопрос не рассмотрен"))
        .hasMessageContaining("решение не принималось").hasMessageContaining("п. 17");
    assertThat(record.dissents(meeting.key())).isEmpty();
    meeting.fileDissent(ROSTER.get(1), 1, "Не согласен с решением по первому вопросу повестки");
    assertThat(record.dissents(meeting.key())).hasSize(1);
  }

  @Test
  void workDoneAtTheDeadlineInstantIsInTime() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    // § 13: 09.12.2026 18:00 — the agenda goes to the chair at exactly that instant
    clockAt("2026-12-09T18:00+07:00");
    meeting.prepareAgenda(1);
    assertThat(record.deadlineEvents(meeting.key())).filteredOn(e -> e.kind() == DeadlineKind.AGENDA_TO_CHAIR)
        .extracting(DeadlineEvent::outcome).containsExactly(DeadlineOutcome.MET);
  }
}
