package ru.nso.wg.control;

/** The history of a controlled decision: every step is recorded in the register. */
public enum DecisionEventKind {
  REGISTERED("поставлено на контроль"),
  REPORTED("исполнитель представил отчёт"),
  RETURNED("отчёт возвращён на доработку"),
  ACCEPTED("отчёт принят, поручение исполнено"),
  REMINDED("напоминание исполнителю о сроке"),
  ESCALATED("срок истёк, доложено заместителю председателя"),
  EXTENDED("срок исполнения продлён"),
  WITHDRAWN("решение отменено решением Рабочей группы");

  private final String title;

  DecisionEventKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
