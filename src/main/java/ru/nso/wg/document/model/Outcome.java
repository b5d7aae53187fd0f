package ru.nso.wg.document.model;

/** The result of the vote on one item. */
public enum Outcome {
  ADOPTED("Решение принято"),
  REJECTED("Решение не принято"),
  /** No quorum (§ 15): no vote was valid and nothing was decided. */
  NOT_TAKEN("Решение не принималось");

  private final String russian;

  Outcome(String russian) {
    this.russian = russian;
  }

  public String russian() {
    return russian;
  }
}
