package ru.nso.wg.calendar;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One year of the production calendar as read from its data file: the decree it follows, its status and its
 * exceptions (sorted by date). Two years are equal when their content is equal, wherever they were read from.
 *
 * @param year   the calendar year
 * @param status official or provisional
 * @param decree the Government decree (or other act) the year's transfers follow
 * @param note   an optional remark of the person who maintains the file, or {@code null}
 * @param days   the exceptions, sorted by date, at most one per date
 */
public record CalendarYear(int year, YearStatus status, String decree, String note, List<CalendarDay> days) {

  public CalendarYear {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(decree, "decree");
    days = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
  }

  public boolean provisional() {
    return status == YearStatus.PROVISIONAL;
  }
}
