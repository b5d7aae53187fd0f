package ru.nso.wg.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.calendar.TestCalendars.date;

class WorkingDayCalendarTest {

  private final WorkingDayCalendar calendar = TestCalendars.bundled();

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
      "2026-05-13, true",   // plain Wednesday
      "2026-05-16, false",  // plain Saturday
      "2026-05-11, false",  // Monday, day off moved from Saturday 09.05
      "2024-04-27, true",   // working Saturday
      "2024-12-28, true",   // working Saturday
      "2025-02-24, true",   // the decree overrode the automatic transfer of 23.02.2025
      "2025-03-10, true",   // likewise for 08.03.2025
      "2025-12-31, false",  // moved from Sunday 05.01.2025
      "2026-01-09, false",
      "2027-11-05, false",
  })
  void workingDay(LocalDate date, boolean working) {
    assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} is shortened: {1}")
  @CsvSource({
      "2026-05-08, true",
      "2026-05-07, false",
      "2024-11-02, true",   // working Saturday, shortened
      "2024-12-28, false",  // working Saturday before transferred days off only: not shortened
      "2025-05-07, false",  // the day before a transferred day off is not shortened
      "2026-05-09, false",  // a day off is never shortened
  })
  void shortenedDay(LocalDate date, boolean shortened) {
    assertThat(calendar.isShortenedDay(date)).isEqualTo(shortened);
  }

  @Test
  void forwardCountDoesNotCountTheStartDay() {
    // Wednesday 13.05.2026 + 1 → Thursday 14.05, not 13.05 itself.
    assertThat(calendar.shift(date("2026-05-13"), 1).date()).isEqualTo(date("2026-05-14"));
    assertThat(calendar.shift(date("2026-05-13"), -1).date()).isEqualTo(date("2026-05-12"));
  }

  @Test
  void workingSaturdayIsCounted() {
    assertThat(calendar.shift(date("2024-04-26"), 1).date()).isEqualTo(date("2024-04-27"));
    // 28.04 Sunday, 29.04 and 30.04 moved days off, 01.05 holiday.
    assertThat(calendar.shift(date("2024-04-27"), 1).date()).isEqualTo(date("2024-05-02"));
  }

  @Test
  void countingCrossesNewYear() {
    // 31.12.2025–11.01.2026 are non-working.
    assertThat(calendar.shift(date("2025-12-30"), 1).date()).isEqualTo(date("2026-01-12"));
    assertThat(calendar.shift(date("2026-01-12"), -1).date()).isEqualTo(date("2025-12-30"));
    assertThat(calendar.shift(date("2024-12-27"), 2).date()).isEqualTo(date("2025-01-09")); // 28.12.2024 works
  }

  @Test
  void eventOnANonWorkingDayCountsFromTheNextDay() {
    // Signing on Saturday 09.05.2026: 10.05 Sunday, 11.05 day off; 12, 13, 14 May.
    assertThat(calendar.shift(date("2026-05-09"), 3).date()).isEqualTo(date("2026-05-14"));
    // Signing on a holiday, 01.01.2026: first working day is 12.01.
    assertThat(calendar.shift(date("2026-01-01"), 1).date()).isEqualTo(date("2026-01-12"));
  }

  @Test
  void zeroWorkingDaysIsRefused() {
    assertThatThrownBy(() -> calendar.shift(date("2026-05-13"), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingYearIsNamedAndNeverGuessed() {
    assertThatThrownBy(() -> calendar.isWorkingDay(date("2029-03-14")))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("Производственный календарь на 2029 год не загружен")
        .satisfies(e -> assertThat(((MissingCalendarYearException) e).year()).isEqualTo(2029));
    // 29 and 30 December 2027 are counted, 31.12.2027 is a day off, then 2028 is needed.
    assertThatThrownBy(() -> calendar.shift(date("2027-12-28"), 3))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("на 2028 год");
    assertThatThrownBy(() -> calendar.shift(date("2024-01-10"), -5))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("на 2023 год");
    assertThatThrownBy(() -> calendar.workingDaysIn(2023)).isInstanceOf(MissingCalendarYearException.class);
  }

  @Test
  void aResultThatDependsOnAProvisionalYearSaysSo() {
    WorkingDayResult inside2026 = calendar.shift(date("2026-12-01"), 5);
    assertThat(inside2026.provisional()).isFalse();
    assertThat(inside2026.provisionalYears()).isEmpty();

    WorkingDayResult into2027 = calendar.shift(date("2026-12-28"), 3); // 29, 30 Dec, then 11.01.2027
    assertThat(into2027.date()).isEqualTo(date("2027-01-11"));
    assertThat(into2027.provisional()).isTrue();
    assertThat(into2027.provisionalYears()).containsExactly(2027);

    // Backward from January 2027 ends in 2026, but 2027's holidays decided it.
    WorkingDayResult back = calendar.shift(date("2027-01-14"), -5);
    assertThat(back.date()).isEqualTo(date("2026-12-29"));
    assertThat(back.provisionalYears()).containsExactly(2027);

    // Counts whose examined days include 01–10.01.2027 (all non-working) depend on 2027, in both directions.
    assertThat(calendar.shift(date("2026-12-30"), 1).provisional()).isTrue();
    assertThat(calendar.shift(date("2027-01-11"), -1).date()).isEqualTo(date("2026-12-30"));
    assertThat(calendar.shift(date("2027-01-11"), -1).provisional()).isTrue();

    // The day counted from is not examined: a count back from 01.01.2027 that lies wholly in 2026 does not
    // depend on 2027.
    WorkingDayResult fromProvisionalDay = calendar.shift(date("2027-01-01"), -5);
    assertThat(fromProvisionalDay.date()).isEqualTo(date("2026-12-24"));
    assertThat(fromProvisionalDay.provisional()).isFalse();
  }

  @Test
  void aLoadedYearWithoutExceptionsIsMondayToFridayAndItsNeighboursStayMissing() {
    CalendarYear empty = new CalendarYear(2030, YearStatus.OFFICIAL, "Тест", null, List.of());
    WorkingDayCalendar only2030 = new WorkingDayCalendar(Map.of(2030, empty), Map.of(2030, "test"));
    assertThat(only2030.workingDaysIn(2030)).isEqualTo(261);
    assertThatThrownBy(() -> only2030.isWorkingDay(date("2031-01-01")))
        .isInstanceOf(MissingCalendarYearException.class);
  }

  @Test
  void changedYearsCompareContentNotSource() {
    WorkingDayCalendar same = new WorkingDayCalendar(
        Map.of(2024, calendar.year(2024).orElseThrow(), 2025, calendar.year(2025).orElseThrow(),
            2026, calendar.year(2026).orElseThrow(), 2027, calendar.year(2027).orElseThrow()),
        Map.of(2024, "a", 2025, "b", 2026, "c", 2027, "d"));
    assertThat(calendar.changedYears(same)).isEmpty();
    assertThat(calendar.fingerprint()).isEqualTo(same.fingerprint());

    CalendarYear year2026 = calendar.year(2026).orElseThrow();
    List<CalendarDay> days = new ArrayList<>(year2026.days());
    days.add(new CalendarDay(date("2026-05-06"), DayType.NON_WORKING, false, "Тест"));
    WorkingDayCalendar changed = new WorkingDayCalendar(
        Map.of(2025, calendar.year(2025).orElseThrow(),
            2026, new CalendarYear(2026, year2026.status(), year2026.decree(), year2026.note(), days),
            2027, calendar.year(2027).orElseThrow(), 2028, new CalendarYear(2028, YearStatus.PROVISIONAL, "Тест", null,
                List.of())),
        Map.of(2025, "b", 2026, "c", 2027, "d", 2028, "e"));
    assertThat(calendar.changedYears(changed)).containsExactly(2024, 2026, 2028);
    assertThat(calendar.fingerprint()).isNotEqualTo(changed.fingerprint());
  }
}
