package ru.nso.wg.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Flyway's migrations of the application's own tables ({@code db/migration}) run on the start-up thread while the
 * main thread builds the engine, instead of on the main thread after it. None of them touches the engine's tables,
 * so they need not wait for the engine's schema; building the engine (mostly reading its SQL mappings) keeps one CPU
 * busy for seconds, and the migrations use the other.
 *
 * <p>They are handed to {@link StartupWork} when the engine starts to be built: right after {@code ClusterStartLock}
 * (so the nodes of a cluster still migrate one after another) and before the bootstraps that need the engine (so the
 * models are deployed into a migrated schema). Spring Boot's Flyway initializer, which every bean reading the
 * application's tables waits for, calls {@link #migrate} and waits here until they are done; a failed migration fails
 * the start as before. Should the initializer come first (no engine being built, or a bean reading the tables
 * created before the engine), it migrates on its own thread and nothing is handed over.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class StartupMigration extends AbstractProcessEnginePlugin implements FlywayMigrationStrategy {

  private final StartupWork startup;
  private final ObjectProvider<Flyway> flyway;
  private CompletableFuture<Void> migrated;

  public StartupMigration(StartupWork startup, ObjectProvider<Flyway> flyway) {
    this.startup = startup;
    this.flyway = flyway;
  }

  @Override
  public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
    Flyway configured = migrated == null ? flyway.getIfAvailable() : null;
    if (configured == null) {
      return;
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    migrated = result;
    startup.submit("Flyway migrations of db/migration", () -> {
      try {
        configured.migrate();
        result.complete(null);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        throw e;
      }
    });
  }

  /** Called by Spring Boot's Flyway initializer: waits for the migrations handed over, or runs them now. */
  @Override
  public void migrate(Flyway configured) {
    CompletableFuture<Void> handedOver;
    synchronized (this) {
      handedOver = migrated;
      if (handedOver == null) {
        configured.migrate();
        migrated = CompletableFuture.completedFuture(null);
        return;
      }
    }
    try {
      handedOver.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
