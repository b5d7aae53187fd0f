package ru.nso.wg.document.model;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as Russian official documents print them: «13 мая 2026 г.», «10:00». Always Asia/Novosibirsk. */
public final class RussianDates {

  private static final String[] MONTHS_GENITIVE = {
      "января", "февраля", "марта", "апреля", "мая", "июня",
      "июля", "августа", "сентября", "октября", "ноября", "декабря"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private RussianDates() {
  }

  /** «13 мая 2026 г.» */
  public static String date(LocalDate date) {
    if (date == null) {
      return "";
    }
    return date.getDayOfMonth() + " " + MONTHS_GENITIVE[date.getMonthValue() - 1] + " " + date.getYear() + " г.";
  }

  /** «13 мая 2026 г.» of the moment in Asia/Novosibirsk. */
  public static String date(ZonedDateTime dateTime) {
    return dateTime == null ? "" : date(dateTime.withZoneSameInstant(MeetingInfo.ZONE).toLocalDate());
  }

  /** «10:00» in Asia/Novosibirsk. */
  public static String time(ZonedDateTime dateTime) {
    return dateTime == null ? "" : TIME.format(dateTime.withZoneSameInstant(MeetingInfo.ZONE));
  }

  /** «13 мая 2026 г. в 10:00 (время новосибирское)». */
  public static String dateTime(ZonedDateTime dateTime) {
    return dateTime == null ? "" : date(dateTime) + " в " + time(dateTime) + " (время новосибирское)";
  }

  /** «13.05.2026» (file names). */
  public static String numeric(ZonedDateTime dateTime) {
    return dateTime == null ? "" : NUMERIC.format(dateTime.withZoneSameInstant(MeetingInfo.ZONE));
  }
}
