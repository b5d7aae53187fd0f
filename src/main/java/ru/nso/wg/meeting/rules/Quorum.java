package ru.nso.wg.meeting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Quorum (§ 15): whether the members present make the meeting — or, when attendance changed during the
 * meeting, the vote on one agenda item — valid. Check it when attendance is recorded and again for every
 * item with the attendance at that moment: a member who leaves may break the quorum for later items.
 *
 * <p>Only members of the roster count (the chair and the deputy chairs included, each once); invitees never do.
 *
 * @param present members present (in person or by video conference), P
 * @param total   members in the approved roster, T
 * @param needed  the least P that is quorate for this T under {@code rule}
 * @param quorate whether P meets the rule
 * @param rule    the quorum rule applied
 */
public record Quorum(int present, int total, int needed, boolean quorate, QuorumRule rule) {

  public Quorum {
    Objects.requireNonNull(rule, "rule");
    validate(present, total);
    if (needed != rule.needed(total) || quorate != rule.isQuorate(present, total)) {
      throw new IllegalArgumentException("Inconsistent quorum: use Quorum.check");
    }
  }

  /** Checks the quorum under the regulation's rule (2 × P ≥ T). */
  public static Quorum check(int present, int total) {
    return check(present, total, QuorumRule.AT_LEAST_HALF);
  }

  /** Checks the quorum under the given rule. */
  public static Quorum check(int present, int total, QuorumRule rule) {
    Objects.requireNonNull(rule, "rule");
    validate(present, total);
    return new Quorum(present, total, rule.needed(total), rule.isQuorate(present, total), rule);
  }

  /** Checks the quorum under the rule of the given settings. */
  public static Quorum check(int present, int total, VotingSettings settings) {
    return check(present, total, settings.quorumRule());
  }

  /**
   * The sentence for the minutes, e.g. «Заседание правомочно: присутствуют 9 из 15 членов (не менее половины,
   * п. 15 Положения)» or «Заседание неправомочно: присутствуют 7 из 15 членов, требуется не менее 8 (не менее
   * половины, п. 15 Положения)».
   */
  public String minutesText() {
    String attendance = RussianWords.presentVerb(present) + " " + present + " из " + total + " "
        + RussianWords.membersGenitive(total);
    String clause = " (" + rule.wording() + ", п. 15 Положения)";
    return quorate
        ? "Заседание правомочно: " + attendance + clause
        : "Заседание неправомочно: " + attendance + ", требуется не менее " + needed + clause;
  }

  private static void validate(int present, int total) {
    List<String> problems = new ArrayList<>();
    if (total <= 0) {
      problems.add("Число членов Рабочей группы должно быть больше нуля (указано " + total + ")");
    }
    if (present < 0) {
      problems.add("Число присутствующих не может быть отрицательным (указано " + present + ")");
    }
    if (total > 0 && present > total) {
      problems.add("Присутствующих (" + present + ") больше, чем членов Рабочей группы (" + total + ")");
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
  }
}
