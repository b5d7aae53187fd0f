package ru.nso.wg.meeting;

import ru.nso.wg.common.Refusal;

/** § 11: meetings are held in person or by video conference (ВКС). */
public enum MeetingFormat {
  IN_PERSON("очное заседание", "очное"),
  VIDEO("заседание в формате видеоконференцсвязи (ВКС)", "в формате видеоконференцсвязи (ВКС)");

  private final String title;
  private final String adjective;

  MeetingFormat(String title, String adjective) {
    this.title = title;
    this.adjective = adjective;
  }

  /** «очное заседание». */
  public String title() {
    return title;
  }

  /** «очное» / «в формате видеоконференцсвязи (ВКС)», as messages and documents print it after «Форма:». */
  public String adjective() {
    return adjective;
  }

  /** The value a form submits; anything else is refused. */
  public static MeetingFormat parse(String value) {
    try {
      return valueOf(value);
    } catch (RuntimeException e) {
      throw new Refusal("Укажите формат заседания: очное или в формате ВКС");
    }
  }
}
