package ru.nso.wg.calendar;

/**
 * A production-calendar data file (or the set of them) cannot be used. The message, in Russian, names the file
 * and the offending entry, so that an administrator can correct it.
 */
public class CalendarDataException extends RuntimeException {

  public CalendarDataException(String message) {
    super(message);
  }

  public CalendarDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
