package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static ru.nso.wg.process.StaffRequestProcesses.CANCEL_REASON;
import static ru.nso.wg.process.StaffRequestProcesses.INITIATOR;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;

/**
 * Cancellation asked from Tasklist (or REST), before the meeting starts, with its reason: recorded for the chair's
 * decision; a refusal is shown in the start dialog.
 */
@Component("requestCancellation")
public class RequestCancellationDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;

  public RequestCancellationDelegate(MeetingCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DateRequestVariables.write(execution, correlation.askCancellation(MEETING_REF.find(execution).orElse(null),
        CANCEL_REASON.find(execution).orElse(null), INITIATOR.find(execution).orElse(null)));
  }
}
