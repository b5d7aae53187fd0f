package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.MeetingProcess;

import java.time.OffsetDateTime;
import java.util.Map;

import static ru.nso.wg.process.StaffRequestProcesses.CANCEL_REASON;
import static ru.nso.wg.process.StaffRequestProcesses.NEW_MEETING_START;
import static ru.nso.wg.process.StaffRequestProcesses.POSTPONE_REASON;

/**
 * Passes a staff request (postpone, cancel) to the running meeting by a BPMN message, once it is checked. Who may
 * ask is decided by the authorization to start the request's process (the secretariat); the correlation itself then
 * runs without the caller's instance-level authorizations, which staff do not hold on the meeting process.
 */
@Component
public class MeetingCorrelation {

  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final RuntimeService runtime;

  public MeetingCorrelation(MeetingRecord record, MeetingScheduling scheduling, RuntimeService runtime) {
    this.record = record;
    this.scheduling = scheduling;
    this.runtime = runtime;
  }

  /** Checks a postponement of the meeting named by staff («3/2026») and passes it on; returns the meeting's key. */
  public String postpone(String meetingRef, OffsetDateTime newStart, String reason, boolean offHoursConfirmed) {
    Meeting meeting = meetingBeforeStart(meetingRef, "перенести");
    MeetingScheduling.Schedule schedule = scheduling.checkPostponement(meeting.key(), newStart, reason,
        offHoursConfirmed);
    correlate(meeting, MeetingProcess.MESSAGE_POSTPONE, Map.of(NEW_MEETING_START.name(), schedule.start().toString(),
        POSTPONE_REASON.name(), reason.trim()));
    return meeting.key();
  }

  /** Checks a cancellation of the meeting named by staff and passes it on; returns the meeting's key. */
  public String cancel(String meetingRef, String reason) {
    Meeting meeting = meetingBeforeStart(meetingRef, "отменить");
    if (reason == null || reason.trim().length() < 5) {
      throw new Refusal("Укажите причину отмены заседания");
    }
    correlate(meeting, MeetingProcess.MESSAGE_CANCEL, Map.of(CANCEL_REASON.name(), reason.trim()));
    return meeting.key();
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
