package ru.nso.wg.monitoring;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.nso.wg.calendar.CalendarLoader;
import ru.nso.wg.calendar.CalendarSource;
import ru.nso.wg.calendar.DeadlineCalculator;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.DeadlineSettings;
import ru.nso.wg.calendar.WorkingDayCalendar;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.monitoring.DeadlineEvaluator.Completion;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadline states over the bundled production calendar of 2026 for a meeting on Wednesday 16.12.2026: § 13 is due
 * 09.12.2026 18:00 (reading A), § 14 11.12.2026 18:00, § 18 23.12.2026 18:00.
 */
class DeadlineEvaluatorTest {

  static WorkingDayCalendar calendar;
  static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(DeadlineSettings.DEFAULTS);
  static final LocalDate MEETING = LocalDate.parse("2026-12-16");

  @BeforeAll
  static void bundledCalendar() throws IOException {
    List<CalendarSource> sources = new ArrayList<>();
    for (String year : List.of("2025", "2026", "2027")) {
      try (InputStream in = DeadlineEvaluatorTest.class.getResourceAsStream("/calendar/" + year + ".json")) {
        sources.add(new CalendarSource("classpath:calendar/" + year + ".json", year + ".json", in.readAllBytes()));
      }
    }
    calendar = CalendarLoader.load(sources, List.of());
  }

  static DeadlineEvaluator at(String now) {
    return new DeadlineEvaluator(calendar, CALCULATOR, OffsetDateTime.parse(now).toInstant());
  }

  static Completion done(String dueAt, String doneAt) {
    return new Completion(OffsetDateTime.parse(dueAt), OffsetDateTime.parse(doneAt));
  }

  @Test
  void workDoneBeforeTheDeadlineIsMetAfterItLateByWorkingDays() {
    DeadlineEvaluator e = at("2026-12-20T12:00+07:00");
    DeadlineStatus met = e.evaluate(DeadlineKind.AGENDA_TO_CHAIR, MeetingStatus.HELD, MEETING, null,
        done("2026-12-09T18:00+07:00", "2026-12-09T17:59+07:00"));
    assertThat(met.state()).isEqualTo(DeadlineState.MET);
    assertThat(met.dueDate()).isEqualTo("2026-12-09");

    // Thursday 10th and Friday 11th: two working days late
    DeadlineStatus late = e.evaluate(DeadlineKind.AGENDA_TO_CHAIR, MeetingStatus.HELD, MEETING, null,
        done("2026-12-09T18:00+07:00", "2026-12-11T10:00+07:00"));
    assertThat(late.state()).isEqualTo(DeadlineState.LATE);
    assertThat(late.lateWorkingDays()).isEqualTo(2);
    assertThat(late.text()).isEqualTo("выполнено с опозданием на 2 раб. дня");

    // at the deadline's instant is in time (calendar.Deadline.inTime, the one definition)
    DeadlineStatus atTheInstant = e.evaluate(DeadlineKind.AGENDA_TO_CHAIR, MeetingStatus.HELD, MEETING, null,
        done("2026-12-09T18:00+07:00", "2026-12-09T18:00+07:00"));
    assertThat(atTheInstant.state()).isEqualTo(DeadlineState.MET);

    // a minute after it is late: one day, though the same date
    DeadlineStatus sameDay = e.evaluate(DeadlineKind.AGENDA_TO_CHAIR, MeetingStatus.HELD, MEETING, null,
        done("2026-12-09T18:00+07:00", "2026-12-09T18:01+07:00"));
    assertThat(sameDay.state()).isEqualTo(DeadlineState.LATE);
    assertThat(sameDay.lateWorkingDays()).isEqualTo(1);

    // Friday 11th to Monday 14th over the weekend: one working day
    DeadlineStatus overWeekend = e.evaluate(DeadlineKind.AGENDA_DISTRIBUTION, MeetingStatus.HELD, MEETING, null,
        done("2026-12-11T18:00+07:00", "2026-12-14T09:00+07:00"));
    assertThat(overWeekend.lateWorkingDays()).isEqualTo(1);
  }

  @Test
  void openWorkIsUpcomingThenAtRiskWithinOneWorkingDayThenMissed() {
    assertThat(open("2026-12-07T10:00+07:00")).isEqualTo(DeadlineState.UPCOMING); // Mon: 8th and 9th remain
    assertThat(open("2026-12-08T10:00+07:00")).isEqualTo(DeadlineState.AT_RISK); // Tue: only the 9th remains
    assertThat(open("2026-12-09T17:59+07:00")).isEqualTo(DeadlineState.AT_RISK); // the due day itself
    assertThat(open("2026-12-09T18:00:01+07:00")).isEqualTo(DeadlineState.MISSED);
    assertThat(open("2026-12-05T10:00+07:00")).isEqualTo(DeadlineState.UPCOMING); // Saturday before
  }

