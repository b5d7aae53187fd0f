package ru.nso.wg.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Settings {@code wg.calendar.*}.
 *
 * @param directory       where administrators drop {@code <year>.json} files that override the bundled ones
 * @param officeDayEnd    end of the office day in Novosibirsk, {@code HH:mm}; a deadline expires at that time
 * @param shortenedBy     how much earlier a shortened (pre-holiday) day ends
 * @param backwardReading reading of «не позднее N рабочих дней до заседания»: {@code A} or {@code B}
 * @param publicationWorkingDays the service level of publication: working days after the request (default 2)
 * @param materialsWorkingDays   the speakers' materials: working days before the agenda's deadline of § 13
 *                               (default 2)
 */
@ConfigurationProperties("wg.calendar")
public record CalendarProperties(
    @DefaultValue("./data/calendar") String directory,
    @DefaultValue("18:00") String officeDayEnd,
    @DefaultValue("PT1H") Duration shortenedBy,
    @DefaultValue("A") BackwardReading backwardReading,
    @DefaultValue("2") int publicationWorkingDays,
    @DefaultValue("2") int materialsWorkingDays) {

  @ConstructorBinding
  public CalendarProperties {
  }

  /** With the default service level of publication. */
  public CalendarProperties(String directory, String officeDayEnd, Duration shortenedBy,
                            BackwardReading backwardReading) {
    this(directory, officeDayEnd, shortenedBy, backwardReading, DeadlineKind.PUBLICATION.workingDays(),
        DeadlineSettings.MATERIALS_WORKING_DAYS);
  }

  public Path directoryPath() {
    return Path.of(directory);
  }

  /** @throws IllegalArgumentException with a Russian message when a setting is invalid */
  public DeadlineSettings deadlineSettings() {
    LocalTime end;
    try {
      end = LocalTime.parse(officeDayEnd.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Недопустимое время окончания рабочего дня wg.calendar.office-day-end = «"
          + officeDayEnd + "»: ожидается ЧЧ:ММ, например 18:00");
    }
    return new DeadlineSettings(end, shortenedBy, backwardReading, publicationWorkingDays, materialsWorkingDays);
  }
}
