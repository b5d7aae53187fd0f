package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.MeetingProcess;

import java.util.Map;

import static ru.nso.wg.process.StaffRequestProcesses.CANCEL_REASON;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;

/** Cancellation requested from Tasklist (or REST), before the meeting starts, with a recorded reason. */
@Component("requestCancellation")
public class RequestCancellationDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;

  public RequestCancellationDelegate(MeetingCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Meeting meeting = correlation.meetingBeforeStart(MEETING_REF.find(execution).orElse(null), "отменить");
    String reason = CANCEL_REASON.find(execution)
        .filter(r -> r.length() >= 5)
        .orElseThrow(() -> new Refusal("Укажите причину отмены заседания"));
    execution.setProcessBusinessKey(meeting.key());
    correlation.correlate(meeting, MeetingProcess.MESSAGE_CANCEL, Map.of(CANCEL_REASON.name(), reason));
  }
}
