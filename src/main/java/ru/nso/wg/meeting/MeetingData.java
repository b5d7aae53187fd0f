package ru.nso.wg.meeting;

import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.roster.Roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The rows of the meeting record, as plain typed values (strings only where people typed text). */
public final class MeetingData {

  private MeetingData() {
  }

  /**
   * A meeting.
   *
   * @param secretaryUserId the secretary the minutes name: designated at confirmation (before this existed: who
   *                        registered the attendance)
   * @param signedOn        the date the minutes were signed (Novosibirsk), {@code null} before
   * @param presiding       the presiding person as frozen when the attendance was registered, {@code null} before
   * @param secretary       the secretary as frozen when the attendance was registered, {@code null} before
   */
  public record Meeting(String key, int year, int number, String processInstanceId, OffsetDateTime start,
                        MeetingFormat format, String place, String videoLink, String preliminaryQuestions,
                        String presidingUserId, String presidingName, String presidingInstruction,
                        MeetingStatus status, String statusReason, String audioRecording, String secretaryUserId,
                        LocalDate signedOn, Signatory presiding, Signatory secretary) {
    public MeetingRef ref() {
      return new MeetingRef(year, number);
    }
  }

  /**
   * Someone who signs the minutes (the presiding person, the secretary) as the record froze them: their name and
   * position do not change when identity is edited later.
   */
  public record Signatory(String userId, String fullName, String position, Roster.Role role) {
  }

  public record Invitee(String fullName, String jobTitle, String organisation, String email, Boolean present) {
  }

  /** An item of the agenda; its type is {@code null} only while a form's input is being checked. */
  public record AgendaItem(int no, String title, AgendaItemType type, String speaker, String materials, String area) {
  }

  /** How a member took part (§ 11: by video conference counts as present). */
  public enum Presence { IN_PERSON, VIDEO, ABSENT }

  /** A member as the roster was frozen when the attendance was registered, and how they took part. */
  public record Attendee(String userId, String fullName, String jobTitle, String organisation, Roster.Role role,
                         Presence presence, Integer leftBeforeItem) {
    /** Present for item {@code itemNo}: came, and had not left before it. */
    public boolean presentFor(int itemNo) {
      return presence != Presence.ABSENT && (leftBeforeItem == null || leftBeforeItem > itemNo);
    }
  }

  /**
   * The decision on one agenda item as recorded: the outcome and the rule that produced it (§§ 15–16), the counts,
   * and the instruction, if any.
   */
  public record ItemDecision(int itemNo, String discussion, String text, Decision outcome,
                               DecisionRule rule, String ruleText, int votesFor, int votesAgainst, int votesAbstain,
                               int present, String executor, String executorId, LocalDate dueDate,
                               String controlArea, String confirmedBy) {
    /** An adopted decision with an instruction goes to execution control (§ 8). */
    public boolean controlled() {
      return adopted() && executorId != null && dueDate != null && controlArea != null;
    }

    public boolean adopted() {
      return outcome == Decision.ADOPTED;
    }
  }

  /** A dissenting opinion; {@code id} grows in the order they were filed. */
  public record Dissent(long id, int itemNo, String userId, String fullName, String opinion, OffsetDateTime filedAt) {
  }

  public record Event(MeetingEventKind kind, String details, String actor, OffsetDateTime occurredAt) {
  }

  public record DeadlineEvent(DeadlineKind kind, OffsetDateTime dueAt, DeadlineOutcome outcome,
                              OffsetDateTime recordedAt) {
  }
}
