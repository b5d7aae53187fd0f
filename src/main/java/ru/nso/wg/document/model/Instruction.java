package ru.nso.wg.document.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An instruction (поручение) carried by a decision (§ 8).
 *
 * @param text        what is to be done; may be empty when the decision text says it
 * @param executor    the executor (исполнитель)
 * @param dueDate     the due date (срок исполнения); may be {@code null} («постоянно» is then printed)
 * @param controlArea the controlling deputy-chair area (or the deputy chair) as printed; may be empty
 */
public record Instruction(String text, String executor, LocalDate dueDate, String controlArea) {

  public Instruction {
    Objects.requireNonNull(executor, "executor");
    text = text == null ? "" : text;
    controlArea = controlArea == null ? "" : controlArea;
  }
}
