package ru.nso.wg.meeting.rules;

import java.util.List;

/**
 * Input that breaks a rule of § 15–16 (an invalid attendance or vote record). Carries every problem found,
 * each as a complete Russian sentence a person can act on; nothing must be saved when it is thrown.
 */
public class RuleViolationException extends RuntimeException {

  private final List<String> violations;

  public RuleViolationException(List<String> violations) {
    super(String.join("; ", requireNotEmpty(violations)));
    this.violations = List.copyOf(violations);
  }

  public RuleViolationException(String violation) {
    this(List.of(violation));
  }

  /** The problems found, in Russian, in the order they were detected; never empty. */
  public List<String> violations() {
    return violations;
  }

  private static List<String> requireNotEmpty(List<String> violations) {
    if (violations == null || violations.isEmpty()) {
      throw new IllegalArgumentException("A rule violation needs at least one message");
    }
    return violations;
  }
}
