package ru.nso.wg.document.model;

/** The rule of § 15–16 that produced an outcome; the minutes state it (see quorum-and-voting.md). */
public enum OutcomeRule {
  /** 2 × for &gt; present: adopted; otherwise rejected by the same rule. */
  MAJORITY,
  /** for = against without abstentions: the presiding person's vote decided. */
  CASTING_VOTE,
  /** for = against with abstentions: the presiding person confirmed the outcome (§ 16). */
  CONFIRMED_BY_PRESIDING,
  /** No quorum (§ 15): no decision taken. */
  NO_QUORUM
}
