package ru.nso.wg.calendar;

import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * The regulation's deadlines for Java code: § 13 and § 14 before a meeting, § 18 after it, § 19 after the signing
 * of the minutes. Each result is computed from one snapshot of the production calendar.
 */
@Service
public class MeetingDeadlines {

  private final ProductionCalendar calendar;
  private final DeadlineCalculator calculator;

  public MeetingDeadlines(ProductionCalendar calendar, CalendarProperties properties) {
    this.calendar = calendar;
    this.calculator = new DeadlineCalculator(properties.deadlineSettings());
  }

  /**
   * The deadline of {@code kind} with the configured reading of the backward rules.
   *
   * @param date the meeting date, or the signing date for {@link DeadlineKind#MINUTES_COPIES_DUE}
   * @throws MissingCalendarYearException when a needed year is not loaded
   */
  public Deadline deadline(DeadlineKind kind, LocalDate date) {
    return calculator.deadline(calendar.snapshot(), kind, date);
  }

  /** The deadline of {@code kind} with the given reading of the backward rules. */
  public Deadline deadline(DeadlineKind kind, LocalDate date, BackwardReading reading) {
    return calculator.deadline(calendar.snapshot(), kind, date, reading);
  }

  /** The three deadlines that follow from the meeting date (§ 13, § 14, § 18), in this order. */
  public Map<DeadlineKind, Deadline> forMeeting(LocalDate meetingDate, BackwardReading reading) {
    WorkingDayCalendar snapshot = calendar.snapshot();
    Map<DeadlineKind, Deadline> result = new EnumMap<>(DeadlineKind.class);
    for (DeadlineKind kind : new DeadlineKind[] {
        DeadlineKind.AGENDA_TO_CHAIR, DeadlineKind.AGENDA_DISTRIBUTION, DeadlineKind.MINUTES_DUE}) {
      result.put(kind, calculator.deadline(snapshot, kind, meetingDate, reading));
    }
    return result;
  }

  /** The reminder for a deadline: the end of the office day of the working day before the deadline's date. */
  public OffsetDateTime followUp(DeadlineKind kind, LocalDate date) {
    WorkingDayCalendar snapshot = calendar.snapshot();
    return calculator.followUp(snapshot, calculator.deadline(snapshot, kind, date));
  }

  public OffsetDateTime reminder(DeadlineKind kind, LocalDate date) {
    WorkingDayCalendar snapshot = calendar.snapshot();
    return calculator.reminder(snapshot, calculator.deadline(snapshot, kind, date));
  }

  /**
   * The end of the office day {@code workingDays} working days before the meeting date, with the configured reading
   * of «не позднее N рабочих дней до» (for 3, the instant of the § 14 deadline).
   */
  public OffsetDateTime workingDaysBefore(LocalDate meetingDate, int workingDays) {
    WorkingDayCalendar snapshot = calendar.snapshot();
    int shift = calculator.settings().backwardReading().workingDaysBefore(workingDays);
    return calculator.endOfOfficeDay(snapshot, snapshot.shift(meetingDate, -shift).date());
  }

  /** The end of the office day on a date (one hour earlier on a shortened day, by default). */
  public OffsetDateTime endOfOfficeDay(LocalDate date) {
    return calculator.endOfOfficeDay(calendar.snapshot(), date);
  }

  public DeadlineSettings settings() {
    return calculator.settings();
  }
}
