package ru.nso.wg.meeting.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The recorded vote on one agenda item: who is in the roster, who is present at this item's vote, who
 * presides, and each present member's vote. {@link #decide(VotingSettings)} validates it (§ 15–16) and
 * computes the outcome.
 *
 * <p>Pass the attendance <em>at the moment of this item's vote</em>: when members leave or arrive during the
 * meeting, the quorum is re-checked per item from {@code present}.
 *
 * <p>Member IDs are Camunda user IDs. The roster and the attendance are sets: a person listed twice (the chair
 * is also in {@code wg-members}) counts once. Invitees are never in the roster, so they cannot be recorded
 * present or vote.
 *
 * @param roster       member IDs of the approved roster (chair, deputy chairs and members), T = its size
 * @param present      member IDs present at the vote (in person or by ВКС), P = its size
 * @param presidingId  the presiding person (the chair or a deputy chair, § 10); votes like any member, once
 * @param votes        the recorded votes in input order; a member appearing twice is reported as an error
 * @param displayNames optional names to print in error messages instead of IDs (e.g. «Васильев П. А.»)
 */
public record ItemVotes(Set<String> roster, Set<String> present, String presidingId, List<Vote> votes,
                        Map<String, String> displayNames) {

  public ItemVotes {
    roster = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(roster, "roster")));
    present = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(present, "present")));
    votes = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(votes, "votes")));
    displayNames = displayNames == null ? Map.of() : Map.copyOf(displayNames);
  }

  /** A vote record from any collections of IDs; duplicates in {@code roster} and {@code present} collapse. */
  public static ItemVotes of(Collection<String> roster, Collection<String> present, String presidingId,
                             List<Vote> votes) {
    return new ItemVotes(new LinkedHashSet<>(roster), new LinkedHashSet<>(present), presidingId, votes, Map.of());
  }

  /** The same record with names for the error messages. */
  public ItemVotes withDisplayNames(Map<String, String> names) {
    return new ItemVotes(roster, present, presidingId, votes, names);
  }

  /** The quorum at this item's vote (does not validate the attendance; {@link #validate} does). */
  public Quorum quorum(VotingSettings settings) {
    return Quorum.check(present.size(), roster.size(), settings.quorumRule());
  }

  /**
   * Checks the record against § 15–16 and returns its counts.
   *
   * @throws RuleViolationException listing every problem found (in Russian): an unknown or absent voter, a
   *                                second vote of a member, a present person who is not a member, a missing
   *                                or absent presiding person, votes recorded without quorum
   */
  public VoteTally validate(VotingSettings settings) {
    Objects.requireNonNull(settings, "settings");
    List<String> problems = new ArrayList<>();
    if (roster.isEmpty()) {
      problems.add("Состав Рабочей группы пуст: проверить кворум и голосование невозможно");
    }
    if (roster.stream().anyMatch(ItemVotes::blank) || present.stream().anyMatch(ItemVotes::blank)) {
      problems.add("В составе или в списке присутствующих есть пустой идентификатор");
    }
    for (String id : present) {
      if (!blank(id) && !roster.contains(id)) {
        problems.add(name(id) + " отмечен(а) как присутствующий(ая), но не является членом Рабочей группы "
            + "(приглашённые лица не учитываются в кворуме и не голосуют)");
      }
    }
    if (blank(presidingId)) {
      problems.add("Не указан председательствующий на заседании");
    } else if (!roster.contains(presidingId)) {
      problems.add("Председательствующий " + name(presidingId) + " не является членом Рабочей группы");
    } else if (!present.contains(presidingId)) {
      problems.add("Председательствующий " + name(presidingId) + " не отмечен(а) как присутствующий(ая)");
    }

    Set<String> voted = new HashSet<>();
    Set<String> reportedTwice = new HashSet<>();
    int forVotes = 0;
    int against = 0;
    int abstain = 0;
    for (Vote vote : votes) {
      if (vote == null || blank(vote.memberId())) {
        problems.add("Голос записан без указания члена Рабочей группы");
        continue;
      }
      String id = vote.memberId();
      if (!voted.add(id)) {
        if (reportedTwice.add(id)) {
          problems.add(name(id) + " проголосовал(а) по вопросу более одного раза");
        }
        continue;
      }
      if (!roster.contains(id)) {
        problems.add(name(id) + " не является членом Рабочей группы и не может голосовать");
      } else if (!present.contains(id)) {
        problems.add(name(id) + " не отмечен(а) как присутствующий(ая) и не может голосовать");
      }
      if (vote.choice() == null) {
        problems.add(name(id) + ": не указано, как проголосовал(а) член Рабочей группы (за, против, воздержался)");
        continue;
      }
      switch (vote.choice()) {
        case FOR -> forVotes++;
        case AGAINST -> against++;
        case ABSTAIN -> abstain++;
      }
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    Quorum quorum = quorum(settings);
    if (!quorum.quorate() && !votes.isEmpty()) {
      throw new RuleViolationException(VoteRules.noQuorumRefusal(quorum));
    }
    return new VoteTally(forVotes, against, abstain, present.size(), presidingVote());
  }

  /**
   * Validates the record and decides the item: {@link DecisionRule#NO_QUORUM} when the quorum is missing and no
   * vote was recorded, otherwise as {@link VoteRules#decide} says.
   *
   * @throws RuleViolationException as {@link #validate(VotingSettings)}
   */
  public VoteOutcome decide(VotingSettings settings) {
    VoteTally tally = validate(settings);
    return VoteRules.decide(quorum(settings), tally, settings);
  }

  /** How the presiding person voted on this item, or {@code null} when they did not vote. */
  public VoteChoice presidingVote() {
    return votes.stream()
        .filter(v -> v != null && Objects.equals(v.memberId(), presidingId))
        .map(Vote::choice)
        .findFirst()
        .orElse(null);
  }

  private String name(String id) {
    return "«" + displayNames.getOrDefault(id, id) + "»";
  }

  private static boolean blank(String id) {
    return id == null || id.isBlank();
  }
}
