package ru.nso.wg.calendar;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped data against a second, independent transcription of the reference
 * (the per-year lists of the official decrees, typed again here from the decrees): a typo in either shows up here.
 */
class BundledCalendarDataTest {

  private final WorkingDayCalendar calendar = TestCalendars.bundled();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // year; status; decree number; non-working weekdays; working Saturdays/Sundays; shortened days; working days
      "2024; official; № 1314; 01.01 02.01 03.01 04.01 05.01 08.01 23.02 08.03 29.04 30.04 01.05 09.05 10.05 12.06 "
          + "04.11 30.12 31.12; 27.04 02.11 28.12; 22.02 07.03 08.05 11.06 02.11; 248",
      "2025; official; № 1335; 01.01 02.01 03.01 06.01 07.01 08.01 01.05 02.05 08.05 09.05 12.06 13.06 03.11 04.11 "
          + "31.12; 01.11; 07.03 30.04 11.06 01.11; 247",
      "2026; official; № 1466; 01.01 02.01 05.01 06.01 07.01 08.01 09.01 23.02 09.03 01.05 11.05 12.06 04.11 31.12; "
          + "; 30.04 08.05 11.06 03.11; 247",
      "2027; provisional; № 1187; 01.01 04.01 05.01 06.01 07.01 08.01 22.02 23.02 08.03 03.05 10.05 14.06 04.11 "
          + "05.11 31.12; 20.02; 20.02 30.04 11.06 03.11; 247",
  })
  void matchesTheReference(int year, String status, String decree, String nonWorking, String workingWeekend,
                           String shortened, int workingDays) {
    CalendarYear data = calendar.year(year).orElseThrow();
    assertThat(data.status().code()).isEqualTo(status);
    assertThat(data.decree()).contains(decree);

    assertThat(datesOf(data, DayType.NON_WORKING)).isEqualTo(dates(year, nonWorking));
    assertThat(datesOf(data, DayType.WORKING_WEEKEND)).isEqualTo(dates(year, workingWeekend));
    Set<LocalDate> shortenedDays = data.days().stream().filter(CalendarDay::shortened).map(CalendarDay::date)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(shortenedDays).isEqualTo(dates(year, shortened));
    assertThat(data.days()).allSatisfy(day -> assertThat(day.reason()).isNotBlank());

    assertThat(calendar.workingDaysIn(year)).isEqualTo(workingDays);
  }

  private static Set<LocalDate> datesOf(CalendarYear year, DayType type) {
    return year.days().stream().filter(d -> d.type() == type).map(CalendarDay::date)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<LocalDate> dates(int year, String list) {
    if (list == null || list.isBlank()) {
      return new TreeSet<>();
    }
    return Arrays.stream(list.trim().split("\\s+"))
        .map(dm -> LocalDate.of(year, Integer.parseInt(dm.substring(3, 5)), Integer.parseInt(dm.substring(0, 2))))
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
