package ru.nso.wg.meeting.rules;

import java.util.Objects;

/**
 * Decides the outcome of a vote on one agenda item from its counts (§ 15–16). {@link ItemVotes} validates a
 * recorded vote member by member and then calls this.
 *
 * <ol>
 *   <li>No quorum: no decision is taken ({@link DecisionRule#NO_QUORUM}); votes recorded without quorum are
 *       refused.</li>
 *   <li>Adopted when 2 × for &gt; base, base = P (or the votes cast, by setting) ({@link DecisionRule#MAJORITY}).</li>
 *   <li>A tie, for = against &gt; 0, with tie-break {@link TieBreak#PRESIDING}:
 *     <ul>
 *       <li>a pure tie — every member of the base voted for or against (with base P: no abstentions and no
 *           member present who did not vote; with base "votes cast": no abstentions) — is decided by the
 *           presiding person's vote ({@link DecisionRule#CASTING_VOTE}); if the presiding person did not vote
 *           for or against, the outcome needs the presiding person's confirmation;</li>
 *       <li>a tie with abstentions (e.g. 3/3/2) or with members present who did not vote is ambiguous under
 *           § 16, so the outcome needs the presiding person's confirmation ({@link DecisionRule#TIE_UNRESOLVED},
 *           then {@link VoteOutcome#confirm(Decision)}).</li>
 *     </ul>
 *   </li>
 *   <li>Otherwise — including any tie under {@link TieBreak#NONE}, and nobody voting for or against —
 *       rejected ({@link DecisionRule#MAJORITY}).</li>
 * </ol>
 */
public final class VoteRules {

  private VoteRules() {
  }

  /**
   * @param quorum   the quorum at the moment of the vote (with the same number present as the tally)
   * @param tally    the counts
   * @param settings the readings of § 15–16 in force
   * @throws RuleViolationException when votes were recorded without quorum
   */
  public static VoteOutcome decide(Quorum quorum, VoteTally tally, VotingSettings settings) {
    Objects.requireNonNull(quorum, "quorum");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(settings, "settings");
    if (quorum.rule() != settings.quorumRule()) {
      throw new IllegalArgumentException("The quorum was checked under " + quorum.rule()
          + ", the settings say " + settings.quorumRule());
    }
    MajorityBase base = settings.majorityBase();
    if (!quorum.quorate()) {
      if (tally.votesCast() > 0) {
        throw new RuleViolationException(noQuorumRefusal(quorum));
      }
      return new VoteOutcome(Decision.REJECTED, DecisionRule.NO_QUORUM, tally, quorum, base);
    }
    int majorityOf = tally.base(base);
    if (2L * tally.forVotes() > majorityOf) {
      return new VoteOutcome(Decision.ADOPTED, DecisionRule.MAJORITY, tally, quorum, base);
    }
    boolean tie = tally.forVotes() == tally.against() && tally.forVotes() > 0;
    if (tie && settings.tieBreak() == TieBreak.PRESIDING) {
      boolean pure = tally.forVotes() + tally.against() == majorityOf;
      if (pure && tally.presidingVote() == VoteChoice.FOR) {
        return new VoteOutcome(Decision.ADOPTED, DecisionRule.CASTING_VOTE, tally, quorum, base);
      }
      if (pure && tally.presidingVote() == VoteChoice.AGAINST) {
        return new VoteOutcome(Decision.REJECTED, DecisionRule.CASTING_VOTE, tally, quorum, base);
      }
      return new VoteOutcome(Decision.NEEDS_CONFIRMATION, DecisionRule.TIE_UNRESOLVED, tally, quorum, base);
    }
    return new VoteOutcome(Decision.REJECTED, DecisionRule.MAJORITY, tally, quorum, base);
  }

  /** The outcome of an item that is not voted because the quorum is missing. */
  public static VoteOutcome noQuorum(Quorum quorum, VotingSettings settings) {
    if (quorum.quorate()) {
      throw new IllegalArgumentException("The quorum is present: vote the item");
    }
    return decide(quorum, new VoteTally(0, 0, 0, quorum.present(), null), settings);
  }

  static String noQuorumRefusal(Quorum quorum) {
    return "Голосование по вопросу без кворума не проводится: " + RussianWords.presentVerb(quorum.present()) + " "
        + quorum.present() + " из " + quorum.total() + " " + RussianWords.membersGenitive(quorum.total())
        + ", требуется не менее " + quorum.needed() + " (п. 15 Положения)";
  }
}
