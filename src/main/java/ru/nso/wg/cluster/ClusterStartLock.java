package ru.nso.wg.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Nodes started at the same moment on one PostgreSQL start one after another: the engine's schema creation or
 * upgrade and every start-up bootstrap (roster groups, authorizations, Tasklist filters, the deployment of
 * {@code bpmn/} and {@code forms/}, the calendar of record) run while the node holds a PostgreSQL advisory lock
 * (session level, on a connection of its own). A node that finds the lock taken waits until the other node is
 * ready, then finds the schema and everything the bootstraps create in place, and creates nothing twice.
 *
 * <p>The lock is taken before the engine is built (the first engine plugin), released when the application is ready
 * or failed to start; if the JVM dies, PostgreSQL releases it with the connection. H2 (one node only) takes no lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClusterStartLock extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);
  /** The advisory lock's key: "wg-meetings start" as a number, shared by every node of the cluster. */
  static final long LOCK_KEY = 0x77672D7374617274L;

  private final DataSource dataSource;
  private Connection connection;

  public ClusterStartLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection candidate = dataSource.getConnection();
      if (!candidate.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
        candidate.close();
        return;
      }
      candidate.setAutoCommit(true);
      long waitStarted = System.nanoTime();
      try (Statement statement = candidate.createStatement()) {
        statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      }
      connection = candidate;
      LOG.info("Start-up lock taken (waited {} ms for other nodes starting at the same time)",
          (System.nanoTime() - waitStarted) / 1_000_000);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock in the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    // still held: bootstraps of later plugins and the rest of the application's start run under it
  }

  @EventListener({ApplicationReadyEvent.class, ApplicationFailedEvent.class, ContextClosedEvent.class})
  public synchronized void release() {
    if (connection == null) {
      return;
    }
    try (Connection held = connection; Statement statement = held.createStatement()) {
      statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      LOG.info("Start-up lock released");
    } catch (SQLException e) {
      LOG.warn("Could not release the start-up lock; it is released with its connection: {}", e.getMessage());
    } finally {
      connection = null;
    }
  }
}
