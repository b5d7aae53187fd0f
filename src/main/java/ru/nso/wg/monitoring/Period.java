package ru.nso.wg.monitoring;


import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;

/**
 * A period of meeting dates, both ends included, in Novosibirsk. Meetings belong to a period by their date;
 * decisions by the date of the meeting that adopted them.
 */
public record Period(LocalDate from, LocalDate to) {

  /** Longest period a request may ask for (a report over more than this is a mistake, not a need). */
  public static final int MAX_YEARS = 10;

  public Period {
    if (from.isAfter(to)) {
      throw new Refusal("Начало периода (" + from + ") позже его окончания (" + to + ")");
    }
    if (from.plusYears(MAX_YEARS).isBefore(to)) {
      throw new Refusal("Период длиннее " + MAX_YEARS + " лет: укажите более короткий");
    }
  }

  /** The calendar year of {@code today}. */
  public static Period yearOf(LocalDate today) {
    return new Period(LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31));
  }

  /**
   * Parses {@code from}/{@code to} ({@code YYYY-MM-DD}); a missing end defaults to the start or end of the year of
   * {@code today} (or of the other end's year).
   */
  public static Period parse(String from, String to, LocalDate today) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start == null && end == null) {
      return yearOf(today);
    }
    if (start == null) {
      start = LocalDate.of(end.getYear(), 1, 1);
    }
    if (end == null) {
      end = LocalDate.of(start.getYear(), 12, 31);
    }
    return new Period(start, end);
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new Refusal("Параметр «" + name + "»: «" + value
          + "» — не дата; укажите дату в формате ГГГГ-ММ-ДД, например 2026-01-01");
    }
  }

  /** The first instant of the period. */
  public OffsetDateTime start() {
    return from.atStartOfDay(RussianDates.ZONE).toOffsetDateTime();
  }

  /** The first instant after the period. */
  public OffsetDateTime end() {
    return to.plusDays(1).atStartOfDay(RussianDates.ZONE).toOffsetDateTime();
  }
}
