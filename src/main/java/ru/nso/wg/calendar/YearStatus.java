package ru.nso.wg.calendar;

import java.util.Arrays;
import java.util.Optional;

/** Whether a year's list follows a confirmed official decree, or is provisional until an administrator confirms it. */
public enum YearStatus {

  OFFICIAL("official"),
  PROVISIONAL("provisional");

  private final String code;

  YearStatus(String code) {
    this.code = code;
  }

  /** The spelling in the data files and the API. */
  public String code() {
    return code;
  }

  public static Optional<YearStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
