package ru.nso.wg.meeting.rules;

/** The rule that produced a {@link VoteOutcome}, so that the minutes can state it. */
public enum DecisionRule {
  /** Simple majority (§ 16): adopted when 2 × for &gt; base, rejected otherwise. */
  MAJORITY,
  /** A tie decided by the presiding person's vote (§ 16). */
  CASTING_VOTE,
  /**
   * A tie the rules do not settle — with abstentions or members present who did not vote, or one in which the
   * presiding person did not vote for or against; only with {@link Decision#NEEDS_CONFIRMATION}.
   */
  TIE_UNRESOLVED,
  /** An outcome the presiding person confirmed after the vote (§ 16). */
  CONFIRMED_BY_PRESIDING,
  /** No quorum (§ 15): no decision is taken. */
  NO_QUORUM
}
