package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.meeting.rules.VoteChoice.ABSTAIN;
import static ru.nso.wg.meeting.rules.VoteChoice.AGAINST;
import static ru.nso.wg.meeting.rules.VoteChoice.FOR;

/** A recorded vote on one agenda item, member by member, with the demo roster of 15 (README, "Demo logins"). */
class ItemVotesTest {

  static final String CHAIR = "sokolov";
  static final List<String> DEPUTIES = List.of("lebedeva", "morozov", "kuznetsova");
  static final List<String> MEMBERS = List.of("vasiliev", "novikova", "fedorov", "pavlova", "semenov", "golubeva",
      "vinogradov", "bogdanova", "orlov", "kiseleva", "makarov");
  /** Chair, deputy chairs and members: T = 15. */
  static final List<String> ROSTER = Stream.of(List.of(CHAIR), DEPUTIES, MEMBERS).flatMap(List::stream).toList();
  static final VotingSettings DEFAULTS = VotingSettings.defaults();

  /** The first {@code n} members of the roster, the chair first. */
  static List<String> firstPresent(int n) {
    return ROSTER.subList(0, n);
  }

  static List<Vote> votes(List<String> voters, VoteChoice... choices) {
    List<Vote> votes = new ArrayList<>();
    for (int i = 0; i < choices.length; i++) {
      votes.add(Vote.of(voters.get(i), choices[i]));
    }
    return votes;
  }

  static VoteChoice[] choices(int forVotes, int against, int abstain) {
    VoteChoice[] result = new VoteChoice[forVotes + against + abstain];
    Arrays.fill(result, 0, forVotes, FOR);
    Arrays.fill(result, forVotes, forVotes + against, AGAINST);
    Arrays.fill(result, forVotes + against, result.length, ABSTAIN);
    return result;
  }

  static List<String> violations(ItemVotes item) {
    try {
      item.decide(DEFAULTS);
    } catch (RuleViolationException e) {
      return e.violations();
    }
    throw new AssertionError("The record was accepted: " + item);
  }

  @Nested
  class Outcome {

    @Test
    void majorityOfNinePresent() {
      List<String> present = firstPresent(9);
      VoteOutcome outcome = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(5, 3, 1))).decide(DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(Decision.ADOPTED);
      assertThat(outcome.rule()).isEqualTo(DecisionRule.MAJORITY);
      assertThat(outcome.tally()).isEqualTo(new VoteTally(5, 3, 1, 9, FOR));
      assertThat(outcome.quorum().total()).isEqualTo(15);
    }

