package ru.nso.wg.common;

import java.util.List;
import java.util.Optional;

/**
 * A request that the regulation, the record or the caller's rights do not allow, with a short Russian message for
 * the person who made it. The one refusal type of the application: thrown from a use case, it rolls back everything
 * of its transaction; from a task listener it leaves the task open (or starts nothing). Its {@link Kind} says which
 * HTTP status the application's API answers with; Tasklist and the engine REST API show its message (see
 * {@code api/RefusalMessages}).
 */
public class Refusal extends RuntimeException {

  /** What kind of refusal, and so which HTTP status a web request gets. */
  public enum Kind {
    /** Bad input or a step the regulation does not allow (400). */
    INVALID(400),
    /** Not logged in (401). */
    UNAUTHENTICATED(401),
    /** Not allowed to the caller (403). */
    FORBIDDEN(403),
    /** Nothing by that name (404). */
    NOT_FOUND(404),
    /** The record's state no longer allows it, e.g. a document already signed (409). */
    CONFLICT(409),
    /** What a link or a request was for is over, e.g. a reply link after the meeting began (410). */
    GONE(410),
    /** An upload too large (413). */
    TOO_LARGE(413),
    /** Well-formed input whose content cannot be used, e.g. an invalid calendar file (422). */
    UNPROCESSABLE(422);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public Refusal(String message) {
    this(Kind.INVALID, message);
  }

  public Refusal(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static Refusal notFound(String message) {
    return new Refusal(Kind.NOT_FOUND, message);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Kind.FORBIDDEN, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Kind.CONFLICT, message);
  }

  /** No login: 401 «Требуется вход в систему». */
  public static Refusal unauthenticated() {
    return new Refusal(Kind.UNAUTHENTICATED, "Требуется вход в систему");
  }

  /** Refuses with every problem found at once (one sentence, capitalised), or does nothing when there is none. */
  public static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      String text = String.join("; ", problems);
      throw new Refusal(Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }
  }

  /** The refusal behind an exception, however deeply the engine wrapped it. */
  public static Optional<Refusal> in(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
