package ru.nso.wg.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable set of years of the production calendar and the working-day arithmetic over it.
 *
 * <p>A working day is a Monday–Friday that is not listed as non-working, or a Saturday/Sunday listed as a
 * working day. Any question about a date of a year that is not loaded throws {@link MissingCalendarYearException}:
 * there is no fallback to "Monday–Friday".
 *
 * <p>Counting follows Civil Code art. 191: the day counted from is never counted itself, whether or not it is a
 * working day; the result is the N-th working day after (or before) it.
 */
public final class WorkingDayCalendar {

  private final SortedMap<Integer, CalendarYear> years;
  private final Map<Integer, String> sources;
  private final Map<LocalDate, CalendarDay> exceptions = new HashMap<>();

  /**
   * @param years   the years by number
   * @param sources where each year was read from (for people)
   */
  public WorkingDayCalendar(Map<Integer, CalendarYear> years, Map<Integer, String> sources) {
    this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
    this.sources = Map.copyOf(sources);
    this.years.forEach((number, year) -> {
      if (number != year.year()) {
        throw new IllegalArgumentException("Year " + number + " holds the data of " + year.year());
      }
      year.days().forEach(day -> exceptions.put(day.date(), day));
    });
  }

  /** Whether the date is a working day. */
  public boolean isWorkingDay(LocalDate date) {
    Optional<CalendarDay> exception = exception(date);
    return exception.map(CalendarDay::working).orElseGet(() -> !CalendarDay.isWeekend(date));
  }

  /** Whether the date is a shortened (pre-holiday) working day. */
  public boolean isShortenedDay(LocalDate date) {
    return exception(date).map(CalendarDay::shortened).orElse(false);
  }

  /** The exception listed for the date, if any (the date's year must be loaded). */
  public Optional<CalendarDay> exception(LocalDate date) {
    requireYear(date.getYear());
    return Optional.ofNullable(exceptions.get(date));
  }

  /**
   * The N-th working day after {@code from} (N &gt; 0) or before it (N &lt; 0); {@code from} itself is not counted.
   *
   * @throws IllegalArgumentException     when N is 0
   * @throws MissingCalendarYearException when the count reaches a year that is not loaded
   */
  public WorkingDayResult shift(LocalDate from, int workingDays) {
    Objects.requireNonNull(from, "from");
    if (workingDays == 0) {
      throw new IllegalArgumentException("Число рабочих дней для отсчёта не может быть равно нулю");
    }
    int step = workingDays > 0 ? 1 : -1;
    long remaining = Math.abs((long) workingDays);
    LocalDate date = from;
    while (remaining > 0) {
      date = date.plusDays(step);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    LocalDate first = step > 0 ? from.plusDays(1) : date;
    LocalDate last = step > 0 ? date : from.minusDays(1);
    return new WorkingDayResult(from, workingDays, date, provisionalYears(first, last));
  }

  /** The provisional years among those from {@code first} to {@code last} (inclusive). */
  public SortedSet<Integer> provisionalYears(LocalDate first, LocalDate last) {
    SortedSet<Integer> provisional = new TreeSet<>();
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      CalendarYear data = years.get(year);
      if (data == null) {
        throw new MissingCalendarYearException(year);
      }
      if (data.provisional()) {
        provisional.add(year);
      }
    }
    return provisional;
  }

  /** The number of working days in a loaded year. */
  public int workingDaysIn(int year) {
    requireYear(year);
    int count = 0;
    for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  public Optional<CalendarYear> year(int year) {
    return Optional.ofNullable(years.get(year));
  }

  /** Where a loaded year was read from. */
  public Optional<String> source(int year) {
    return Optional.ofNullable(sources.get(year));
  }

  /** The loaded years, ascending. */
  public SortedSet<Integer> years() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
  }

  /** The years that are added, removed or different in {@code other} compared with this calendar. */
  public SortedSet<Integer> changedYears(WorkingDayCalendar other) {
    SortedSet<Integer> all = new TreeSet<>(years.keySet());
    all.addAll(other.years.keySet());
    all.removeIf(year -> Objects.equals(years.get(year), other.years.get(year)));
    return all;
  }

  /** A SHA-256 digest of the content of every loaded year (not of where it was read from). */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    years.values().forEach(year -> {
      canonical.append(year.year()).append('|').append(year.status().code()).append('|').append(year.decree())
          .append('|').append(Objects.toString(year.note(), "")).append('\n');
      year.days().forEach(day -> canonical.append(day.date()).append('|').append(day.type().code()).append('|')
          .append(day.shortened()).append('|').append(day.reason()).append('\n'));
    });
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void requireYear(int year) {
    if (!years.containsKey(year)) {
      throw new MissingCalendarYearException(year);
    }
  }
}
