package ru.nso.wg.meeting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The rows of the meeting record, as plain values. */
public final class MeetingData {

  private MeetingData() {
  }

  public record Meeting(String key, int year, int number, String processInstanceId, OffsetDateTime start,
                        MeetingFormat format, String place, String videoLink, String preliminaryQuestions,
                        String presidingUserId, String presidingName, String presidingInstruction,
                        MeetingStatus status, String statusReason, String audioRecording) {
    public MeetingRef ref() {
      return new MeetingRef(year, number);
    }
  }

  public record Invitee(String fullName, String jobTitle, String organisation, String email, Boolean present) {
  }

  public record AgendaItem(int no, String title, String type, String speaker, String materials, String area) {
  }

  /** Roster roles; all of them are members for quorum and voting (§ 5). */
  public enum RosterRole { CHAIR, DEPUTY_CHAIR, MEMBER }

  /** How a member took part (§ 11: by video conference counts as present). */
  public enum Presence { IN_PERSON, VIDEO, ABSENT }

  public record Attendee(String userId, String fullName, String jobTitle, RosterRole role, Presence presence,
                         Integer leftBeforeItem) {
    /** Present for item {@code itemNo}: came, and had not left before it. */
    public boolean presentFor(int itemNo) {
      return presence != Presence.ABSENT && (leftBeforeItem == null || leftBeforeItem > itemNo);
    }
  }

  public record Decision(int itemNo, String discussion, String text, String outcome, String rule, String ruleText,
                         int votesFor, int votesAgainst, int votesAbstain, int present, String executor,
                         String executorId, LocalDate dueDate, String controlArea, String confirmedBy) {
    /** An adopted decision with an instruction goes to execution control (§ 8). */
    public boolean controlled() {
      return "ADOPTED".equals(outcome) && executorId != null && dueDate != null && controlArea != null;
    }
  }

  public record Dissent(int itemNo, String userId, String fullName, String opinion, OffsetDateTime filedAt) {
  }

  public record Event(String kind, String details, String actor, OffsetDateTime occurredAt) {
  }

  public record DeadlineEvent(String kind, OffsetDateTime dueAt, String outcome, OffsetDateTime recordedAt) {
  }
}
