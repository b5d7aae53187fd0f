package ru.nso.wg.calendar;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One production calendar for every node of a cluster: the calendar of record is kept in the database
 * ({@link CalendarOfRecord}, the validated year files with who changed each year and when), and every node computes
 * with it.
 *
 * <ul>
 *   <li>At start the node adopts the calendar of record. On an empty database it stores its own files; years its
 *       files have and the database lacks (a release that ships the next year) are added. A file of this node that
 *       differs from the calendar of record changes nothing until an administrator reloads ({@link #store}).</li>
 *   <li>A reload on any node stores that node's files as a new version; the node that changed it recalculates the
 *       waiting deadline timers and open tasks once ({@link CalendarReloadService}).</li>
 *   <li>Every node polls the version ({@code wg.calendar.poll-interval}, 5 s) and adopts a newer calendar; besides,
 *       the first calendar question of every transaction reads the version (on PostgreSQL with a shared lock that a
 *       change waits for), so a deadline is never computed with an outdated calendar, and a timer computed while a
 *       change is being stored is committed before the change's recalculation looks for timers.</li>
 *   <li>A recalculation that did not finish (its node died, or some timer failed) is claimed by a polling node after
 *       {@code wg.calendar.recalculation-lease} (10 min).</li>
 * </ul>
 */
@Component
public class ClusterCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterCalendar.class);
  private static final Object CHECKED_IN_TRANSACTION = new Object();

  private final ProductionCalendar calendar;
  private final CalendarOfRecord record;
  private final TransactionTemplate transaction;
  private final Duration pollInterval;
  private final Duration recalculationLease;
  private final String node;
  private volatile long version = -1;
  private ScheduledExecutorService poller;

  public ClusterCalendar(ProductionCalendar calendar, CalendarOfRecord record,
                         PlatformTransactionManager transactionManager,
                         @Value("${wg.calendar.poll-interval:PT5S}") Duration pollInterval,
                         @Value("${wg.calendar.recalculation-lease:PT10M}") Duration recalculationLease,
                         @Value("${wg.node-name:}") String nodeName) {
    this.calendar = calendar;
    this.record = record;
    this.transaction = new TransactionTemplate(transactionManager);
    this.pollInterval = pollInterval;
    this.recalculationLease = recalculationLease;
    this.node = nodeName.isBlank() ? defaultNodeName() : nodeName;
    startUp();
    calendar.setFreshnessCheck(this::checkInTransaction);
  }

  /** The outcome of storing a calendar. */
  public record Stored(long version, WorkingDayCalendar previous, WorkingDayCalendar current,
                       SortedSet<Integer> changedYears) {
  }

  /** This node's name in the change log ({@code wg.node-name}, else host name and a random suffix). */
  public String node() {
    return node;
  }

  /** The version of the calendar of record this node computes with. */
  public long version() {
    return version;
  }

  /** Adopts the calendar of record, first storing what the database lacks of this node's files. */
  final void startUp() {
    transaction.executeWithoutResult(status -> {
      CalendarOfRecord.State state = record.lockState();
      Map<Integer, CalendarSource> files = fileSources();
      Map<Integer, CalendarOfRecord.StoredYear> stored = storedYears();
      Map<Integer, CalendarSource> missing = new TreeMap<>(files);
      missing.keySet().removeAll(stored.keySet());
      long current = state.version();
      if (!missing.isEmpty()) {
        Map<Integer, CalendarSource> wanted = new TreeMap<>();
        stored.forEach((year, row) -> wanted.put(year,
            new CalendarSource(row.source(), year + ".json", row.content())));
        wanted.putAll(missing);
        current = write(state, stored, wanted, stored.isEmpty() ? "первый запуск узла " + node
            : "запуск узла " + node + ": добавлены годы " + missing.keySet());
      }
      adopt(current, build(record.years()));
    });
  }

  /**
   * Stores this node's files as the calendar of record (a reload), when they differ from it.
   *
   * @throws CalendarDataException when a file is invalid (nothing is stored)
   */
  public Stored store(String changedBy) {
    Map<Integer, CalendarSource> files = fileSources();
    return transaction.execute(status -> {
      CalendarOfRecord.State state = record.lockState();
      Map<Integer, CalendarOfRecord.StoredYear> stored = storedYears();
      WorkingDayCalendar before = build(stored.values().stream().toList());
      long newVersion = write(state, stored, files, changedBy);
      WorkingDayCalendar after = build(record.years());
      adopt(newVersion, after);
      return new Stored(newVersion, before, after, before.changedYears(after));
    });
  }

  /** How a node may claim a recalculation. */
  public enum Claim {
    /** A reload: even when another node holds it (the administrator asked for it now). */
    FORCE,
    /** After this node's start: when free, held by this node (its own start-up change) or the lease expired. */
    OWN_OR_FREE,
    /** The poll: only when free or the holder's lease expired (a failed recalculation is retried after the lease). */
    FREE
  }

  /** Claims the recalculation of the current version; returns the version, or -1 when there is none to claim. */
  public long claimRecalculation(Claim claim) {
    Instant now = Instant.now();
    return record.claimRecalculation(node, now, now.minus(recalculationLease), claim == Claim.FORCE,
        claim == Claim.OWN_OR_FREE);
  }

  public CalendarOfRecord record() {
    return record;
  }

  /** Polls the version and adopts a newer calendar of record; returns whether it did. */
  public boolean refresh() {
    long stored = record.state().version();
    if (stored == version) {
      return false;
    }
    transaction.executeWithoutResult(status -> adopt(record.versionForShare(), build(record.years())));
    return true;
  }

  /** Starts the poll (after the application is ready: {@link CalendarReloadService}). */
  synchronized void startPolling(Runnable alsoOnEachPoll) {
    if (poller != null || pollInterval.isZero() || pollInterval.isNegative()) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "calendar-of-record-poll");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(() -> {
      try {
        refresh();
        alsoOnEachPoll.run();
      } catch (RuntimeException e) {
        LOG.warn("Calendar of record: poll failed ({}); retried in {}", e.getMessage(), pollInterval);
      }
    }, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  synchronized void stopPolling() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  /** Once per transaction: adopt a newer calendar of record before the first calendar question is answered. */
  private void checkInTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || TransactionSynchronizationManager.hasResource(CHECKED_IN_TRANSACTION)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(CHECKED_IN_TRANSACTION, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(CHECKED_IN_TRANSACTION);
      }
    });
    long stored = record.versionForShare();
    if (stored != version) {
      adopt(stored, build(record.years()));
    }
  }

  private synchronized void adopt(long newVersion, WorkingDayCalendar adopted) {
    if (newVersion == version) {
      return;
    }
    WorkingDayCalendar previous = calendar.adopt(adopted);
    long was = version;
    version = newVersion;
    if (was >= 0) {
      LOG.info("Calendar of record version {} adopted (was {}): years {}, changed {}", newVersion, was,
          adopted.years(), previous.changedYears(adopted));
    } else {
      LOG.info("Calendar of record version {} adopted: years {}", newVersion, adopted.years());
    }
  }

  /** Writes the wanted years; returns the new version, or the current one when nothing changed. */
  private long write(CalendarOfRecord.State state, Map<Integer, CalendarOfRecord.StoredYear> stored,
                     Map<Integer, CalendarSource> wanted, String changedBy) {
    WorkingDayCalendar before = build(stored.values().stream().toList());
    Map<Integer, CalendarYear> parsed = new TreeMap<>();
    Map<Integer, String> sources = new TreeMap<>();
    wanted.forEach((year, file) -> {
      parsed.put(year, CalendarFileReader.read(file.source(), file.fileName(), file.content()));
      sources.put(year, file.source());
    });
    WorkingDayCalendar after = new WorkingDayCalendar(parsed, sources);
    SortedSet<Integer> changed = before.changedYears(after);
    if (changed.isEmpty() && state.version() > 0) {
      wanted.forEach((year, file) -> {
        if (!Objects.equals(stored.get(year).source(), file.source())) {
          record.updateSource(year, file.source());
        }
      });
      return state.version();
    }
    long newVersion = state.version() + 1;
    Instant now = Instant.now();
    for (Integer year : new TreeSet<>(stored.keySet())) {
      if (!wanted.containsKey(year)) {
        record.deleteYear(year);
      }
    }
    wanted.forEach((year, file) -> {
      CalendarOfRecord.StoredYear old = stored.get(year);
      if (old == null || changed.contains(year)) {
        record.upsertYear(year, file.source(), file.content(), newVersion, changedBy, now);
      } else if (!Objects.equals(old.source(), file.source())) {
        record.updateSource(year, file.source());
      }
    });
    record.newVersion(newVersion, after.fingerprint(), changed.toString(), changedBy, node, now);
    LOG.info("Calendar of record version {} stored by {}: changed years {}", newVersion, changedBy, changed);
    return newVersion;
  }

  private Map<Integer, CalendarOfRecord.StoredYear> storedYears() {
    Map<Integer, CalendarOfRecord.StoredYear> byYear = new LinkedHashMap<>();
    record.years().forEach(year -> byYear.put(year.year(), year));
    return byYear;
  }

  private static WorkingDayCalendar build(List<CalendarOfRecord.StoredYear> stored) {
    Map<Integer, CalendarYear> years = new TreeMap<>();
    Map<Integer, String> sources = new TreeMap<>();
    for (CalendarOfRecord.StoredYear year : stored) {
      years.put(year.year(), CalendarFileReader.read(year.source(), year.year() + ".json", year.content()));
      sources.put(year.year(), year.source());
    }
    return new WorkingDayCalendar(years, sources);
  }

  /** This node's files, validated as a set (one bad file refuses them all); the directory's win over the bundled. */
  private Map<Integer, CalendarSource> fileSources() {
    List<CalendarSource> bundled = ProductionCalendar.bundled();
    List<CalendarSource> overrides = CalendarLoader.readDirectory(calendar.directory());
    CalendarLoader.load(bundled, overrides);
    Map<Integer, CalendarSource> byYear = new TreeMap<>();
    List<CalendarSource> all = new ArrayList<>(bundled);
    all.addAll(overrides);
    for (CalendarSource file : all) {
      byYear.put(CalendarFileReader.read(file.source(), file.fileName(), file.content()).year(), file);
    }
    return byYear;
  }

  private static String defaultNodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
