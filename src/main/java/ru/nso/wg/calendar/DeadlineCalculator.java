package ru.nso.wg.calendar;

import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** Computes the regulation's deadlines over a calendar snapshot (plain Java, no framework). */
public final class DeadlineCalculator {

  private final DeadlineSettings settings;

  public DeadlineCalculator(DeadlineSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public DeadlineSettings settings() {
    return settings;
  }

  /** The deadline with the configured reading of the backward rules. */
  public Deadline deadline(WorkingDayCalendar calendar, DeadlineKind kind, LocalDate eventDate) {
    return deadline(calendar, kind, eventDate, settings.backwardReading());
  }

  /**
   * The deadline of {@code kind} for a meeting (or signing) on {@code eventDate}.
   *
   * @param reading the reading of the backward rules (ignored for the forward rules)
   * @throws MissingCalendarYearException when a needed year is not loaded
   */
  public Deadline deadline(WorkingDayCalendar calendar, DeadlineKind kind, LocalDate eventDate,
                           BackwardReading reading) {
    Objects.requireNonNull(eventDate, "eventDate");
    Objects.requireNonNull(reading, "reading");
    if (kind == DeadlineKind.MATERIALS) {
      // the configured number of working days before the agenda's deadline of § 13
      Deadline agenda = deadline(calendar, DeadlineKind.AGENDA_TO_CHAIR, eventDate, reading);
      WorkingDayResult earlier = calendar.shift(agenda.date(), -settings.materialsWorkingDays());
      SortedSet<Integer> provisional = new TreeSet<>(agenda.provisionalYears());
      provisional.addAll(earlier.provisionalYears());
      return new Deadline(kind, kind.clause(), earlier.date(), endOfOfficeDay(calendar, earlier.date()),
          !provisional.isEmpty(), provisional, eventDate, reading);
    }
    int workingDays = kind.backward() ? -reading.workingDaysBefore(-kind.workingDays()) : settings.workingDays(kind);
    WorkingDayResult result = calendar.shift(eventDate, workingDays);
    return new Deadline(kind, kind.clause(), result.date(), endOfOfficeDay(calendar, result.date()),
        result.provisional(), result.provisionalYears(), eventDate, kind.backward() ? reading : null);
  }

  /** The end of the office day on a date, in Novosibirsk (one hour earlier on a shortened day by default). */
  public OffsetDateTime endOfOfficeDay(WorkingDayCalendar calendar, LocalDate date) {
    return ZonedDateTime.of(date, settings.endOfDay(calendar.isShortenedDay(date)), RussianDates.ZONE)
        .toOffsetDateTime();
  }

  /** The reminder: the end of the office day of the working day before the deadline's date. */
  public OffsetDateTime followUp(WorkingDayCalendar calendar, Deadline deadline) {
    return endOfOfficeDay(calendar, calendar.shift(deadline.date(), -1).date());
  }

  /**
   * The e-mail reminder: the end of the office day two working days before the deadline's date, so that a full
   * working day remains even under the stricter reading B of a backward deadline.
   */
  public OffsetDateTime reminder(WorkingDayCalendar calendar, Deadline deadline) {
    return endOfOfficeDay(calendar, calendar.shift(deadline.date(), -2).date());
  }
}
