package ru.nso.wg.calendar;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The production calendar of the running application: the bundled year files ({@code classpath:calendar/*.json})
 * overridden by the administrator's directory ({@code wg.calendar.directory}). A bad file refuses the start of the
 * application; on {@link #reload()} it refuses the new set and keeps the calendar in use.
 *
 * <p>Every method answers from one consistent snapshot; a reload swaps the snapshot atomically.
 */
@Component
public class ProductionCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(ProductionCalendar.class);
  static final String BUNDLED = "classpath*:calendar/*.json";

  private final Path directory;
  private final CalendarClock clock;
  private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>();
  private volatile Runnable freshnessCheck;

  public ProductionCalendar(CalendarProperties properties, CalendarClock clock) {
    this.directory = properties.directoryPath().toAbsolutePath().normalize();
    this.clock = clock;
    WorkingDayCalendar loaded = load();
    current.set(loaded);
    LOG.info("Production calendar loaded: years {} (directory {})", describe(loaded), directory);
  }

  /** The calendar in use: an immutable snapshot (use one snapshot for a whole calculation). */
  public WorkingDayCalendar snapshot() {
    Runnable check = freshnessCheck;
    if (check != null) {
      check.run(); // ClusterCalendar: once per transaction, adopt a newer calendar of record first
    }
    return current.get();
  }

  /** Called by every {@link #snapshot()} before it answers ({@link ClusterCalendar}). */
  void setFreshnessCheck(Runnable check) {
    this.freshnessCheck = check;
  }

  /** Puts a calendar in use (the calendar of record, {@link ClusterCalendar}); returns the one it replaces. */
  WorkingDayCalendar adopt(WorkingDayCalendar calendar) {
    return current.getAndSet(calendar);
  }

  public boolean isWorkingDay(LocalDate date) {
    return snapshot().isWorkingDay(date);
  }

  public boolean isShortenedDay(LocalDate date) {
    return snapshot().isShortenedDay(date);
  }

  /** The N-th working day after {@code date} (N &gt; 0) or before it (N &lt; 0); the date itself is not counted. */
  public LocalDate plusWorkingDays(LocalDate date, int workingDays) {
    return shift(date, workingDays).date();
  }

  /** The N-th working day before {@code date} (N &gt; 0); the date itself is not counted. */
  public LocalDate minusWorkingDays(LocalDate date, int workingDays) {
    return shift(date, -workingDays).date();
  }

  /** Like {@link #plusWorkingDays} with whether the result depends on a provisional year. */
  public WorkingDayResult shift(LocalDate date, int workingDays) {
    return snapshot().shift(date, workingDays);
  }

  public int workingDaysIn(int year) {
    return snapshot().workingDaysIn(year);
  }

  public Optional<CalendarYear> year(int year) {
    return snapshot().year(year);
  }

  public SortedSet<Integer> years() {
    return snapshot().years();
  }

  /** Today in Novosibirsk, by the engine clock. */
  public LocalDate today() {
    return clock.today();
  }

  /** Now, by the engine clock. */
  public Instant now() {
    return clock.now();
  }

  /** The administrator's directory (absolute). */
  public Path directory() {
    return directory;
  }

  /**
   * Re-reads the bundled and the directory files and, when all are valid, puts them in use.
   *
   * @return the calendars before and after
   * @throws CalendarDataException when a file is invalid; the calendar in use is then unchanged
   */
  public synchronized Reload reload() {
    WorkingDayCalendar fresh = load();
    WorkingDayCalendar previous = current.getAndSet(fresh);
    SortedSet<Integer> changed = previous.changedYears(fresh);
    LOG.info("Production calendar reloaded: years {}; changed {}", describe(fresh), changed);
    return new Reload(previous, fresh, changed);
  }

  /** The outcome of a reload. */
  public record Reload(WorkingDayCalendar previous, WorkingDayCalendar current, SortedSet<Integer> changedYears) {
  }

  private WorkingDayCalendar load() {
    return CalendarLoader.load(bundled(), CalendarLoader.readDirectory(directory));
  }

  static List<CalendarSource> bundled() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(BUNDLED);
      List<CalendarSource> sources = new ArrayList<>();
      for (Resource resource : resources) {
        String name = resource.getFilename();
        try (InputStream in = resource.getInputStream()) {
          sources.add(new CalendarSource("classpath:calendar/" + name, name, in.readAllBytes()));
        }
      }
      sources.sort(Comparator.comparing(CalendarSource::fileName));
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled production calendar", e);
    }
  }

  private static String describe(WorkingDayCalendar calendar) {
    return calendar.years().stream()
        .map(y -> y + (calendar.year(y).orElseThrow().provisional() ? " (provisional)" : "") + " from "
            + calendar.source(y).orElse("?"))
        .toList().toString();
  }
}
