package ru.nso.wg.meeting.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may preside (§ 10): the chair, or a deputy chair on the chair's instruction, present for the item they preside
 * over. The secretariat records a change at the attendance or before any item; the instruction (its form, reference
 * and date) is required whenever the presiding person is not the chair.
 */
public final class PresidingRules {

  private PresidingRules() {
  }

  /** The form of the chair's instruction to preside (§ 10). */
  public enum InstructionForm {
    ORAL("устное"), WRITTEN("письменное");

    private final String adjective;

    InstructionForm(String adjective) {
      this.adjective = adjective;
    }

    public String adjective() {
      return adjective;
    }
  }

  /**
   * The chair's instruction to a deputy chair to preside (§ 10).
   *
   * @param form      oral or written
   * @param reference the document's number, or how an oral instruction was given (required)
   * @param date      the date it was given
   */
  public record ChairInstruction(InstructionForm form, String reference, LocalDate date) {
    /** «устное поручение от 16.12.2026, по телефону» ({@code dateText}: the date as people read it). */
    public String text(String dateText) {
      return form.adjective() + " поручение от " + dateText + ", " + reference.trim();
    }
  }

  /**
   * Checks a presiding person named for item {@code fromItem} on.
   *
   * @param candidateId the member named, or {@code null}
   * @param chairId     the chair of the working group
   * @param deputyIds   the deputy chairs
   * @param present     members present for item {@code fromItem}
   * @param instruction the chair's instruction; required (with its form and date) when the candidate is not the chair
   * @param names       names for the messages
   * @return the problems, in Russian, naming the field and the clause; empty when valid
   */
  public static List<String> check(String candidateId, int fromItem, String chairId, Collection<String> deputyIds,
                                   Set<String> present, ChairInstruction instruction, Map<String, String> names) {
    List<String> problems = new ArrayList<>();
    String from = fromItem <= 1 ? "" : " с вопроса " + fromItem;
    if (candidateId == null || candidateId.isBlank()) {
      problems.add("Председательствующий: укажите, кто председательствует на заседании (п. 10 Положения)");
      return problems;
    }
    String name = "«" + names.getOrDefault(candidateId, candidateId) + "»";
    boolean chair = candidateId.equals(chairId);
    if (!chair && !deputyIds.contains(candidateId)) {
      problems.add("Председательствующий: " + name + " не является председателем или заместителем председателя "
          + "Рабочей группы и не может председательствовать (п. 10 Положения)");
      return problems;
    }
    if (!present.contains(candidateId)) {
      problems.add("Председательствующий: " + name + " не отмечен(а) как присутствующий(ая)" + from
          + " и не может председательствовать (п. 10 Положения)");
    }
    if (!chair) {
      if (instruction == null || instruction.form() == null) {
        problems.add("Поручение председателя: укажите, устное оно или письменное (п. 10 Положения)");
      }
      if (instruction == null || instruction.date() == null) {
        problems.add("Поручение председателя: укажите дату поручения председательствовать (п. 10 Положения)");
      }
      if (instruction == null || instruction.reference() == null || instruction.reference().isBlank()) {
        problems.add("Поручение председателя: укажите реквизиты письменного поручения или как было дано устное "
            + "(п. 10 Положения)");
      }
    }
    return problems;
  }

  /**
   * «вопрос 1», «вопросы 1–2», «вопросы 1, 3–4»: the items a person presided over, for the minutes.
   *
   * @param items the item numbers, ascending
   */
  public static String itemsText(List<Integer> items) {
    if (items.size() == 1) {
      return "вопрос " + items.get(0);
    }
    List<String> ranges = new ArrayList<>();
    int start = items.get(0);
    int previous = start;
    for (int i = 1; i <= items.size(); i++) {
      Integer next = i < items.size() ? items.get(i) : null;
      if (next != null && next == previous + 1) {
        previous = next;
        continue;
      }
      ranges.add(start == previous ? String.valueOf(start) : start + "–" + previous);
      if (next != null) {
        start = next;
        previous = next;
      }
    }
    return "вопросы " + String.join(", ", ranges);
  }
}
