package ru.nso.wg.meeting.rules;

import java.util.Objects;

/**
 * The outcome of the vote on one agenda item, with the rule that produced it so that the minutes can state it.
 *
 * @param decision     adopted, rejected, or waiting for the presiding person's confirmation
 * @param rule         the rule of § 15–16 that produced the decision
 * @param tally        the counts (for, against, abstain, present)
 * @param quorum       the quorum at the moment of the vote
 * @param majorityBase what the majority was counted from
 */
public record VoteOutcome(Decision decision, DecisionRule rule, VoteTally tally, Quorum quorum,
                          MajorityBase majorityBase) {

  public VoteOutcome {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(tally, "tally");
    Objects.requireNonNull(quorum, "quorum");
    Objects.requireNonNull(majorityBase, "majorityBase");
    boolean consistent = switch (rule) {
      case TIE_UNRESOLVED -> decision == Decision.NEEDS_CONFIRMATION;
      case NO_QUORUM -> decision == Decision.REJECTED && !quorum.quorate();
      case MAJORITY, CASTING_VOTE, CONFIRMED_BY_PRESIDING -> decision != Decision.NEEDS_CONFIRMATION;
    };
    if (!consistent) {
      throw new IllegalArgumentException("Decision " + decision + " cannot be produced by rule " + rule);
    }
    if (tally.present() != quorum.present()) {
      throw new IllegalArgumentException("The tally and the quorum disagree on the number present");
    }
  }

  public boolean adopted() {
    return decision == Decision.ADOPTED;
  }

  public boolean needsConfirmation() {
    return decision == Decision.NEEDS_CONFIRMATION;
  }

  /**
   * Applies the presiding person's confirmation to an outcome that {@link #needsConfirmation() needs it}.
   *
   * @param confirmed {@link Decision#ADOPTED} or {@link Decision#REJECTED}, as the presiding person confirms it
   * @return the same counts with that decision and rule {@link DecisionRule#CONFIRMED_BY_PRESIDING}
   * @throws RuleViolationException when this outcome needs no confirmation or {@code confirmed} is not a decision
   */
  public VoteOutcome confirm(Decision confirmed) {
    if (!needsConfirmation()) {
      throw new RuleViolationException("Результат голосования не требует подтверждения председательствующим: "
          + minutesText());
    }
    if (confirmed == null || confirmed == Decision.NEEDS_CONFIRMATION) {
      throw new RuleViolationException("Председательствующий должен подтвердить, принято решение или не принято");
    }
    return new VoteOutcome(confirmed, DecisionRule.CONFIRMED_BY_PRESIDING, tally, quorum, majorityBase);
  }

  /** {@link #confirm(Decision)} with {@code ADOPTED} when {@code adopted}, {@code REJECTED} otherwise. */
  public VoteOutcome confirm(boolean adopted) {
    return confirm(adopted ? Decision.ADOPTED : Decision.REJECTED);
  }

  /** The sentence for the minutes stating the decision and the rule, with the clause of the regulation. */
  public String minutesText() {
    return switch (rule) {
      case MAJORITY -> adopted()
          ? "Решение принято простым большинством голосов " + majorityBase.wording() + " (п. 16 Положения)"
          : "Решение не принято: не набрано простое большинство голосов " + majorityBase.wording()
              + " (п. 16 Положения)";
      case CASTING_VOTE -> adopted()
          ? "Решение принято решающим голосом председательствующего (п. 16 Положения)"
          : "Решение отклонено решающим голосом председательствующего (п. 16 Положения)";
      case TIE_UNRESOLVED -> "Голоса «за» и «против» разделились поровну; результат голосования подлежит "
          + "подтверждению председательствующим (п. 16 Положения)";
      case CONFIRMED_BY_PRESIDING -> (adopted() ? "Решение принято. " : "Решение не принято. ")
          + "Результат голосования подтверждён председательствующим (п. 16 Положения)";
      case NO_QUORUM -> "Решение не принято: отсутствует кворум (п. 15 Положения)";
    };
  }

  /**
   * What was decided, in a few words for the next form and the record: «решение принято: 6 из 9», «решение не
   * принято: за — 3 из 9», «решение не принималось: нет кворума (7 из 15)», «голоса разделились поровну: результат
   * подтверждает председательствующий».
   */
  public String summary() {
    int base = tally.base(majorityBase);
    return switch (decision) {
      case ADOPTED -> "решение принято: " + tally.forVotes() + " из " + base;
      case REJECTED -> rule == DecisionRule.NO_QUORUM
          ? "решение не принималось: нет кворума (" + quorum.present() + " из " + quorum.total() + ")"
          : "решение не принято: за — " + tally.forVotes() + " из " + base;
      case NEEDS_CONFIRMATION -> "голоса разделились поровну (" + tally.forVotes() + " : " + tally.against()
          + "): результат подтверждает председательствующий";
    };
  }
}
