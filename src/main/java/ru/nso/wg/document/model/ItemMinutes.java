package ru.nso.wg.document.model;

import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;

import java.util.List;
import java.util.Objects;

/**
 * One agenda item as the minutes record it.
 *
 * @param number       the item number (as in the agenda)
 * @param title        the question
 * @param heard        «СЛУШАЛИ»: the speakers, each «Фамилия И.О. — должность» as printed
 * @param spoke        «ВЫСТУПИЛИ»: free text (several lines allowed), may be empty
 * @param decision     «РЕШИЛИ»: the decision text (several lines allowed)
 * @param votes        the vote counts; {@code null} only when {@code rule} is {@link DecisionRule#NO_QUORUM}
 * @param outcome      adopted or rejected (rejected when nothing was decided for lack of quorum)
 * @param rule         the rule that produced the outcome
 * @param instructions instructions with executors and due dates, may be empty
 * @param attendanceChanges who arrived or left before the item, and who presides from it on (§§ 10, 15), one line
 *                          each, in the order recorded; may be empty
 * @param presentText  P of the item: «При рассмотрении вопроса присутствуют 8 из 15 членов Рабочей группы», or empty
 */
public record ItemMinutes(
    int number,
    String title,
    List<String> heard,
    String spoke,
    String decision,
    VoteCounts votes,
    Decision outcome,
    DecisionRule rule,
    List<Instruction> instructions,
    List<String> attendanceChanges,
    String presentText) {

  public ItemMinutes {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rule, "rule");
    heard = heard == null ? List.of() : List.copyOf(heard);
    spoke = spoke == null ? "" : spoke;
    decision = decision == null ? "" : decision;
    instructions = instructions == null ? List.of() : List.copyOf(instructions);
    attendanceChanges = attendanceChanges == null ? List.of() : List.copyOf(attendanceChanges);
    presentText = presentText == null ? "" : presentText;
    if (votes == null && rule != DecisionRule.NO_QUORUM) {
      throw new IllegalArgumentException("votes are required unless the rule is NO_QUORUM (item " + number + ")");
    }
    if (rule == DecisionRule.NO_QUORUM && outcome != Decision.REJECTED) {
      throw new IllegalArgumentException("without quorum no decision is taken (item " + number + ")");
    }
  }

  /** An item without changes of attendance and without P printed. */
  public ItemMinutes(int number, String title, List<String> heard, String spoke, String decision, VoteCounts votes,
                     Decision outcome, DecisionRule rule, List<Instruction> instructions) {
    this(number, title, heard, spoke, decision, votes, outcome, rule, instructions, List.of(), "");
  }

  /** «Решение принято», «Решение не принято», or «Решение не принималось» (no quorum). */
  public String outcomeTitle() {
    if (rule == DecisionRule.NO_QUORUM) {
      return "Решение не принималось";
    }
    return outcome == Decision.ADOPTED ? "Решение принято" : "Решение не принято";
  }
}
