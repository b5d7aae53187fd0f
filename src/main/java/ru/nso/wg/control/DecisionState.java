package ru.nso.wg.control;

/** Where a controlled decision stands (§ 8), as the register and the API show it. */
public enum DecisionState {
  IN_PROGRESS("на исполнении"),
  OVERDUE("срок исполнения истёк"),
  EXECUTED("исполнено, снято с контроля"),
  WITHDRAWN("отменено решением Рабочей группы, снято с контроля");

  private final String title;

  DecisionState(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** Still under control: the executor or the deputy chair has work to do. */
  public boolean open() {
    return this == IN_PROGRESS || this == OVERDUE;
  }
}
