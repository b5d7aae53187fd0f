package ru.nso.wg.document.model;

/** Votes of present members on one item (§ 16). */
public record VoteCounts(int forCount, int against, int abstain) {

  public VoteCounts {
    if (forCount < 0 || against < 0 || abstain < 0) {
      throw new IllegalArgumentException("vote counts must not be negative");
    }
  }
}
