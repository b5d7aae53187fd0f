package ru.nso.wg.monitoring;

/** How the dashboard groups decisions under control (§ 8) for a manager. */
public enum DecisionCategory {
  IN_PROGRESS("на исполнении"),
  DUE_SOON("срок в ближайшие 3 рабочих дня"),
  OVERDUE("просрочено"),
  EXECUTED("исполнено"),
  WITHDRAWN("снято с контроля решением Рабочей группы");

  /** "Due soon": the due date is at most this many working days after today. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  private final String title;

  DecisionCategory(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
