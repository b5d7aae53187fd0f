package ru.nso.wg.document.model;

/** How a meeting is held (§ 11). The Russian wording is what messages and documents print. */
public enum MeetingFormat {
  IN_PERSON("очное"),
  VIDEO("в формате видеоконференцсвязи (ВКС)");

  private final String russian;

  MeetingFormat(String russian) {
    this.russian = russian;
  }

  /** «очное» / «в формате видеоконференцсвязи (ВКС)». */
  public String russian() {
    return russian;
  }
}
