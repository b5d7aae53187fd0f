package ru.nso.wg.meeting.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The presiding person's confirmation of an outcome the rules do not settle (§ 16). */
class VoteOutcomeTest {

  private static final VotingSettings DEFAULTS = VotingSettings.defaults();

  private static VoteOutcome threeThreeTwo() {
    return VoteRules.decide(Quorum.check(8, 15), new VoteTally(3, 3, 2, 8, VoteChoice.FOR), DEFAULTS);
  }

  @Test
  void confirmedAsAdopted() {
    VoteOutcome confirmed = threeThreeTwo().confirm(true);

    assertThat(confirmed.decision()).isEqualTo(Decision.ADOPTED);
    assertThat(confirmed.rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
    assertThat(confirmed.tally()).isEqualTo(new VoteTally(3, 3, 2, 8, VoteChoice.FOR));
    assertThat(confirmed.minutesText())
        .isEqualTo("Голоса «за» и «против» разделились поровну (за — 3, против — 3; воздержались — 2). Решение принято:"
            + " результат голосования подтверждён председательствующим (п. 16 Положения)");
  }

  @Test
  void confirmedAsRejected() {
    VoteOutcome confirmed = threeThreeTwo().confirm(Decision.REJECTED);

    assertThat(confirmed.decision()).isEqualTo(Decision.REJECTED);
    assertThat(confirmed.rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
    assertThat(confirmed.minutesText())
        .isEqualTo("Голоса «за» и «против» разделились поровну (за — 3, против — 3; воздержались — 2). Решение не"
            + " принято: результат голосования подтверждён председательствующим (п. 16 Положения)");
  }

  @Test
  void confirmingWithoutADecisionIsRefused() {
    VoteOutcome pending = threeThreeTwo();

    assertThatThrownBy(() -> pending.confirm(Decision.NEEDS_CONFIRMATION))
        .isInstanceOf(RuleViolationException.class)
        .hasMessage("Председательствующий должен подтвердить, принято решение или не принято");
    assertThatThrownBy(() -> pending.confirm((Decision) null)).isInstanceOf(RuleViolationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"majority", "casting vote", "no quorum", "already confirmed"})
  void anOutcomeThatNeedsNoConfirmationCannotBeConfirmed(String which) {
    VoteOutcome outcome = switch (which) {
      case "majority" -> VoteRules.decide(Quorum.check(9, 15), new VoteTally(5, 3, 1, 9, null), DEFAULTS);
      case "casting vote" -> VoteRules.decide(Quorum.check(8, 15), new VoteTally(4, 4, 0, 8, VoteChoice.FOR),
          DEFAULTS);
      case "no quorum" -> VoteRules.noQuorum(Quorum.check(7, 15), DEFAULTS);
      default -> threeThreeTwo().confirm(true);
    };

    assertThatThrownBy(() -> outcome.confirm(true))
        .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations()).singleElement()
            .asString().startsWith("Результат голосования не требует подтверждения председательствующим: "));
  }

  @Test
  void canonicalConstructorRefusesARuleThatCannotProduceTheDecision() {
    VoteTally tally = new VoteTally(5, 3, 1, 9, null);
    Quorum quorate = Quorum.check(9, 15);

    assertThatThrownBy(() -> new VoteOutcome(Decision.NEEDS_CONFIRMATION, DecisionRule.MAJORITY, tally, quorate,
        MajorityBase.PRESENT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteOutcome(Decision.ADOPTED, DecisionRule.TIE_UNRESOLVED, tally, quorate,
        MajorityBase.PRESENT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteOutcome(Decision.REJECTED, DecisionRule.NO_QUORUM, tally, quorate,
        MajorityBase.PRESENT)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VoteOutcome(Decision.ADOPTED, DecisionRule.MAJORITY, tally, Quorum.check(8, 15),
        MajorityBase.PRESENT)).isInstanceOf(IllegalArgumentException.class);
  }
}
