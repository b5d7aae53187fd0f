package ru.nso.wg.calendar;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of an exception in a year's production calendar, as spelled in the data files. */
public enum DayType {

  /** A Monday–Friday that is not a working day: a non-working holiday or a day off transferred by a decree. */
  NON_WORKING("non-working"),
  /** A Saturday or Sunday that a decree makes a working day (it may also be shortened). */
  WORKING_WEEKEND("working-weekend"),
  /**
   * A Monday–Friday working day that is one hour shorter: the day before a non-working holiday (Labour Code
   * art. 95).
   */
  SHORTENED("shortened");

  private final String code;

  DayType(String code) {
    this.code = code;
  }

  /** The spelling in the data files. */
  public String code() {
    return code;
  }

  public static Optional<DayType> fromCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  static String allCodes() {
    return Arrays.stream(values()).map(t -> "«" + t.code + "»").collect(Collectors.joining(", "));
  }
}
