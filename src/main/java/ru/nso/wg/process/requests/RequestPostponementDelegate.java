package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;
import static ru.nso.wg.process.StaffRequestProcesses.NEW_MEETING_START;
import static ru.nso.wg.process.StaffRequestProcesses.OFF_HOURS_CONFIRMED;
import static ru.nso.wg.process.StaffRequestProcesses.POSTPONE_REASON;

/**
 * Postponement requested from Tasklist (or REST): the new date is checked like a new meeting's (not past,
 * § 13 still achievable) before the meeting is told; a refusal is shown in the start dialog.
 */
@Component("requestPostponement")
public class RequestPostponementDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;

  public RequestPostponementDelegate(MeetingCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setProcessBusinessKey(correlation.postpone(MEETING_REF.find(execution).orElse(null),
        NEW_MEETING_START.find(execution).orElse(null), POSTPONE_REASON.find(execution).orElse(null),
        OFF_HOURS_CONFIRMED.find(execution).orElse(false)));
  }
}
