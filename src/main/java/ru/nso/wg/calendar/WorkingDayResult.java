package ru.nso.wg.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The result of counting working days.
 *
 * @param from             the date counted from (not itself counted)
 * @param workingDays      how many working days were counted: positive forward, negative backward
 * @param date             the working day reached
 * @param provisionalYears the years of the counted range whose calendar is provisional (empty when all are official)
 */
public record WorkingDayResult(LocalDate from, int workingDays, LocalDate date, SortedSet<Integer> provisionalYears) {

  public WorkingDayResult {
    provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
  }

  /** Whether the result depends on a year whose calendar is not yet confirmed. */
  public boolean provisional() {
    return !provisionalYears.isEmpty();
  }
}
