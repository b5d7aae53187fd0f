package ru.nso.wg.meeting.rules;

/** What a simple majority is counted from (§ 16: «простым большинством голосов (от числа присутствующих)»). */
public enum MajorityBase {

  /** Members present at the vote, voters or not (default): adopted when 2 × for &gt; P. */
  PRESENT("от числа присутствующих"),

  /** Votes cast on the item — for, against and abstain together: adopted when 2 × for &gt; for + against + abstain. */
  VOTES_CAST("от числа проголосовавших");

  private final String wording;

  MajorityBase(String wording) {
    this.wording = wording;
  }

  /** The base as the minutes state it, e.g. «от числа присутствующих». */
  public String wording() {
    return wording;
  }
}
