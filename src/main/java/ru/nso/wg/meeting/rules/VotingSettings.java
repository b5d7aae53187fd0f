package ru.nso.wg.meeting.rules;

import java.util.Objects;

/**
 * The readings of § 15–16 that other collegial bodies word differently. The defaults are this regulation's
 * reading: quorum «не менее половины», majority «от числа присутствующих», the presiding person breaks a tie.
 */
public record VotingSettings(QuorumRule quorumRule, MajorityBase majorityBase, TieBreak tieBreak) {

  /** The reading of the working group's regulation. */
  public static final VotingSettings DEFAULTS =
      new VotingSettings(QuorumRule.AT_LEAST_HALF, MajorityBase.PRESENT, TieBreak.PRESIDING);

  public VotingSettings {
    Objects.requireNonNull(quorumRule, "quorumRule");
    Objects.requireNonNull(majorityBase, "majorityBase");
    Objects.requireNonNull(tieBreak, "tieBreak");
  }

  public static VotingSettings defaults() {
    return DEFAULTS;
  }

  public VotingSettings withQuorumRule(QuorumRule rule) {
    return new VotingSettings(rule, majorityBase, tieBreak);
  }

  public VotingSettings withMajorityBase(MajorityBase base) {
    return new VotingSettings(quorumRule, base, tieBreak);
  }

  public VotingSettings withTieBreak(TieBreak tie) {
    return new VotingSettings(quorumRule, majorityBase, tie);
  }
}
