package ru.nso.wg.meeting.rules;

/**
 * How many members of the roster make a meeting quorate (§ 15: «не менее половины его членов»).
 * Integer arithmetic only: P members present of a roster of T.
 */
public enum QuorumRule {

  /** 2 × P ≥ T — the reading of § 15 (default). */
  AT_LEAST_HALF("не менее половины") {
    @Override
    public boolean isQuorate(int present, int total) {
      return 2L * present >= total;
    }

    @Override
    public int needed(int total) {
      return (int) ((total + 1L) / 2);
    }
  },

  /** 2 × P &gt; T. */
  MORE_THAN_HALF("более половины") {
    @Override
    public boolean isQuorate(int present, int total) {
      return 2L * present > total;
    }

    @Override
    public int needed(int total) {
      return total / 2 + 1;
    }
  },

  /** 3 × P ≥ 2 × T. */
  AT_LEAST_TWO_THIRDS("не менее двух третей") {
    @Override
    public boolean isQuorate(int present, int total) {
      return 3L * present >= 2L * total;
    }

    @Override
    public int needed(int total) {
      return (int) ((2L * total + 2) / 3);
    }
  };

  private final String wording;

  QuorumRule(String wording) {
    this.wording = wording;
  }

  /** Whether {@code present} members of a roster of {@code total} make the meeting quorate. */
  public abstract boolean isQuorate(int present, int total);

  /** The least number of members present that makes a roster of {@code total} quorate. */
  public abstract int needed(int total);

  /** The rule as the minutes state it, e.g. «не менее половины». */
  public String wording() {
    return wording;
  }
}
