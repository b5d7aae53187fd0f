package ru.nso.wg.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * How deadline dates become instants, and which reading the backward rules follow.
 *
 * @param officeDayEnd    end of the office day in Novosibirsk (default 18:00)
 * @param shortenedBy     how much earlier a shortened day ends (default one hour)
 * @param backwardReading        reading of the backward rules (default A)
 * @param publicationWorkingDays the service level of publication ({@link DeadlineKind#PUBLICATION}): working days
 *                               after the request to the information-policy department (default 2)
 */
public record DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading,
                               int publicationWorkingDays) {

  public static final DeadlineSettings DEFAULTS =
      new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.A);

  /** With the default service level of publication. */
  public DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading) {
    this(officeDayEnd, shortenedBy, backwardReading, DeadlineKind.PUBLICATION.workingDays());
  }

  public DeadlineSettings {
    if (publicationWorkingDays < 1 || publicationWorkingDays > 30) {
      throw new IllegalArgumentException("Срок размещения информации о заседании (wg.calendar.publication-working-days)"
          + " должен быть от 1 до 30 рабочих дней: " + publicationWorkingDays);
    }
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

  /** The working days of {@code kind} in force: the regulation's, or the configured service level of publication. */
  public int workingDays(DeadlineKind kind) {
    return kind == DeadlineKind.PUBLICATION ? publicationWorkingDays : kind.workingDays();
  }

  /** When the office day ends, on a normal or a shortened day. */
  public LocalTime endOfDay(boolean shortened) {
    return shortened ? officeDayEnd.minus(shortenedBy) : officeDayEnd;
  }
}
