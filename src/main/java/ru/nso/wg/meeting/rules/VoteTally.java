package ru.nso.wg.meeting.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts of one vote: what {@link VoteRules} decides from.
 *
 * @param forVotes      votes «за»
 * @param against       votes «против»
 * @param abstain       votes «воздержался»
 * @param present       members present at the vote, P (voters or not)
 * @param presidingVote how the presiding person voted, or {@code null} when they did not vote
 * @throws RuleViolationException when a count is negative or for + against + abstain &gt; P, or the presiding
 *                                person's vote is not among the counts
 */
public record VoteTally(int forVotes, int against, int abstain, int present, VoteChoice presidingVote) {

  public VoteTally {
    List<String> problems = new ArrayList<>();
    if (forVotes < 0 || against < 0 || abstain < 0 || present < 0) {
      problems.add("Число голосов и число присутствующих не могут быть отрицательными");
    } else {
      if ((long) forVotes + against + abstain > present) {
        problems.add("Голосов подано больше, чем присутствует членов Рабочей группы: за — " + forVotes
            + ", против — " + against + ", воздержались — " + abstain + ", присутствуют — " + present);
      }
      if (presidingVote != null && count(presidingVote, forVotes, against, abstain) == 0) {
        problems.add("Голос председательствующего «" + presidingVote.label() + "» не учтён в итогах голосования");
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
  }

  /** Votes cast: for + against + abstain. */
  public int votesCast() {
    return forVotes + against + abstain;
  }

  /** Members present who did not vote on the item. */
  public int notVoted() {
    return present - votesCast();
  }

  /** The number that a majority is counted from under the given base. */
  public int base(MajorityBase majorityBase) {
    return majorityBase == MajorityBase.PRESENT ? present : votesCast();
  }

  /** «За — 5, против — 3, воздержались — 1; присутствуют 9 членов Рабочей группы». */
  public String minutesText() {
    return "За — " + forVotes + ", против — " + against + ", воздержались — " + abstain
        + "; " + RussianWords.presentVerb(present) + " " + present + " " + membersNominative(present);
  }

  private static String membersNominative(int count) {
    int lastTwo = count % 100;
    int last = count % 10;
    String noun;
    if (last == 1 && lastTwo != 11) {
      noun = "член";
    } else if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
      noun = "члена";
    } else {
      noun = "членов";
    }
    return noun + " Рабочей группы";
  }

  private static int count(VoteChoice choice, int forVotes, int against, int abstain) {
    return switch (choice) {
      case FOR -> forVotes;
      case AGAINST -> against;
      case ABSTAIN -> abstain;
    };
  }
}
