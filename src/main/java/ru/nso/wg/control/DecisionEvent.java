package ru.nso.wg.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One step in the history of a controlled decision.
 *
 * @param kind          what happened
 * @param details       the report, the remarks, the reason of an extension, what was sent to whom...
 * @param links         for a report: the links to documents the executor gave, one per line
 * @param dueDateBefore for an extension: the due date before
 * @param dueDateAfter  for an extension: the new due date
 * @param reference     for a withdrawal: «№ 3/2026, вопрос 2»
 * @param actor         the user who acted; {@code null} for the system (timers)
 * @param occurredAt    when
 */
public record DecisionEvent(DecisionEventKind kind, String details, String links, LocalDate dueDateBefore,
                            LocalDate dueDateAfter, String reference, String actor, OffsetDateTime occurredAt) {

  public static DecisionEvent of(DecisionEventKind kind, String details, String actor) {
    return new DecisionEvent(kind, details, null, null, null, null, actor, null);
  }
}
