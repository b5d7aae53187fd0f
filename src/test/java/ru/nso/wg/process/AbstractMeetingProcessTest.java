package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingRecord;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * What the process tests of a meeting share (MeetingProcessTest, ChairProcessTest, MeetingOnTheDayProcessTest,
 * MeetingRecordProcessTest, BadInputProcessTest): the real application with the job executor off, "today" Monday
 * 30.11.2026 and the meeting on Wednesday 16.12.2026 at 14:30 (Novosibirsk), a new {@link MeetingScenario} for each
 * test, and the engine clock and camunda-bpm-assert reset after it.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class AbstractMeetingProcessTest {

  static final String TODAY = "2026-11-30T09:00+07:00";
  static final String MEETING = "2026-12-16T14:30+07:00";
  static final List<String> TEN_PRESENT = ROSTER.subList(0, 10);

  @Autowired ProcessEngine engine;
  @Autowired MeetingRecord record;
  MeetingScenario meeting;

  @BeforeEach
  void startScenarioToday() {
    init(engine);
    clockAt(TODAY);
    meeting = new MeetingScenario(engine);
  }

  @AfterEach
  void resetClockAndAssertions() {
    ClockUtil.reset();
    AbstractAssertions.reset();
  }

  static Date at(String isoOffsetDateTime) {
    return Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant());
  }

  /** The recorded decision on an item of this test's meeting. */
  ItemDecision decision(int itemNo) {
    return record.decisions(meeting.key()).stream().filter(d -> d.itemNo() == itemNo).findFirst().orElseThrow();
  }
}
