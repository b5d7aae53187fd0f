package ru.nso.wg.meeting;

import ru.nso.wg.common.Refusal;

/** § 11: meetings are held in person or by video conference (ВКС). */
public enum MeetingFormat {
  IN_PERSON("очное заседание"),
  VIDEO("заседание в формате видеоконференцсвязи (ВКС)");

  private final String title;

  MeetingFormat(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  public static MeetingFormat parse(String value) {
    try {
      return valueOf(value);
    } catch (RuntimeException e) {
      throw new Refusal("Укажите формат заседания: очное или в формате ВКС");
    }
  }
}
