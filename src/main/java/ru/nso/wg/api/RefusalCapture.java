package ru.nso.wg.api;

import ru.nso.wg.common.Refusal;

import java.util.Optional;

/**
 * The refusals the engine raised while one web request ran. {@link RefusalMessageFilter} opens it around a form
 * submission and closes it at the end; {@link RefusalInterceptor} offers it every refusal that leaves an engine
 * command. Outside an open capture (a job executor thread, a request that is no submission) nothing is kept.
 */
final class RefusalCapture implements AutoCloseable {

  private static final ThreadLocal<RefusalCapture> OPEN = new ThreadLocal<>();

  private Refusal last;

  private RefusalCapture() {
  }

  static RefusalCapture open() {
    RefusalCapture capture = new RefusalCapture();
    OPEN.set(capture);
    return capture;
  }

  /** Remembers the refusal in this thread's open capture, if there is one. */
  static void offer(Refusal refusal) {
    RefusalCapture capture = OPEN.get();
    if (capture != null) {
      capture.last = refusal;
    }
  }

  /** The last refusal raised, if any. */
  Optional<Refusal> last() {
    return Optional.ofNullable(last);
  }

  @Override
  public void close() {
    OPEN.remove();
  }
}
