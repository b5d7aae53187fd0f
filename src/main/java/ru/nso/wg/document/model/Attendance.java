package ru.nso.wg.document.model;

/** How a present member takes part (§ 11: a member present by ВКС counts as present). */
public enum Attendance {
  IN_PERSON(""),
  VIDEO("в режиме ВКС");

  private final String note;

  Attendance(String note) {
    this.note = note;
  }

  /** Printed after the member in the list of those present; empty for in person. */
  public String note() {
    return note;
  }
}
