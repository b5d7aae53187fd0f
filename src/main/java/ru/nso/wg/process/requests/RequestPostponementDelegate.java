package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.DateRequests;

import static ru.nso.wg.process.StaffRequestProcesses.INITIATOR;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;
import static ru.nso.wg.process.StaffRequestProcesses.NEW_MEETING_START;
import static ru.nso.wg.process.StaffRequestProcesses.OFF_HOURS_CONFIRMED;
import static ru.nso.wg.process.StaffRequestProcesses.POSTPONE_REASON;

/**
 * Postponement asked from Tasklist (or REST): the new date is checked against what was already done before the
 * request is recorded for the chair's decision; a refusal is shown in the start dialog.
 */
@Component("requestPostponement")
public class RequestPostponementDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;

  public RequestPostponementDelegate(MeetingCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DateRequests.Asked asked = correlation.askPostponement(MEETING_REF.find(execution).orElse(null),
        NEW_MEETING_START.find(execution).orElse(null), POSTPONE_REASON.find(execution).orElse(null),
        OFF_HOURS_CONFIRMED.find(execution).orElse(false), INITIATOR.find(execution).orElse(null));
    DateRequestVariables.write(execution, asked);
  }
}
