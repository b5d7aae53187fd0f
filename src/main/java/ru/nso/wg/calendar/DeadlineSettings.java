package ru.nso.wg.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How deadline dates become instants, and which reading the backward rules follow.
 *
 * @param officeDayEnd    end of the office day in Novosibirsk (default 18:00)
 * @param shortenedBy     how much earlier a shortened day ends (default one hour)
 * @param backwardReading reading of the backward rules (default A)
 */
public record DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading) {

  public static final DeadlineSettings DEFAULTS =
      new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.A);

  public DeadlineSettings {
    Objects.requireNonNull(officeDayEnd, "officeDayEnd");
    Objects.requireNonNull(shortenedBy, "shortenedBy");
    Objects.requireNonNull(backwardReading, "backwardReading");
    if (shortenedBy.isNegative()) {
      throw new IllegalArgumentException("Сокращение предпраздничного дня (wg.calendar.shortened-by) не может быть "
          + "отрицательным: " + shortenedBy);
    }
    if (shortenedBy.compareTo(Duration.ofSeconds(officeDayEnd.toSecondOfDay())) >= 0) {
      throw new IllegalArgumentException("Сокращение предпраздничного дня (wg.calendar.shortened-by = " + shortenedBy
          + ") должно быть меньше времени окончания рабочего дня (wg.calendar.office-day-end = " + officeDayEnd + ")");
    }
  }

  /** When the office day ends, on a normal or a shortened day. */
  public LocalTime endOfDay(boolean shortened) {
    return shortened ? officeDayEnd.minus(shortenedBy) : officeDayEnd;
  }
}
