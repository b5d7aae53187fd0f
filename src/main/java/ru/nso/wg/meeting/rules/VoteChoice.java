package ru.nso.wg.meeting.rules;

/** A member's vote on one agenda item (§ 16, open vote). */
public enum VoteChoice {
  FOR("за"),
  AGAINST("против"),
  ABSTAIN("воздержался");

  private final String label;

  VoteChoice(String label) {
    this.label = label;
  }

  /** The word on the ballot and in the minutes: «за», «против», «воздержался». */
  public String label() {
    return label;
  }
}
