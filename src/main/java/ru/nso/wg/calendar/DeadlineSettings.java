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
 * @param materialsWorkingDays   the speakers' materials ({@link DeadlineKind#MATERIALS}): working days before the
 *                               agenda's deadline of § 13 (default 2)
 */
public record DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading,
                               int publicationWorkingDays, int materialsWorkingDays) {

  /** The default number of working days the speakers' materials are due before the agenda's deadline (§ 13). */
  public static final int MATERIALS_WORKING_DAYS = 2;

  public static final DeadlineSettings DEFAULTS =
      new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.A);

  /** With the default service level of publication. */
  public DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading) {
    this(officeDayEnd, shortenedBy, backwardReading, DeadlineKind.PUBLICATION.workingDays());
  }

  /** With the default deadline of the speakers' materials. */
  public DeadlineSettings(LocalTime officeDayEnd, Duration shortenedBy, BackwardReading backwardReading,
                          int publicationWorkingDays) {
    this(officeDayEnd, shortenedBy, backwardReading, publicationWorkingDays, MATERIALS_WORKING_DAYS);
  }

  public DeadlineSettings {
    if (materialsWorkingDays < 1 || materialsWorkingDays > 20) {
      throw new IllegalArgumentException("Срок представления материалов (wg.calendar.materials-working-days) должен"
          + " быть от 1 до 20 рабочих дней до срока п. 13: " + materialsWorkingDays);
    }
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
