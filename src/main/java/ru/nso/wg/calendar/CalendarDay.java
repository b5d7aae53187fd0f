package ru.nso.wg.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One exception of a production calendar: a date whose status differs from the plain rule "Monday–Friday work,
 * Saturday and Sunday rest, eight-hour days".
 *
 * @param date      the date
 * @param type      what kind of exception it is
 * @param shortened whether the day (a working day) is one hour shorter: always {@code true} for
 *                  {@link DayType#SHORTENED}, optional for {@link DayType#WORKING_WEEKEND}, never for
 *                  {@link DayType#NON_WORKING}
 * @param reason    why (the holiday, or the decree that moved the day off), in Russian
 */
public record CalendarDay(LocalDate date, DayType type, boolean shortened, String reason) {

  public CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
    if (type == DayType.SHORTENED && !shortened) {
      throw new IllegalArgumentException("A day of type shortened is shortened");
    }
    if (type == DayType.NON_WORKING && shortened) {
      throw new IllegalArgumentException("A non-working day cannot be shortened");
    }
  }

  public boolean working() {
    return type != DayType.NON_WORKING;
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
