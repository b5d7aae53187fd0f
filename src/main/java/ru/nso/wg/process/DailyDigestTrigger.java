package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.notification.NotificationSettings;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Issue 16, point 4: once a day, from {@code wg.notification.digest-hour} (Asia/Novosibirsk), the digests of those
 * who chose them go out. Every node looks every {@code digest-poll-interval}; the first to insert the day's row
 * into {@code wg_task_digest_run} (its primary key decides between nodes) adds, in the same transaction, the one
 * job that sends the day's digests ({@link TaskNotices#TASK_DIGEST}): one node sends, retried like any job, and a
 * node that starts after the hour still sends that day's digest.
 */
@Component
public class DailyDigestTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(DailyDigestTrigger.class);

  private final NotificationSettings settings;
  private final CalendarClock clock;
  private final JdbcTemplate jdbc;
  private final ProcessEngineConfigurationImpl engine;
  private final TransactionTemplate transaction;
  private ScheduledExecutorService poller;

  public DailyDigestTrigger(NotificationSettings settings, CalendarClock clock, JdbcTemplate jdbc,
                            ProcessEngineConfiguration engine, PlatformTransactionManager transactions) {
    this.settings = settings;
    this.clock = clock;
    this.jdbc = jdbc;
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.transaction = new TransactionTemplate(transactions);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * When the day's digest is due and no node started it yet: starts it (the day's row and its job, committed
   * together). Returns the day started, or {@code null}.
   */
  public LocalDate tick() {
    ZonedDateTime now = clock.now().atZone(RussianDates.ZONE);
    if (now.getHour() < settings.digestHour()) {
      return null;
    }
    LocalDate day = now.toLocalDate();
    try {
      transaction.executeWithoutResult(status -> {
        jdbc.update("INSERT INTO wg_task_digest_run (digest_date, claimed_at, claimed_by) VALUES (?, ?, ?)",
            Date.valueOf(day), Timestamp.from(clock.now()), engine.getProcessEngineName());
        engine.getCommandExecutorTxRequired().execute(commandContext -> {
          TaskNotices.send(commandContext, TaskNotices.TASK_DIGEST, day.toString());
          return null;
        });
      });
    } catch (DuplicateKeyException alreadyStarted) {
      return null;
    }
    LOG.info("Daily digest of {} started", day);
    return day;
  }

  /** Starts looking (after the application is ready), unless the interval is zero. */
  @EventListener(ApplicationReadyEvent.class)
  public synchronized void start() {
    long interval = settings.digestPollInterval().toMillis();
    if (poller != null || interval <= 0) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "task-digest-poll");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.warn("Daily digest: check failed ({}); tried again in {}", e.getMessage(),
            settings.digestPollInterval());
      }
    }, interval, interval, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  public synchronized void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
