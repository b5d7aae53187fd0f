package ru.nso.wg.calendar;

import ru.nso.wg.common.RussianDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A deadline of the regulation for one meeting (or one signing).
 *
 * @param kind             which deadline
 * @param clause           the clause, e.g. {@code § 13}
 * @param date             the last day (in Novosibirsk)
 * @param deadline         the end of the office day on that date, at offset +07:00
 * @param provisional      whether the result depends on a provisional year of the calendar
 * @param provisionalYears those provisional years
 * @param eventDate        the meeting date (or, for {@link DeadlineKind#MINUTES_COPIES_DUE}, the signing date)
 * @param reading          the reading applied for a backward rule; {@code null} for a forward rule
 */
public record Deadline(DeadlineKind kind, String clause, LocalDate date, OffsetDateTime deadline, boolean provisional,
                       SortedSet<Integer> provisionalYears, LocalDate eventDate, BackwardReading reading) {

  public Deadline {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(deadline, "deadline");
    provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
    if (provisional != !provisionalYears.isEmpty()) {
      throw new IllegalArgumentException("provisional must match provisionalYears");
    }
  }

  public Instant instant() {
    return deadline.toInstant();
  }

  /** What must be done, in Russian, with the clause. */
  public String description() {
    return kind.description();
  }

  /**
   * The one definition of "in time", used by every comparison of work with a deadline (the meeting record, the
   * managers' monitoring, the execution control of decisions): work done up to and including the deadline's instant
   * is in time; only later is late. The escalation timer fires at that instant with the work still open.
   */
  public static boolean inTime(Instant doneAt, Instant dueAt) {
    return !doneAt.isAfter(dueAt);
  }

  /** Whether work done at {@code doneAt} meets this deadline ({@link #inTime(Instant, Instant)}). */
  public boolean inTimeAt(Instant doneAt) {
    return inTime(doneAt, instant());
  }

  /** Whether the deadline has passed at the given moment (the deadline instant itself is still in time). */
  public boolean passedAt(Instant now) {
    return !inTimeAt(now);
  }

  /**
   * For people: «не позднее 05.05.2026 18:00 (п. 13 Положения)», followed by
   * « — по предварительному календарю на 2027 год» when the result depends on a provisional year.
   */
  public String text() {
    String text = "не позднее " + RussianDates.numericDateTime(deadline) + " (" + kind.reference() + ")";
    if (!provisional) {
      return text;
    }
    List<String> years = provisionalYears.stream().map(String::valueOf).toList();
    String list = years.size() == 1 ? years.get(0) + " год"
        : String.join(", ", years.subList(0, years.size() - 1)) + " и " + years.get(years.size() - 1) + " годы";
    return text + " — по предварительному календарю на " + list;
  }
}
