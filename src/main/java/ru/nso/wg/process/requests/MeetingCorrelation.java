package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.DateRequest;
import ru.nso.wg.meeting.DateRequests;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.MeetingProcess;

import java.time.OffsetDateTime;
import java.util.Map;

import static ru.nso.wg.process.StaffRequestProcesses.CANCEL_REASON;
import static ru.nso.wg.process.StaffRequestProcesses.DATE_REQUEST_ID;
import static ru.nso.wg.process.StaffRequestProcesses.NEW_MEETING_START;
import static ru.nso.wg.process.StaffRequestProcesses.POSTPONE_REASON;

/**
 * Staff requests (postpone, cancel) about a running meeting: a request is checked and recorded for the chair's
 * decision (§ 7 (3)); once approved it is passed to the meeting by a BPMN message. Who may ask is decided by the
 * authorization to start the request's process (the secretariat); the correlation itself then runs without the
 * caller's instance-level authorizations, which staff do not hold on the meeting process.
 */
@Component
public class MeetingCorrelation {

  private final MeetingRecord record;
  private final DateRequests requests;
  private final RuntimeService runtime;

  public MeetingCorrelation(MeetingRecord record, DateRequests requests, RuntimeService runtime) {
    this.record = record;
    this.requests = requests;
    this.runtime = runtime;
  }

  /** Checks and records a postponement asked for the meeting named by staff («3/2026»); it waits for the chair. */
  public DateRequests.Asked askPostponement(String meetingRef, OffsetDateTime newStart, String reason,
                                            boolean offHoursConfirmed, String actor) {
    Meeting meeting = meetingBeforeStart(meetingRef, "перенести");
    return requests.askPostponement(meeting.key(), newStart, reason, offHoursConfirmed, actor);
  }

  /** Checks and records a cancellation asked for the meeting named by staff; it waits for the chair. */
  public DateRequests.Asked askCancellation(String meetingRef, String reason, String actor) {
    Meeting meeting = meetingBeforeStart(meetingRef, "отменить");
    return requests.askCancellation(meeting.key(), reason, actor);
  }

  /** Passes an approved request to its meeting, if the meeting can still be changed (before it starts). */
  public void pass(long requestId) {
    DateRequest request = requests.get(requestId);
    if (request.verdict() != DateRequest.Verdict.APPROVED) {
      throw Refusal.conflict("Запрос № " + requestId + " не утверждён председателем: заседание не изменяется");
    }
    Meeting meeting = record.get(request.meetingKey());
    meetingBeforeStart(meeting.key(), request.kind() == DateRequest.Kind.POSTPONE ? "перенести"
        : "отменить");
    if (request.kind() == DateRequest.Kind.POSTPONE) {
      correlate(meeting, MeetingProcess.MESSAGE_POSTPONE, Map.of(
          NEW_MEETING_START.name(), request.newStart().toString(), POSTPONE_REASON.name(), request.reason(),
          DATE_REQUEST_ID.name(), Math.toIntExact(requestId)));
    } else {
      correlate(meeting, MeetingProcess.MESSAGE_CANCEL, Map.of(CANCEL_REASON.name(), request.reason(),
          DATE_REQUEST_ID.name(), Math.toIntExact(requestId)));
    }
  }

  /** The meeting named by staff («3/2026»), if it can still be changed: before it starts. */
  private Meeting meetingBeforeStart(String meetingRef, String action) {
    MeetingRef ref = MeetingRef.parse(meetingRef);
    Meeting meeting = record.find(ref.key())
        .orElseThrow(() -> new Refusal("Заседание " + ref.display() + " не найдено"));
    boolean waiting = meeting.processInstanceId() != null && runtime.createEventSubscriptionQuery()
        .processInstanceId(meeting.processInstanceId())
        .eventName(MeetingProcess.MESSAGE_CANCEL).count() > 0;
    if (!waiting) {
      throw new Refusal("Заседание " + ref.display() + " нельзя " + action
          + ": оно уже началось, завершено или отменено");
    }
    return meeting;
  }

  private void correlate(Meeting meeting, String messageName, Map<String, Object> variables) {
    CommandContext context = Context.getCommandContext();
    context.disableAuthorizationCheck();
    try {
      runtime.createMessageCorrelation(messageName)
          .processInstanceId(meeting.processInstanceId())
          .setVariables(variables)
          .correlateWithResult();
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
