package ru.nso.wg.meeting;

/** Where a meeting stands; stored in the record. */
public enum MeetingStatus {
  PREPARATION("подготовка"),
  AGENDA_APPROVED("повестка утверждена"),
  AGENDA_SENT("повестка разослана"),
  NOT_HELD("не состоялось: нет кворума"),
  HELD("заседание проведено"),
  MINUTES_SIGNED("протокол подписан"),
  PUBLISHED("информация размещена"),
  CANCELLED("отменено");

  private final String title;

  MeetingStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
