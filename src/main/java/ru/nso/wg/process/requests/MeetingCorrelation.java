package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.MeetingProcess;

import java.util.Map;

/**
 * Passes a staff request (postpone, cancel) to the running meeting by a BPMN message. Who may ask is decided
 * by the authorization to start the request's process (the secretariat); the correlation itself then runs
 * without the caller's instance-level authorizations, which staff do not hold on the meeting process.
 */
@Component
public class MeetingCorrelation {

  private final MeetingRecord record;
  private final RuntimeService runtime;

  public MeetingCorrelation(MeetingRecord record, RuntimeService runtime) {
    this.record = record;
    this.runtime = runtime;
  }

  /** The meeting named by staff («3/2026»), if it can still be changed: before it starts. */
  public Meeting meetingBeforeStart(String meetingRef, String action) {
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

  public void correlate(Meeting meeting, String messageName, Map<String, Object> variables) {
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
