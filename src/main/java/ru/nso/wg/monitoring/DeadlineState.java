package ru.nso.wg.monitoring;

/**
 * Where a regulatory deadline of a meeting stands for a manager. Open deadlines are {@link #UPCOMING},
 * {@link #AT_RISK} (at most one working day left) or {@link #MISSED} (passed, the work still not done); done ones are
 * {@link #MET} or {@link #LATE} (with the number of working days late).
 */
public enum DeadlineState {
  UPCOMING("предстоит", true),
  AT_RISK("под угрозой: остался не более 1 рабочего дня", true),
  MISSED("срок нарушен, не выполнено", true),
  MET("выполнено в срок", false),
  LATE("выполнено с опозданием", false),
  NOT_APPLICABLE("не применяется", false);

  private final String title;
  private final boolean open;

  DeadlineState(String title, boolean open) {
    this.title = title;
    this.open = open;
  }

  public String title() {
    return title;
  }

  /** The work is still to be done (and the deadline counts as the meeting's next one). */
  public boolean open() {
    return open;
  }
}
