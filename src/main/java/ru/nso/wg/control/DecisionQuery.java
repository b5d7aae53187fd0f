package ru.nso.wg.control;

import java.util.List;
import java.util.Set;

/**
 * A search of the register; every criterion is optional and they combine with AND.
 *
 * @param meetingKey   decisions of one meeting ({@code 2026-3}), or {@code null} for any
 * @param controlAreas decisions controlled by one of these area groups; {@code null} for any, empty for none (a
 *                     deputy chair who is in no area group controls nothing)
 * @param executorId   decisions with this executor (a user id or a group id), or {@code null} for any
 * @param states       decisions in one of these states (empty = any)
 */
public record DecisionQuery(String meetingKey, List<String> controlAreas, String executorId,
    Set<DecisionState> states) {

  public static final DecisionQuery ALL = new DecisionQuery(null, null, null, Set.of());

  public DecisionQuery {
    controlAreas = controlAreas == null ? null : List.copyOf(controlAreas);
    states = states == null ? Set.of() : Set.copyOf(states);
  }
}
