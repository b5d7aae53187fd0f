package ru.nso.wg.meeting.rules;

/** The result of a vote on one agenda item. */
public enum Decision {
  /** «Решение принято». */
  ADOPTED,
  /** «Решение не принято». */
  REJECTED,
  /** The rules do not settle it: the presiding person must confirm the outcome (§ 16). */
  NEEDS_CONFIRMATION
}
