package ru.nso.wg.control;

import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.meeting.MeetingRef;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the register of decisions under execution control (§ 8).
 *
 * @param key                the decision's key {@code <meeting key>/<item number>}, e.g. {@code 2026-3/2}
 * @param meetingKey         the meeting's business key, e.g. {@code 2026-3}
 * @param meetingRef         the meeting as staff name it (№ 3/2026)
 * @param meetingStart       when the meeting was held
 * @param itemNo             the agenda item
 * @param itemTitle          the agenda item's title
 * @param decisionText       the decision (with its instruction) as adopted
 * @param executorId         a user id or a group id
 * @param executorKind       which of the two
 * @param executorName       the executor's name as the minutes print it
 * @param controlArea        the deputy-chair area group that controls execution
 * @param controllerId       the deputy chair of that area at registration (may be {@code null})
 * @param controllerName     their name
 * @param originalDueDate    the due date the working group decided
 * @param dueDate            the due date in force (moved by extensions)
 * @param dueAt              the instant it expires: the end of the office day (Novosibirsk)
 * @param state              where it stands
 * @param stage              who has to act
 * @param processInstanceId  the {@code wg-decision-control} instance
 * @param withdrawnByMeeting the meeting whose decision withdrew it, if withdrawn
 * @param withdrawnByItem    that meeting's agenda item
 * @param registeredAt       when it was put under control
 * @param closedAt           when it was accepted as executed or withdrawn
 */
public record ControlledDecision(String key, String meetingKey, MeetingRef meetingRef, OffsetDateTime meetingStart,
                                 int itemNo, String itemTitle, String decisionText, String executorId,
                                 ExecutorKind executorKind, String executorName, String controlArea,
                                 String controllerId, String controllerName, LocalDate originalDueDate,
                                 LocalDate dueDate, OffsetDateTime dueAt, DecisionState state, DecisionStage stage,
                                 String processInstanceId, String withdrawnByMeeting, Integer withdrawnByItem,
                                 OffsetDateTime registeredAt, OffsetDateTime closedAt) {

  public ControlledDecision {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(stage, "stage");
  }

  /** {@code 2026-3/2}: the business key of the decision's process instance and the register's key. */
  public static String keyOf(String meetingKey, int itemNo) {
    return meetingKey + "/" + itemNo;
  }

  public boolean open() {
    return state.open();
  }

  /** Accepted as executed after its due date had passed. */
  public boolean executedLate() {
    return state == DecisionState.EXECUTED && closedAt != null
        && !Deadline.inTime(closedAt.toInstant(), dueAt.toInstant());
  }

  /** «вопрос 2 заседания № 3/2026». */
  public String describe() {
    return "вопрос " + itemNo + " заседания " + meetingRef.display();
  }

  /** «№ 3/2026, вопрос 2»: the reference to a withdrawing decision, if withdrawn. */
  public String withdrawnByText() {
    if (withdrawnByMeeting == null) {
      return null;
    }
    return reference(MeetingRef.parse(withdrawnByMeeting), withdrawnByItem);
  }

  /** «№ 3/2026, вопрос 2». */
  public static String reference(MeetingRef meeting, int itemNo) {
    return meeting.display() + ", вопрос " + itemNo;
  }
}
