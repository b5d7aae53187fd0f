package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.meeting.rules.Decision.ADOPTED;
import static ru.nso.wg.meeting.rules.Decision.NEEDS_CONFIRMATION;
import static ru.nso.wg.meeting.rules.Decision.REJECTED;
import static ru.nso.wg.meeting.rules.DecisionRule.CASTING_VOTE;
import static ru.nso.wg.meeting.rules.DecisionRule.MAJORITY;
import static ru.nso.wg.meeting.rules.DecisionRule.NO_QUORUM;
import static ru.nso.wg.meeting.rules.DecisionRule.TIE_UNRESOLVED;

/** The outcome from the counts (§ 16), T = 15 unless a test says otherwise. */
class VoteRulesTest {

  private static final int ROSTER = 15;
  private static final VotingSettings DEFAULTS = VotingSettings.defaults();

  private static VoteOutcome decide(VotingSettings settings, int forVotes, int against, int abstain, int present,
                                    VoteChoice presiding) {
    return VoteRules.decide(Quorum.check(present, ROSTER, settings),
        new VoteTally(forVotes, against, abstain, present, presiding), settings);
  }

  @Nested
  class SimpleMajorityOfThosePresent {

    @ParameterizedTest(name = "{0}/{1}/{2} of P={3} → {4}")
    @CsvSource({
        // for, against, abstain, present, decision
        "5, 3, 1, 9, ADOPTED",
        "5, 4, 0, 9, ADOPTED",
        "5, 0, 0, 9, ADOPTED",   // present members who did not vote count in P
        "4, 0, 0, 9, REJECTED",  // 8 > 9 fails although nobody voted against
        "4, 3, 2, 9, REJECTED",  // more for than against, still no majority of P
        "4, 5, 0, 9, REJECTED",
        "8, 0, 0, 15, ADOPTED",
        "7, 0, 8, 15, REJECTED",
        "0, 0, 8, 8, REJECTED",  // everybody abstained
        "0, 0, 0, 8, REJECTED",  // nobody voted
        "9, 0, 0, 9, ADOPTED",
    })
    void adoptedOnlyWhenTwiceForExceedsPresent(int forVotes, int against, int abstain, int present,
                                               Decision decision) {
      VoteOutcome outcome = decide(DEFAULTS, forVotes, against, abstain, present, null);

      assertThat(outcome.decision()).isEqualTo(decision);
      assertThat(outcome.rule()).isEqualTo(MAJORITY);
      assertThat(outcome.majorityBase()).isEqualTo(MajorityBase.PRESENT);
    }

    @Test
    void outcomeCarriesTheCounts() {
      VoteOutcome outcome = decide(DEFAULTS, 5, 3, 1, 9, VoteChoice.FOR);

      assertThat(outcome.tally()).isEqualTo(new VoteTally(5, 3, 1, 9, VoteChoice.FOR));
      assertThat(outcome.tally().votesCast()).isEqualTo(9);
      assertThat(outcome.quorum()).isEqualTo(Quorum.check(9, ROSTER));
      assertThat(outcome.tally().minutesText())
          .isEqualTo("За — 5, против — 3, воздержались — 1; присутствуют 9 членов Рабочей группы");
    }

    @Test
    void minutesStateTheMajorityRule() {
      assertThat(decide(DEFAULTS, 5, 3, 1, 9, null).minutesText())
          .isEqualTo("Решение принято простым большинством голосов от числа присутствующих (п. 16 Положения)");
      assertThat(decide(DEFAULTS, 4, 3, 2, 9, null).minutesText())
          .isEqualTo("Решение не принято: не набрано простое большинство голосов от числа присутствующих "
              + "(п. 16 Положения)");
    }
  }

  @Nested
  class PureTieIsDecidedByThePresidingPerson {

    @Test
    void presidingForAdopts() {
      VoteOutcome outcome = decide(DEFAULTS, 4, 4, 0, 8, VoteChoice.FOR);

      assertThat(outcome.decision()).isEqualTo(ADOPTED);
      assertThat(outcome.rule()).isEqualTo(CASTING_VOTE);
      assertThat(outcome.minutesText())
          .isEqualTo("При равенстве голосов решение принято решающим голосом председательствующего (п. 16 Положения)");
    }

