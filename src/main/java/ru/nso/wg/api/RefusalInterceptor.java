package ru.nso.wg.api;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.nso.wg.common.Refusal;

/**
 * The outermost command interceptor of the engine: a command that fails because of a {@link Refusal} (however the
 * engine wrapped it) offers that refusal to the web request's {@link RefusalCapture}, then fails as before. A refusal
 * is written to the log here, once, as one WARN line without a stack trace (logger {@code ru.nso.wg.refusal}); the
 * engine's and the REST API's own stack traces of it are dropped by {@link RefusalLogFilter}.
 */
class RefusalInterceptor extends CommandInterceptor {

  static final Logger LOG = LoggerFactory.getLogger("ru.nso.wg.refusal");

  /** How deep the current thread is in commands: only the outermost one logs (a nested command fails with it). */
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public <T> T execute(Command<T> command) {
    int[] depth = DEPTH.get();
    depth[0]++;
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      Refusal.in(e).ifPresent(refusal -> {
        RefusalCapture.offer(refusal);
        if (depth[0] == 1) {
          LOG.warn("Refused ({}, {}): {}", refusal.kind(), command.getClass().getSimpleName(), refusal.getMessage());
        }
      });
      throw e;
    } finally {
      depth[0]--;
    }
  }
}