    @Test
    void presentMemberWhoDidNotVoteCountsInTheBase() {
      List<String> present = firstPresent(9);
      VoteOutcome outcome = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(4, 3, 0))).decide(DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(Decision.REJECTED);
      assertThat(outcome.tally().notVoted()).isEqualTo(2);
    }

    @Test
    void pureTieDecidedByTheChairVotingFor() {
      List<String> present = firstPresent(8); // the chair votes first: for
      VoteOutcome outcome = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(4, 4, 0))).decide(DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(Decision.ADOPTED);
      assertThat(outcome.rule()).isEqualTo(DecisionRule.CASTING_VOTE);
    }

    @Test
    void pureTieDecidedByADeputyPresidingAndVotingAgainst() {
      List<String> present = firstPresent(8);
      List<Vote> votes = votes(List.of("lebedeva", "sokolov", "morozov", "kuznetsova", "vasiliev", "novikova",
          "fedorov", "pavlova"), AGAINST, FOR, FOR, FOR, FOR, AGAINST, AGAINST, AGAINST);
      VoteOutcome outcome = ItemVotes.of(ROSTER, present, "lebedeva", votes).decide(DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(Decision.REJECTED);
      assertThat(outcome.rule()).isEqualTo(DecisionRule.CASTING_VOTE);
      assertThat(outcome.tally().presidingVote()).isEqualTo(AGAINST);
    }

    @Test
    void tieWithAbstentionsNeedsThePresidingPersonThenIsConfirmed() {
      List<String> present = firstPresent(8);
      ItemVotes item = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(3, 3, 2)));

      VoteOutcome outcome = item.decide(DEFAULTS);
      assertThat(outcome.decision()).isEqualTo(Decision.NEEDS_CONFIRMATION);

      VoteOutcome confirmed = outcome.confirm(Decision.REJECTED);
      assertThat(confirmed.decision()).isEqualTo(Decision.REJECTED);
      assertThat(confirmed.rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
      assertThat(confirmed.tally()).isEqualTo(outcome.tally());
    }

    @Test
    void pureTieInWhichThePresidingPersonAbstainedIsATieWithAbstentions() {
      List<String> present = firstPresent(9);
      List<Vote> votes = new ArrayList<>(votes(present.subList(1, 9), choices(4, 4, 0)));
      votes.add(Vote.of(CHAIR, ABSTAIN));

      VoteOutcome outcome = ItemVotes.of(ROSTER, present, CHAIR, votes).decide(DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(Decision.NEEDS_CONFIRMATION);
      assertThat(outcome.tally().presidingVote()).isEqualTo(ABSTAIN);
    }

    @Test
    void pureTieInWhichThePresidingPersonDidNotVoteNeedsConfirmation() {
      List<String> present = firstPresent(9);
      ItemVotes item = ItemVotes.of(ROSTER, present, CHAIR, votes(present.subList(1, 9), choices(4, 4, 0)));

      assertThat(item.presidingVote()).isNull();
      assertThat(item.decide(DEFAULTS).decision()).isEqualTo(Decision.NEEDS_CONFIRMATION);
      assertThat(item.decide(DEFAULTS.withMajorityBase(MajorityBase.VOTES_CAST)).rule())
          .isEqualTo(DecisionRule.TIE_UNRESOLVED);
    }

    @Test
    void anItemWithoutQuorumAndWithoutVotesIsNotDecided() {
      VoteOutcome outcome = ItemVotes.of(ROSTER, firstPresent(7), CHAIR, List.of()).decide(DEFAULTS);

      assertThat(outcome.rule()).isEqualTo(DecisionRule.NO_QUORUM);
      assertThat(outcome.decision()).isEqualTo(Decision.REJECTED);
    }
  }

  @Nested
  class WhoCounts {

    @Test
    void chairAndDeputiesAreMembersAndCountOnceEvenWhenListedTwice() {
      // Built naively from the groups: wg-members holds everyone, wg-chair and wg-deputy-chairs again.
      List<String> fromGroups = Stream.of(ROSTER, List.of(CHAIR), DEPUTIES).flatMap(List::stream).toList();
      List<String> present = Stream.of(List.of(CHAIR, CHAIR), DEPUTIES, DEPUTIES, MEMBERS.subList(0, 4))
          .flatMap(List::stream).toList();

      ItemVotes item = ItemVotes.of(fromGroups, present, CHAIR, votes(List.of(CHAIR), FOR));

      assertThat(item.roster()).hasSize(15);
      assertThat(item.present()).hasSize(8);
      assertThat(item.quorum(DEFAULTS)).isEqualTo(Quorum.check(8, 15));
    }

    @Test
    void thePresidingPersonVotesOnceLikeAnyMember() {
      List<String> present = firstPresent(9);
      VoteOutcome outcome = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(5, 4, 0))).decide(DEFAULTS);

      assertThat(outcome.tally().forVotes()).isEqualTo(5);
      assertThat(outcome.tally().votesCast()).isEqualTo(9);
      assertThat(outcome.decision()).isEqualTo(Decision.ADOPTED);
    }

    @Test
    void theChairVotingTwiceIsRefused() {
      List<String> present = firstPresent(9);
      List<Vote> votes = new ArrayList<>(votes(present, choices(4, 4, 0)));
      votes.add(Vote.of(CHAIR, FOR));

      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes)))
          .containsExactly("«sokolov» проголосовал(а) по вопросу более одного раза");
    }

    @Test
    void anInviteeIsNeverInTheRosterSoCannotBePresentForQuorumNorVote() {
      List<String> present = new ArrayList<>(firstPresent(7));
      present.add("invitee.ivanov");

      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes(List.of("invitee.ivanov"), FOR))))
          .containsExactly(
              "«invitee.ivanov» отмечен(а) как присутствующий(ая), но не является членом Рабочей группы "
                  + "(приглашённые лица не учитываются в кворуме и не голосуют)",
              "«invitee.ivanov» не является членом Рабочей группы и не может голосовать");
    }

    @Test
    void secretariatStaffAreNotMembers() {
      List<String> present = firstPresent(8);
      List<Vote> votes = votes(List.of("smirnova"), FOR);

      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes)))
          .containsExactly("«smirnova» не является членом Рабочей группы и не может голосовать");
    }
  }

  @Nested
  class QuorumPerItem {

    @Test
    void aMemberWhoLeavesBreaksTheQuorumForLaterItems() {
      List<String> atStart = firstPresent(8);
      List<String> afterOneLeft = firstPresent(7);

      VoteOutcome first = ItemVotes.of(ROSTER, atStart, CHAIR, votes(atStart, choices(6, 1, 1))).decide(DEFAULTS);
      assertThat(first.decision()).isEqualTo(Decision.ADOPTED);

      ItemVotes second = ItemVotes.of(ROSTER, afterOneLeft, CHAIR, votes(afterOneLeft, choices(6, 1, 0)));
      assertThat(second.quorum(DEFAULTS).quorate()).isFalse();
      assertThat(violations(second)).containsExactly(
          "Голосование по вопросу без кворума не проводится: присутствуют 7 из 15 членов, требуется не менее 8 "
              + "(п. 15 Положения)");
      assertThat(ItemVotes.of(ROSTER, afterOneLeft, CHAIR, List.of()).decide(DEFAULTS).rule())
          .isEqualTo(DecisionRule.NO_QUORUM);
    }

    @Test
    void aMemberWhoLeftCannotVoteOnLaterItems() {
      List<String> afterOneLeft = firstPresent(9).subList(0, 8);
      List<Vote> votes = votes(firstPresent(9), choices(5, 4, 0));

      assertThat(violations(ItemVotes.of(ROSTER, afterOneLeft, CHAIR, votes)))
          .containsExactly("«semenov» не отмечен(а) как присутствующий(ая) и не может голосовать");
    }

    @Test
    void quorumRuleOfTheSettingsApplies() {
      List<String> present = firstPresent(8);
      ItemVotes item = ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(8, 0, 0)));

      assertThat(item.decide(DEFAULTS).decision()).isEqualTo(Decision.ADOPTED);
      assertThatThrownBy(() -> item.decide(DEFAULTS.withQuorumRule(QuorumRule.AT_LEAST_TWO_THIRDS)))
          .isInstanceOf(RuleViolationException.class)
          .hasMessageContaining("требуется не менее 10");
    }
  }

  @Nested
  class Validation {

    @Test
    void voterWhoIsNotAMember() {
      List<String> present = firstPresent(8);
      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes(List.of("stranger"), FOR))))
          .containsExactly("«stranger» не является членом Рабочей группы и не может голосовать");
    }

    @Test
    void memberWhoIsNotRecordedPresent() {
      List<String> present = firstPresent(8);
      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes(List.of("makarov"), AGAINST))))
          .containsExactly("«makarov» не отмечен(а) как присутствующий(ая) и не может голосовать");
    }

    @Test
    void secondVoteOfAMemberIsRefusedOnceWhateverTheChoices() {
      List<String> present = firstPresent(8);
      List<Vote> votes = votes(List.of("vasiliev", "vasiliev", "vasiliev"), FOR, AGAINST, FOR);

      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes)))
          .containsExactly("«vasiliev» проголосовал(а) по вопросу более одного раза");
    }

    @Test
    void voteWithoutMemberOrChoice() {
      List<String> present = firstPresent(8);
      List<Vote> votes = new ArrayList<>();
      votes.add(null);
      votes.add(Vote.of(" ", FOR));
      votes.add(Vote.of("vasiliev", null));

      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, votes))).containsExactly(
          "Голос записан без указания члена Рабочей группы",
          "Голос записан без указания члена Рабочей группы",
          "«vasiliev»: не указано, как проголосовал(а) член Рабочей группы (за, против, воздержался)");
    }

    @Test
    void presidingPersonMissingNotAMemberOrAbsent() {
      List<String> present = firstPresent(8);
      assertThat(violations(ItemVotes.of(ROSTER, present, null, List.of())))
          .containsExactly("Не указан председательствующий на заседании");
      assertThat(violations(ItemVotes.of(ROSTER, present, "smirnova", List.of())))
          .containsExactly("Председательствующий «smirnova» не является членом Рабочей группы");
      assertThat(violations(ItemVotes.of(ROSTER, firstPresent(9).subList(1, 9), CHAIR, List.of())))
          .containsExactly("Председательствующий «sokolov» не отмечен(а) как присутствующий(ая)");
    }

    @Test
    void emptyRoster() {
      assertThat(violations(ItemVotes.of(List.of(), List.of(), CHAIR, List.of()))).containsExactly(
          "Состав Рабочей группы пуст: проверить кворум и голосование невозможно",
          "Председательствующий «sokolov» не является членом Рабочей группы");
    }

    @Test
    void blankIds() {
      List<String> present = new ArrayList<>(firstPresent(8));
      present.add("");
      assertThat(violations(ItemVotes.of(ROSTER, present, CHAIR, List.of())))
          .contains("В составе или в списке присутствующих есть пустой идентификатор");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsDecided() {
      List<String> present = firstPresent(8);
      List<Vote> votes = List.of(Vote.of("stranger", FOR), Vote.of("makarov", FOR), Vote.of("vasiliev", FOR),
          Vote.of("vasiliev", AGAINST));

      assertThatThrownBy(() -> ItemVotes.of(ROSTER, present, CHAIR, votes).decide(DEFAULTS))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.violations()).hasSize(3);
            assertThat(e.getMessage()).contains("stranger", "makarov", "vasiliev");
          });
    }

    @Test
    void messagesUseDisplayNamesWhenGiven() {
      List<String> present = firstPresent(8);
      ItemVotes item = ItemVotes.of(ROSTER, present, CHAIR, votes(List.of("makarov"), FOR))
          .withDisplayNames(Map.of("makarov", "Макаров В. Г."));

      assertThat(violations(item))
          .containsExactly("«Макаров В. Г.» не отмечен(а) как присутствующий(ая) и не может голосовать");
    }

    @Test
    void validRecordGivesItsTally() {
      List<String> present = firstPresent(10);
      assertThat(ItemVotes.of(ROSTER, present, CHAIR, votes(present, choices(2, 3, 4))).validate(DEFAULTS))
          .isEqualTo(new VoteTally(2, 3, 4, 10, FOR));
    }

    @Test
    void inputCollectionsAreCopied() {
      List<String> present = new ArrayList<>(firstPresent(8));
      List<Vote> votes = new ArrayList<>(votes(present, choices(5, 0, 0)));
      ItemVotes item = ItemVotes.of(ROSTER, present, CHAIR, votes);
      present.clear();
      votes.clear();

      assertThat(item.present()).hasSize(8);
      assertThat(item.votes()).hasSize(5);
      assertThatThrownBy(() -> item.votes().add(Vote.of(CHAIR, FOR))).isInstanceOf(UnsupportedOperationException.class);
    }
  }
}
