package ru.nso.wg.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;

/**
 * The working group's time zone and every way the product prints a date or a time for a person: «13 мая 2026 г.»,
 * «13.05.2026», «13.05.2026 10:00», «10:00». The JVM runs in UTC; business dates are Asia/Novosibirsk.
 */
public final class RussianDates {

  /** Novosibirsk Oblast: UTC+7, no daylight saving time. The one time-zone constant of the application. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Novosibirsk");
  private static final ZoneRules RULES = ZONE.getRules();

  private static final String[] MONTHS_GENITIVE = {
      "января", "февраля", "марта", "апреля", "мая", "июня",
      "июля", "августа", "сентября", "октября", "ноября", "декабря"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd.MM.uuuu");
  private static final DateTimeFormatter NUMERIC_DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

  private RussianDates() {
  }

  /** The moment in Novosibirsk. */
  public static ZonedDateTime local(OffsetDateTime moment) {
    return moment == null ? null : moment.atZoneSameInstant(ZONE);
  }

  /**
   * The moment at Novosibirsk's offset of that moment: the same as {@code moment.atZoneSameInstant(ZONE)
   * .toOffsetDateTime()}, without checking the local time against the zone's history of transitions, which the
   * managers' dashboard would do tens of thousands of times per answer ({@code RussianDatesTest} keeps them equal).
   */
  public static OffsetDateTime atLocalOffset(OffsetDateTime moment) {
    return moment == null ? null : moment.withOffsetSameInstant(RULES.getOffset(moment.toInstant()));
  }

  /** The date of the moment in Novosibirsk. */
  public static LocalDate localDate(OffsetDateTime moment) {
    return moment == null ? null : moment.atZoneSameInstant(ZONE).toLocalDate();
  }

  /** «13 мая 2026 г.» */
  public static String date(LocalDate date) {
    if (date == null) {
      return "";
    }
    return date.getDayOfMonth() + " " + MONTHS_GENITIVE[date.getMonthValue() - 1] + " " + date.getYear() + " г.";
  }

  /** «13 мая 2026 г.» of the moment in Novosibirsk. */
  public static String date(ZonedDateTime dateTime) {
    return dateTime == null ? "" : date(dateTime.withZoneSameInstant(ZONE).toLocalDate());
  }

  /** «10:00» in Novosibirsk. */
  public static String time(ZonedDateTime dateTime) {
    return dateTime == null ? "" : TIME.format(dateTime.withZoneSameInstant(ZONE));
  }

  /** «13 мая 2026 г. в 10:00 (время новосибирское)». */
  public static String dateTime(ZonedDateTime dateTime) {
    return dateTime == null ? "" : date(dateTime) + " в " + time(dateTime) + " (время новосибирское)";
  }

  /** «13.05.2026» (a date, or a moment in Novosibirsk); empty for none. */
  public static String numeric(TemporalAccessor dateOrMoment) {
    return dateOrMoment == null ? "" : NUMERIC.format(inZone(dateOrMoment));
  }

  /** «13.05.2026 10:00» of a moment in Novosibirsk; empty for none. */
  public static String numericDateTime(TemporalAccessor moment) {
    return moment == null ? "" : NUMERIC_DATE_TIME.format(inZone(moment));
  }

  private static TemporalAccessor inZone(TemporalAccessor value) {
    if (value instanceof ZonedDateTime zoned) {
      return zoned.withZoneSameInstant(ZONE);
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.atZoneSameInstant(ZONE);
    }
    return value;
  }
}