  private static DeadlineState open(String now) {
    DeadlineStatus s = at(now).evaluate(DeadlineKind.AGENDA_TO_CHAIR, MeetingStatus.PREPARATION, MEETING, null, null);
    assertThat(s.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-09T18:00+07:00"));
    return s.state();
  }

  @Test
  void whatDoesNotApply() {
    DeadlineEvaluator e = at("2026-12-30T12:00+07:00");
    List<DeadlineStatus> notHeld = e.evaluate(MeetingStatus.NOT_HELD, MEETING, null, Map.of());
    assertThat(notHeld).extracting(DeadlineStatus::state).containsExactly(DeadlineState.MISSED, DeadlineState.MISSED,
        DeadlineState.NOT_APPLICABLE, DeadlineState.NOT_APPLICABLE);
    assertThat(notHeld.get(2).text()).isEqualTo("заседание не состоялось");

    List<DeadlineStatus> cancelled = e.evaluate(MeetingStatus.CANCELLED, MEETING, null,
        Map.of(DeadlineKind.AGENDA_TO_CHAIR, done("2026-12-09T18:00+07:00", "2026-12-08T10:00+07:00")));
    assertThat(cancelled).extracting(DeadlineStatus::state).containsExactly(DeadlineState.MET,
        DeadlineState.NOT_APPLICABLE, DeadlineState.NOT_APPLICABLE, DeadlineState.NOT_APPLICABLE);

    List<DeadlineStatus> unsigned = e.evaluate(MeetingStatus.HELD, MEETING, null, Map.of());
    assertThat(unsigned.get(3).state()).isEqualTo(DeadlineState.NOT_APPLICABLE);
    assertThat(unsigned.get(3).text()).isEqualTo("протокол ещё не подписан");

    // § 19 counts from the signing: signed Monday 21st -> due Thursday 24th
    List<DeadlineStatus> signed = e.evaluate(MeetingStatus.MINUTES_SIGNED, MEETING, LocalDate.parse("2026-12-21"),
        Map.of());
    assertThat(signed.get(3).dueDate()).isEqualTo("2026-12-24");
    assertThat(signed.get(3).state()).isEqualTo(DeadlineState.MISSED);
  }

  @Test
  void theNextDeadlineIsTheEarliestOpenOneAMissedOneFirst() {
    DeadlineEvaluator e = at("2026-12-10T12:00+07:00");
    List<DeadlineStatus> all = e.evaluate(MeetingStatus.AGENDA_APPROVED, MEETING, null,
        Map.of());
    DeadlineStatus next = DeadlineEvaluator.next(all).orElseThrow();
    assertThat(next.kind()).isEqualTo(DeadlineKind.AGENDA_TO_CHAIR);
    assertThat(next.state()).isEqualTo(DeadlineState.MISSED);

    List<DeadlineStatus> agendaDone = e.evaluate(MeetingStatus.AGENDA_APPROVED, MEETING, null,
        Map.of(DeadlineKind.AGENDA_TO_CHAIR, done("2026-12-09T18:00+07:00", "2026-12-08T10:00+07:00")));
    DeadlineStatus then = DeadlineEvaluator.next(agendaDone).orElseThrow();
    assertThat(then.kind()).isEqualTo(DeadlineKind.AGENDA_DISTRIBUTION);
    assertThat(then.state()).isEqualTo(DeadlineState.AT_RISK); // Thursday 10th, due Friday 11th
  }

  @Test
  void thePublicationIsAServiceLevelFromTheRequestWithTheSameInTimeRule() {
    // requested Thursday 17.12.2026 10:00: 2 working days -> due Monday 21.12.2026 18:00
    OffsetDateTime requested = OffsetDateTime.parse("2026-12-17T10:00+07:00");
    DeadlineEvaluator e = at("2026-12-28T12:00+07:00");
    ServiceLevelStatus met = e.publication(MeetingStatus.PUBLISHED, requested,
        OffsetDateTime.parse("2026-12-21T18:00+07:00")); // at the instant: in time
    assertThat(met.kind()).isEqualTo(DeadlineKind.PUBLICATION);
    assertThat(met.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-21T18:00+07:00"));
    assertThat(met.state()).isEqualTo(ServiceLevelState.MET);
    assertThat(met.text()).isEqualTo("размещено в срок");

    ServiceLevelStatus late = e.publication(MeetingStatus.PUBLISHED, requested,
        OffsetDateTime.parse("2026-12-22T10:00+07:00"));
    assertThat(late.state()).isEqualTo(ServiceLevelState.LATE);
    assertThat(late.lateWorkingDays()).isEqualTo(1);
    assertThat(late.text()).isEqualTo("размещено с превышением на 1 раб. день");

    assertThat(at("2026-12-21T17:00+07:00").publication(MeetingStatus.MINUTES_SIGNED, requested, null).state())
        .isEqualTo(ServiceLevelState.PENDING);
    ServiceLevelStatus exceeded = at("2026-12-21T18:00:01+07:00").publication(MeetingStatus.MINUTES_SIGNED,
        requested, null);
    assertThat(exceeded.state()).isEqualTo(ServiceLevelState.EXCEEDED);
    assertThat(exceeded.state().open()).isTrue();

    ServiceLevelStatus notRequested = e.publication(MeetingStatus.MINUTES_SIGNED, null, null);
    assertThat(notRequested.state()).isEqualTo(ServiceLevelState.NOT_APPLICABLE);
    assertThat(notRequested.dueAt()).isNull();
    assertThat(notRequested.text()).isEqualTo("информация ещё не передана для размещения");
    assertThat(e.publication(MeetingStatus.CANCELLED, null, null).text()).isEqualTo("заседание отменено");
  }
}