    @Test
    void presidingAgainstRejects() {
      VoteOutcome outcome = decide(DEFAULTS, 4, 4, 0, 8, VoteChoice.AGAINST);

      assertThat(outcome.decision()).isEqualTo(REJECTED);
      assertThat(outcome.rule()).isEqualTo(CASTING_VOTE);
      assertThat(outcome.minutesText())
          .isEqualTo("При равенстве голосов решение не принято: решающий голос председательствующего подан против"
              + " (п. 16 Положения)");
    }

    @Test
    void presidingWhoDidNotVoteMustConfirm() {
      VoteOutcome outcome = decide(DEFAULTS.withMajorityBase(MajorityBase.VOTES_CAST), 4, 4, 0, 9, null);

      assertThat(outcome.decision()).isEqualTo(NEEDS_CONFIRMATION);
      assertThat(outcome.rule()).isEqualTo(TIE_UNRESOLVED);
      assertThat(decide(DEFAULTS, 4, 4, 0, 8, null).decision()).isEqualTo(NEEDS_CONFIRMATION);
    }

    @Test
    void smallestTie() {
      VoteOutcome outcome = VoteRules.decide(Quorum.check(2, 3), new VoteTally(1, 1, 0, 2, VoteChoice.FOR), DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(ADOPTED);
      assertThat(outcome.rule()).isEqualTo(CASTING_VOTE);
    }
  }

  @Nested
  class TieThatTheRuleDoesNotSettle {

    @ParameterizedTest(name = "presiding voted {0}")
    @EnumSource(VoteChoice.class)
    void threeThreeTwoNeedsConfirmationWhateverThePresidingPersonVoted(VoteChoice presiding) {
      VoteOutcome outcome = decide(DEFAULTS, 3, 3, 2, 8, presiding);

      assertThat(outcome.decision()).isEqualTo(NEEDS_CONFIRMATION);
      assertThat(outcome.rule()).isEqualTo(TIE_UNRESOLVED);
      assertThat(outcome.needsConfirmation()).isTrue();
      assertThat(outcome.adopted()).isFalse();
      assertThat(outcome.minutesText()).isEqualTo("Голоса «за» и «против» разделились поровну (за — 3, против — 3; "
          + "воздержались — 2); результат голосования подлежит подтверждению председательствующим (п. 16 Положения)");
    }

    @Test
    void presidingWhoDidNotVoteInATieWithAbstentionsMustConfirm() {
      assertThat(decide(DEFAULTS, 3, 3, 2, 8, null).decision()).isEqualTo(NEEDS_CONFIRMATION);
    }

    @Test
    void tieWithAPresentMemberWhoDidNotVoteIsLikeATieWithAbstentions() {
      // 4/4/0 with P = 9: majority of those present says rejected, a literal tie-break says the presiding person.
      VoteOutcome outcome = decide(DEFAULTS, 4, 4, 0, 9, VoteChoice.FOR);

      assertThat(outcome.decision()).isEqualTo(NEEDS_CONFIRMATION);
      assertThat(outcome.rule()).isEqualTo(TIE_UNRESOLVED);
      // the minutes say what was the case: nobody abstained, one member present did not vote
      assertThat(outcome.confirm(true).minutesText()).isEqualTo("Голоса «за» и «против» разделились поровну (за — 4, "
          + "против — 4; не голосовали — 1). Решение принято: результат голосования подтверждён председательствующим "
          + "(п. 16 Положения)");
    }

    @Test
    void aConfirmedPureTieSaysThatThePresidingPersonDidNotVote() {
      VoteOutcome outcome = decide(DEFAULTS.withMajorityBase(MajorityBase.VOTES_CAST), 4, 4, 0, 9, null);

      assertThat(outcome.confirm(false).minutesText()).isEqualTo("Голоса «за» и «против» разделились поровну (за — 4, "
          + "против — 4; председательствующий не голосовал «за» или «против»). Решение не принято: результат "
          + "голосования подтверждён председательствующим (п. 16 Положения)");
    }
  }

  @Nested
  class NoTieBreak {

    private final VotingSettings none = DEFAULTS.withTieBreak(TieBreak.NONE);

    @ParameterizedTest(name = "presiding voted {0}")
    @EnumSource(VoteChoice.class)
    void pureTieIsRejectedByMajority(VoteChoice presiding) {
      VoteOutcome outcome = decide(none, 4, 4, 0, 8, presiding == VoteChoice.ABSTAIN ? null : presiding);

      assertThat(outcome.decision()).isEqualTo(REJECTED);
      assertThat(outcome.rule()).isEqualTo(MAJORITY);
    }

