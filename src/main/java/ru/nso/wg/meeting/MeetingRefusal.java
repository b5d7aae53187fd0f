package ru.nso.wg.meeting;

import java.util.Optional;

/**
 * A request that the regulation or the record does not allow, with a short Russian message for the person
 * who made it. Thrown from a task listener or a start, it leaves the task open (or starts nothing) and
 * rolls back everything of that transaction.
 *
 * <p>The engine wraps an exception of a task listener into its own technical text ("Cannot submit task form …:
 * ENGINE-03051 There was an exception while invoking the TaskListener. Message: '…'"). So that Tasklist shows the
 * person only this message, a web request can {@link #capture() capture} the refusals raised while it runs
 * ({@code ru.nso.wg.api.RefusalMessageFilter}).
 */
public class MeetingRefusal extends RuntimeException {

  private static final ThreadLocal<Capture> CAPTURE = new ThreadLocal<>();

  public MeetingRefusal(String message) {
    super(message);
    Capture capture = CAPTURE.get();
    if (capture != null) {
      capture.last = this;
    }
  }

  /** Starts recording the refusals raised in this thread; close it when the request is done. */
  public static Capture capture() {
    Capture capture = new Capture();
    CAPTURE.set(capture);
    return capture;
  }

  /** The refusals raised in one thread between {@link #capture()} and {@link #close()}. */
  public static final class Capture implements AutoCloseable {
    private MeetingRefusal last;

    private Capture() {
    }

    /** The last refusal raised, if any. */
    public Optional<MeetingRefusal> last() {
      return Optional.ofNullable(last);
    }

    @Override
    public void close() {
      CAPTURE.remove();
    }
  }
}
