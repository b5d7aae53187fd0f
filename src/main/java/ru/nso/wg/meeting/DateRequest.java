package ru.nso.wg.meeting;

import java.time.OffsetDateTime;

/**
 * A postponement or cancellation of a meeting asked by the secretariat and decided by the chair, or by the deputy
 * chair holding the chair's powers (§ 7 (3), § 10): table {@code wg_date_request}.
 *
 * @param newStart          the new date and time asked for (a postponement), {@code null} for a cancellation
 * @param deciderUserId     to whom the request went
 * @param chairInstructionId the instruction by which a deputy decides, {@code null} when the chair decides
 * @param verdict           {@code null} until decided
 */
public record DateRequest(long id, String meetingKey, Kind kind, OffsetDateTime newStart, String reason,
                          String requestedBy, OffsetDateTime requestedAt, String deciderUserId,
                          Long chairInstructionId, Verdict verdict, String decidedBy, OffsetDateTime decidedAt,
                          String decisionReason) {

  /** What the secretariat asks for. */
  public enum Kind {
    POSTPONE("перенос"),
    CANCEL("отмена");

    private final String noun;

    Kind(String noun) {
      this.noun = noun;
    }

    public String noun() {
      return noun;
    }
  }

  /** What the chair decided. */
  public enum Verdict { APPROVED, REFUSED }

  public boolean decided() {
    return verdict != null;
  }
}
