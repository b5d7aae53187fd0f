package ru.nso.wg.document.model;

import java.util.Objects;

/**
 * Who presides over the meeting (§ 10): the chair, or a deputy chair acting on the chair's instruction.
 *
 * @param name               full name, «Фамилия Имя Отчество» (printed in full lists, shortened to «И.О. Фамилия»
 *                           in the signature block)
 * @param position           position (должность)
 * @param onChairInstruction true when a deputy chair presides on the chair's instruction (§ 10)
 * @param instructionNote    optional wording printed after the name when {@code onChairInstruction}, e.g.
 *                           «по поручению председателя Рабочей группы от 12 мая 2026 г.»; when empty the
 *                           standard text «по поручению председателя Рабочей группы (п. 10 Положения)» is used
 */
public record PresidingPerson(String name, String position, boolean onChairInstruction, String instructionNote) {

  public static final String DEFAULT_INSTRUCTION_NOTE = "по поручению председателя Рабочей группы (п. 10 Положения)";

  public PresidingPerson {
    Objects.requireNonNull(name, "name");
    position = position == null ? "" : position;
  }

  /** The chair presiding in person. */
  public static PresidingPerson chair(String name, String position) {
    return new PresidingPerson(name, position, false, null);
  }

  /** A deputy chair presiding on the chair's instruction (§ 10). */
  public static PresidingPerson deputyOnInstruction(String name, String position, String instructionNote) {
    return new PresidingPerson(name, position, true, instructionNote);
  }

  /** The note printed after the presiding person, empty when the chair presides. */
  public String instructionText() {
    if (!onChairInstruction) {
      return "";
    }
    return instructionNote == null || instructionNote.isBlank() ? DEFAULT_INSTRUCTION_NOTE : instructionNote.trim();
  }
}