    @Test
    void tieWithAbstentionsIsRejectedByMajority() {
      VoteOutcome outcome = decide(none, 3, 3, 2, 8, VoteChoice.FOR);

      assertThat(outcome.decision()).isEqualTo(REJECTED);
      assertThat(outcome.rule()).isEqualTo(MAJORITY);
    }

    @Test
    void majorityStillAdopts() {
      assertThat(decide(none, 5, 3, 0, 8, null).decision()).isEqualTo(ADOPTED);
    }
  }

  @Nested
  class MajorityOfVotesCast {

    private final VotingSettings votesCast = DEFAULTS.withMajorityBase(MajorityBase.VOTES_CAST);

    @Test
    void membersWhoDidNotVoteAreOutsideTheBase() {
      // 4 for, 3 against, 2 present who did not vote: 8 > 7 votes cast, but not > 9 present.
      assertThat(decide(votesCast, 4, 3, 0, 9, null).decision()).isEqualTo(ADOPTED);
      assertThat(decide(DEFAULTS, 4, 3, 0, 9, null).decision()).isEqualTo(REJECTED);
    }

    @Test
    void abstentionsAreVotesCast() {
      assertThat(decide(votesCast, 4, 3, 2, 9, null).decision()).isEqualTo(REJECTED);
      assertThat(decide(votesCast, 5, 3, 1, 9, null).decision()).isEqualTo(ADOPTED);
    }

    @Test
    void tieWithoutAbstentionsIsPureEvenWhenSomeoneDidNotVote() {
      VoteOutcome outcome = decide(votesCast, 4, 4, 0, 9, VoteChoice.AGAINST);

      assertThat(outcome.decision()).isEqualTo(REJECTED);
      assertThat(outcome.rule()).isEqualTo(CASTING_VOTE);
    }

    @Test
    void tieWithAbstentionsNeedsConfirmation() {
      assertThat(decide(votesCast, 3, 3, 1, 9, VoteChoice.FOR).decision()).isEqualTo(NEEDS_CONFIRMATION);
    }

    @Test
    void noVotesIsNoMajority() {
      assertThat(decide(votesCast, 0, 0, 0, 9, null).decision()).isEqualTo(REJECTED);
    }

    @Test
    void minutesNameTheBase() {
      assertThat(decide(votesCast, 4, 3, 0, 9, null).minutesText())
          .isEqualTo("Решение принято простым большинством голосов от числа проголосовавших (п. 16 Положения)");
    }
  }

  @Nested
  class WithoutQuorum {

    @Test
    void anItemWithoutQuorumIsNotDecided() {
      VoteOutcome outcome = VoteRules.noQuorum(Quorum.check(7, ROSTER), DEFAULTS);

      assertThat(outcome.decision()).isEqualTo(REJECTED);
      assertThat(outcome.rule()).isEqualTo(NO_QUORUM);
      assertThat(outcome.tally()).isEqualTo(new VoteTally(0, 0, 0, 7, null));
      assertThat(outcome.minutesText()).isEqualTo("Решение не принималось: отсутствует кворум (п. 15 Положения)");
    }

    @Test
    void votesRecordedWithoutQuorumAreRefused() {
      assertThatThrownBy(() -> decide(DEFAULTS, 7, 0, 0, 7, null))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
              "Голосование по вопросу без кворума не проводится: присутствуют 7 из 15 членов, "
                  + "требуется не менее 8 (п. 15 Положения)"));
    }

    @Test
    void theQuorumRuleOfTheSettingsApplies() {
      VotingSettings moreThanHalf = DEFAULTS.withQuorumRule(QuorumRule.MORE_THAN_HALF);
      VoteOutcome outcome = VoteRules.decide(Quorum.check(7, 14, moreThanHalf), new VoteTally(0, 0, 0, 7, null),
          moreThanHalf);

      assertThat(outcome.rule()).isEqualTo(NO_QUORUM);
      assertThat(VoteRules.decide(Quorum.check(7, 14), new VoteTally(7, 0, 0, 7, null), DEFAULTS).decision())
          .isEqualTo(ADOPTED);
    }

