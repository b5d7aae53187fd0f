package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

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
    execution.setProcessBusinessKey(correlation.cancel(MEETING_REF.find(execution).orElse(null),
        CANCEL_REASON.find(execution).orElse(null)));
  }
}
