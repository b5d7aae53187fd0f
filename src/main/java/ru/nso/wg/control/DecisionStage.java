package ru.nso.wg.control;

/** Who has to act on an open decision: the executor (report) or the controlling deputy chair (review). */
public enum DecisionStage {
  AWAITING_REPORT("ожидается отчёт исполнителя"),
  UNDER_REVIEW("отчёт на рассмотрении заместителя председателя"),
  CLOSED("контроль снят");

  private final String title;

  DecisionStage(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
