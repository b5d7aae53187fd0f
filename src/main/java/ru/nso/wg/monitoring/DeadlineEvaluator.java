package ru.nso.wg.monitoring;

import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineCalculator;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MissingCalendarYearException;
import ru.nso.wg.calendar.WorkingDayCalendar;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates the four regulatory deadlines of a meeting (§ 13, § 14 and § 18 from the meeting date, § 19 from the
 * signing date) over one snapshot of the production calendar at one moment. Plain Java, no database.
 *
 * <ul>
 *   <li>Done work: the latest completion recorded for the deadline ({@code wg_deadline_event} with outcome MET or
 *       LATE, written when the task governed by the deadline is completed) with the deadline in force at that time.
 *       Done up to and including the deadline's instant ({@link Deadline#inTime}) = {@link DeadlineState#MET}; else
 *       {@link DeadlineState#LATE}, late by the number of working days after the due date up to the day it was done
 *       (at least 1: done on the due date after the end of the office day counts as one day late).</li>
 *   <li>Open work: the deadline computed from the current meeting date (or signing date). Passed =
 *       {@link DeadlineState#MISSED}; at most one working day left (the due date is today or the next working day)
 *       = {@link DeadlineState#AT_RISK}; otherwise {@link DeadlineState#UPCOMING}.</li>
 *   <li>Not applicable: open work of a cancelled meeting; § 18 and § 19 of a meeting not held for lack of quorum;
 *       § 19 before the minutes are signed; a deadline in a year the production calendar does not have yet.</li>
 * </ul>
 * The publication on the official website is not among them: its service level is evaluated apart
 * ({@link #publication}) and never counted in the compliance of the regulation.
 */
public final class DeadlineEvaluator {

  /** The deadlines a manager follows, in the order of the regulation. */
  public static final List<DeadlineKind> KINDS = List.of(DeadlineKind.AGENDA_TO_CHAIR,
      DeadlineKind.AGENDA_DISTRIBUTION, DeadlineKind.MINUTES_DUE, DeadlineKind.MINUTES_COPIES_DUE);

  /** A recorded completion of a deadline's work. */
  public record Completion(OffsetDateTime dueAt, OffsetDateTime doneAt) {
  }

  private final WorkingDayCalendar calendar;
  private final DeadlineCalculator calculator;
  private final Instant now;
  private final LocalDate today;

  public DeadlineEvaluator(WorkingDayCalendar calendar, DeadlineCalculator calculator, Instant now) {
    this.calendar = calendar;
    this.calculator = calculator;
    this.now = now;
    this.today = LocalDate.ofInstant(now, RussianDates.ZONE);
  }

  /**
   * @param status      the meeting's status
   * @param meetingDate the meeting date in Novosibirsk
   * @param signedOn    the date the minutes were signed, or {@code null}
   * @param completions the latest completion of each deadline kind that has one
   */
  public List<DeadlineStatus> evaluate(MeetingStatus status, LocalDate meetingDate, LocalDate signedOn,
                                       Map<DeadlineKind, Completion> completions) {
    List<DeadlineStatus> result = new ArrayList<>(KINDS.size());
    for (DeadlineKind kind : KINDS) {
      result.add(evaluate(kind, status, meetingDate, signedOn, completions.get(kind)));
    }
    return result;
  }

  DeadlineStatus evaluate(DeadlineKind kind, MeetingStatus status, LocalDate meetingDate, LocalDate signedOn,
                          Completion completion) {
    try {
      if (completion != null) {
        return done(kind, completion);
      }
      if (status == MeetingStatus.CANCELLED) {
        return notApplicable(kind, "заседание отменено");
      }
      boolean afterMeeting = kind == DeadlineKind.MINUTES_DUE || kind == DeadlineKind.MINUTES_COPIES_DUE;
      if (afterMeeting && status == MeetingStatus.NOT_HELD) {
        return notApplicable(kind, "заседание не состоялось");
      }
      if (kind == DeadlineKind.MINUTES_COPIES_DUE && signedOn == null) {
        return notApplicable(kind, "протокол ещё не подписан");
      }
      LocalDate from = kind == DeadlineKind.MINUTES_COPIES_DUE ? signedOn : meetingDate;
      Deadline deadline = calculator.deadline(calendar, kind, from);
      DeadlineState state;
      if (deadline.passedAt(now)) {
        state = DeadlineState.MISSED;
      } else if (workingDaysAfter(today, deadline.date()) <= 1) {
        state = DeadlineState.AT_RISK;
      } else {
        state = DeadlineState.UPCOMING;
      }
      return new DeadlineStatus(kind, deadline.date(), deadline.deadline(), null, state, 0, null);
    } catch (MissingCalendarYearException e) {
      return notApplicable(kind, e.getMessage());
    }
  }

  /**
   * The publication's service level ({@link DeadlineKind#PUBLICATION}, not a deadline of the regulation): due the
   * configured number of working days after the day the request to publish went out; published up to and including
   * its instant ({@link Deadline#inTime}) = {@link ServiceLevelState#MET}, later = {@link ServiceLevelState#LATE} by
   * working days as for a deadline; not yet published = {@link ServiceLevelState#PENDING}, or
   * {@link ServiceLevelState#EXCEEDED} once passed. Does not apply before the request (or to a cancelled meeting).
   *
   * @param requestedAt when the request to publish went out ({@code wg_meeting.publication_requested_at}), or null
   * @param publishedAt when the information was published (event {@code PUBLISHED}), or null
   */
  public ServiceLevelStatus publication(MeetingStatus status, OffsetDateTime requestedAt, OffsetDateTime publishedAt) {
    DeadlineKind kind = DeadlineKind.PUBLICATION;
    if (requestedAt == null) {
      return new ServiceLevelStatus(kind, null, null, null, publishedAt, ServiceLevelState.NOT_APPLICABLE, 0,
          status == MeetingStatus.CANCELLED ? "заседание отменено" : publishedAt == null
              ? "информация ещё не передана для размещения" : "передача информации для размещения не зафиксирована");
    }
    OffsetDateTime requested = RussianDates.atLocalOffset(requestedAt);
    try {
      Deadline due = calculator.deadline(calendar, kind, requested.toLocalDate());
      OffsetDateTime dueAt = RussianDates.atLocalOffset(due.deadline());
      if (publishedAt != null) {
        OffsetDateTime doneAt = RussianDates.atLocalOffset(publishedAt);
        if (Deadline.inTime(doneAt.toInstant(), dueAt.toInstant())) {
          return new ServiceLevelStatus(kind, requested, due.date(), dueAt, doneAt, ServiceLevelState.MET, 0, null);
        }
        int late = Math.max(1, workingDaysAfter(due.date(), doneAt.toLocalDate()));
        return new ServiceLevelStatus(kind, requested, due.date(), dueAt, doneAt, ServiceLevelState.LATE, late,
            null);
      }
      if (status == MeetingStatus.CANCELLED) {
        return new ServiceLevelStatus(kind, requested, null, null, null, ServiceLevelState.NOT_APPLICABLE, 0,
            "заседание отменено");
      }
      return new ServiceLevelStatus(kind, requested, due.date(), dueAt, null,
          due.passedAt(now) ? ServiceLevelState.EXCEEDED : ServiceLevelState.PENDING, 0, null);
    } catch (MissingCalendarYearException e) {
      return new ServiceLevelStatus(kind, requested, null, null, null, ServiceLevelState.NOT_APPLICABLE, 0,
          e.getMessage());
    }
  }

  private DeadlineStatus done(DeadlineKind kind, Completion completion) {
    OffsetDateTime dueAt = RussianDates.atLocalOffset(completion.dueAt());
    OffsetDateTime doneAt = RussianDates.atLocalOffset(completion.doneAt());
    LocalDate dueDate = dueAt.toLocalDate();
    if (Deadline.inTime(doneAt.toInstant(), dueAt.toInstant())) {
      return new DeadlineStatus(kind, dueDate, dueAt, doneAt, DeadlineState.MET, 0, null);
    }
    int late = Math.max(1, workingDaysAfter(dueDate, doneAt.toLocalDate()));
    return new DeadlineStatus(kind, dueDate, dueAt, doneAt, DeadlineState.LATE, late, null);
  }

  private static DeadlineStatus notApplicable(DeadlineKind kind, String why) {
    return new DeadlineStatus(kind, null, null, null, DeadlineState.NOT_APPLICABLE, 0, why);
  }

  /** The number of working days d with {@code from < d <= to} (0 when {@code to} is not after {@code from}). */
  int workingDaysAfter(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** The first open deadline by its instant (a missed one comes first), if any. */
  public static Optional<DeadlineStatus> next(List<DeadlineStatus> deadlines) {
    return deadlines.stream().filter(d -> d.state().open() && d.dueAt() != null)
        .min(Comparator.comparing(DeadlineStatus::dueAt));
  }

  /** Today in Novosibirsk at the evaluation moment. */
  public LocalDate today() {
    return today;
  }

  public WorkingDayCalendar calendar() {
    return calendar;
  }
}
