package ru.nso.wg.meeting.rules;

/** What happens when the votes for and against are equal (§ 16: «решающим является голос председательствующего»). */
public enum TieBreak {

  /** The presiding person's vote decides a tie (default). */
  PRESIDING,

  /** No casting vote: a tie is not a majority, so the decision is rejected. */
  NONE
}
