package ru.nso.wg.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The start-up work that needs nothing of the application but the engine or the database: Flyway's migrations
 * ({@link StartupMigration}, handed over when the engine starts to be built), then the roster's groups and demo users,
 * the authorizations, the Tasklist filters, the models (handed over by the engine's plugins when the engine is built).
 * It runs on one background thread, in the order it was handed over, while the main thread builds the engine and
 * goes on with the rest of the start (the calendar, the web layer). A step that fails stops the steps after it.
 *
 * <p>The application is not ready before all of it is done: {@link #start()} waits for it in the first lifecycle
 * phase, before the web server opens its port and before the start-up lock of a cluster is released, and a failure
 * fails the start with the step's name. Work handed over after that runs at once, on the caller's thread.
 */
@Component
public class StartupWork implements SmartLifecycle, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);

  private final ExecutorService thread = Executors.newSingleThreadExecutor(work -> {
    Thread startup = new Thread(work, "wg-startup");
    startup.setDaemon(true);
    return startup;
  });
  private CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
  private boolean started;

  /** Runs {@code work} after the work handed over before it; {@code what} names it in the log and in a failure. */
  public synchronized void submit(String what, Runnable work) {
    if (thread.isShutdown()) {
      work.run();
      return;
    }
    // the models are found through the context class loader of whoever hands the work over
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    done = done.thenRunAsync(() -> {
      long began = System.nanoTime();
      Thread.currentThread().setContextClassLoader(loader);
      try {
        work.run();
      } catch (RuntimeException e) {
        throw new StepFailed(what, e);
      }
      LOG.debug("Start-up step '{}' took {} ms", what, (System.nanoTime() - began) / 1_000_000);
    }, thread);
  }

  /** Waits for everything handed over; fails the start when a step failed. */
  @Override
  public synchronized void start() {
    try {
      done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof StepFailed failed) {
        throw new IllegalStateException("Start-up step '" + failed.what + "' failed", failed.getCause());
      }
      throw e;
    } finally {
      thread.shutdown();
    }
    started = true;
  }

  @Override
  public synchronized void stop() {
    started = false;
  }

  @Override
  public synchronized boolean isRunning() {
    return started;
  }

  /** The first phase: before the web server starts (and every other lifecycle bean of the application). */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }

  @Override
  public void destroy() {
    thread.shutdownNow();
  }

  private static final class StepFailed extends RuntimeException {
    private final String what;

    StepFailed(String what, RuntimeException cause) {
      super(cause);
      this.what = what;
    }
  }
}