    @Test
    void noQuorumOutcomeNeedsAMissingQuorum() {
      assertThatThrownBy(() -> VoteRules.noQuorum(Quorum.check(8, ROSTER), DEFAULTS))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quorumMustBeCheckedUnderTheSettingsRule() {
      assertThatThrownBy(() -> VoteRules.decide(Quorum.check(8, ROSTER, QuorumRule.MORE_THAN_HALF),
          new VoteTally(5, 0, 0, 8, null), DEFAULTS)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class TallyValidation {

    @Test
    void moreVotesThanMembersPresentIsRefused() {
      assertThatThrownBy(() -> new VoteTally(5, 3, 2, 9, null))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).containsExactly(
              "Голосов подано больше, чем присутствует членов Рабочей группы: за — 5, против — 3, "
                  + "воздержались — 2, присутствуют — 9"));
    }

    @Test
    void exactlyAsManyVotesAsPresentIsAccepted() {
      assertThat(new VoteTally(5, 3, 1, 9, null).notVoted()).isZero();
    }

    @ParameterizedTest(name = "{0}/{1}/{2} of P={3}")
    @CsvSource({"-1, 0, 0, 5", "0, -1, 0, 5", "0, 0, -1, 5", "0, 0, 0, -1"})
    void negativeCountsAreRefused(int forVotes, int against, int abstain, int present) {
      assertThatThrownBy(() -> new VoteTally(forVotes, against, abstain, present, null))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
              .containsExactly("Число голосов и число присутствующих не могут быть отрицательными"));
    }

    @Test
    void presidingVoteMustBeAmongTheCounts() {
      assertThatThrownBy(() -> new VoteTally(0, 4, 0, 8, VoteChoice.FOR))
          .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
              .containsExactly("Голос председательствующего «за» не учтён в итогах голосования"));
    }

    @Test
    void minutesTextAgreesWithTheNumberPresent() {
      assertThat(new VoteTally(1, 0, 0, 1, null).minutesText()).endsWith("присутствует 1 член Рабочей группы");
      assertThat(new VoteTally(1, 0, 0, 3, null).minutesText()).endsWith("присутствуют 3 члена Рабочей группы");
      assertThat(new VoteTally(1, 0, 0, 12, null).minutesText()).endsWith("присутствуют 12 членов Рабочей группы");
      assertThat(new VoteTally(1, 0, 0, 22, null).minutesText()).endsWith("присутствуют 22 члена Рабочей группы");
    }
  }

  /** Invariants over every possible count of a small meeting, for every combination of settings. */
  @Test
  void invariantsHoldForEveryTallyAndSetting() {
    for (QuorumRule quorumRule : QuorumRule.values()) {
      for (MajorityBase base : MajorityBase.values()) {
        for (TieBreak tieBreak : TieBreak.values()) {
          VotingSettings settings = new VotingSettings(quorumRule, base, tieBreak);
          for (int present = 0; present <= 12; present++) {
            Quorum quorum = Quorum.check(present, 12, quorumRule);
            for (int f = 0; f <= present; f++) {
              for (int a = 0; f + a <= present; a++) {
                for (int s = 0; f + a + s <= present; s++) {
                  VoteTally tally = new VoteTally(f, a, s, present, f > 0 ? VoteChoice.FOR : null);
                  String label = settings + " " + tally;
                  if (!quorum.quorate()) {
                    if (f + a + s > 0) {
                      assertThatThrownBy(() -> VoteRules.decide(quorum, tally, settings)).as(label)
                          .isInstanceOf(RuleViolationException.class);
                    }
                    continue;
                  }
                  VoteOutcome outcome = VoteRules.decide(quorum, tally, settings);
                  int majorityOf = base == MajorityBase.PRESENT ? present : f + a + s;
                  if (2 * f > majorityOf) {
                    assertThat(outcome.decision()).as(label).isEqualTo(ADOPTED);
                    assertThat(outcome.rule()).as(label).isEqualTo(MAJORITY);
                  } else if (f == a && f > 0 && tieBreak == TieBreak.PRESIDING) {
                    assertThat(outcome.rule()).as(label).isIn(CASTING_VOTE, TIE_UNRESOLVED);
                  } else {
                    assertThat(outcome.decision()).as(label).isEqualTo(REJECTED);
                    assertThat(outcome.rule()).as(label).isEqualTo(MAJORITY);
                  }
                  if (f < a) {
                    assertThat(outcome.decision()).as(label).isEqualTo(REJECTED);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
