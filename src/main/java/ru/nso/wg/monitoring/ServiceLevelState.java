package ru.nso.wg.monitoring;

/**
 * Where the publication's service level of a meeting stands for a manager ({@link ServiceLevelStatus}): not a
 * deadline of the regulation, so its states are named apart from {@link DeadlineState} and never counted with them.
 * Open: {@link #PENDING} (within the service level) or {@link #EXCEEDED} (passed, not yet published); done:
 * {@link #MET} or {@link #LATE}.
 */
public enum ServiceLevelState {
  PENDING("ожидается размещение", true),
  EXCEEDED("уровень обслуживания превышен, не размещено", true),
  MET("размещено в срок", false),
  LATE("размещено с превышением", false),
  NOT_APPLICABLE("не применяется", false);

  private final String title;
  private final boolean open;

  ServiceLevelState(String title, boolean open) {
    this.title = title;
    this.open = open;
  }

  public String title() {
    return title;
  }

  /** The information is still to be published. */
  public boolean open() {
    return open;
  }
}
