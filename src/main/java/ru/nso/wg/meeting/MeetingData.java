package ru.nso.wg.meeting;

import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.AttendanceTimeline;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Move;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.meeting.rules.PresidingRules.ChairInstruction;
import ru.nso.wg.roster.Roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

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

  /**
   * An item of the agenda; its type is {@code null} only while a form's input is being checked. An item «не для
   * опубликования» (§ 19) is left out of the public version of the minutes, for the reason the secretariat gave.
   */
  public record AgendaItem(int no, String title, AgendaItemType type, String speaker, String materials, String area,
                           boolean notForPublication, String notForPublicationReason) {

    /** An item to be published. */
    public AgendaItem(int no, String title, AgendaItemType type, String speaker, String materials, String area) {
      this(no, title, type, speaker, materials, area, false, null);
    }
  }

  /** How a member took part (§ 11: by video conference counts as present). */
  public enum Presence { IN_PERSON, VIDEO, ABSENT }

  /**
   * A member as the roster was frozen when the attendance was registered, how they took part at the start of the
   * sitting, and their arrivals and departures before items (§ 15).
   */
  public record Attendee(String userId, String fullName, String jobTitle, String organisation, Roster.Role role,
                         Presence presence, List<AttendanceChange> changes) {
    public Attendee {
      changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Present for item {@code itemNo}: there at the start or arrived, and not gone, before it. */
    public boolean presentFor(int itemNo) {
      return AttendanceTimeline.of(presence == Presence.ABSENT ? Set.of() : Set.of(userId),
          changes.stream().map(AttendanceChange::movement).toList()).presentFor(itemNo).contains(userId);
    }

    /** Took part in the meeting at any point (listed as present in the minutes). */
    public boolean tookPart() {
      return presence != Presence.ABSENT || changes.stream().anyMatch(c -> c.move() == Move.ARRIVED);
    }

    /** How they took part: as at the start, or as they first arrived. */
    public Presence attendance() {
      return presence != Presence.ABSENT ? presence : changes.stream().filter(c -> c.move() == Move.ARRIVED)
          .map(AttendanceChange::presence).findFirst().orElse(Presence.ABSENT);
    }
  }

  /**
   * An arrival (late, or a return; in the room or by ВКС) or a departure recorded before item {@code beforeItem}.
   *
   * @param presence how an arriving member takes part; {@code null} for a departure
   */
  public record AttendanceChange(String userId, int beforeItem, Move move, Presence presence) {
    public AttendanceTimeline.Movement movement() {
      return new AttendanceTimeline.Movement(userId, beforeItem, move);
    }
  }

  /**
   * Who presides from item {@code fromItem} on (§ 10), frozen as identity had them, with the chair's instruction
   * when the person is not the chair. The first change of a sitting starts at item 1.
   */
  public record PresidingChange(int fromItem, Signatory person, ChairInstruction instruction) {
  }

  /**
   * The decision on one agenda item as recorded: the outcome and the rule that produced it (§§ 15–16), the counts,
   * and the instruction, if any.
   *
   * @param presidingUserId who presided over the item (whose vote is the casting vote), {@code null} in records made
   *                        before this was kept
   */
  public record ItemDecision(int itemNo, String discussion, String text, Decision outcome,
                               DecisionRule rule, String ruleText, int votesFor, int votesAgainst, int votesAbstain,
                               int present, String executor, String executorId, LocalDate dueDate,
                               String controlArea, String confirmedBy, String presidingUserId) {
    /** A decision without the presiding person of its item. */
    public ItemDecision(int itemNo, String discussion, String text, Decision outcome, DecisionRule rule,
                        String ruleText, int votesFor, int votesAgainst, int votesAbstain, int present, String executor,
                        String executorId, LocalDate dueDate, String controlArea, String confirmedBy) {
      this(itemNo, discussion, text, outcome, rule, ruleText, votesFor, votesAgainst, votesAbstain, present, executor,
          executorId, dueDate, controlArea, confirmedBy, null);
    }

    /** An adopted decision with an instruction goes to execution control (§ 8). */
    public boolean controlled() {
      return adopted() && executorId != null && dueDate != null && controlArea != null;
    }

    public boolean adopted() {
      return outcome == Decision.ADOPTED;
    }

    /** Not decided because the quorum was missing for this item (§ 15): to be carried over to a later meeting. */
    public boolean notDecidedForLackOfQuorum() {
      return rule == DecisionRule.NO_QUORUM;
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
