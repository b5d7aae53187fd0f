package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static ru.nso.wg.process.StaffRequestProcesses.DATE_REQUEST_ID;

/** A postponement or cancellation the chair approved goes to the meeting (in the transaction of the approval). */
@Component("passDateRequest")
public class PassDateRequestDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;

  public PassDateRequestDelegate(MeetingCorrelation correlation) {
    this.correlation = correlation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correlation.pass(DATE_REQUEST_ID.get(execution));
  }
}
