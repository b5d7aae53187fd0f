package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.DateRequest;
import ru.nso.wg.meeting.DateRequests;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.StaffRequestProcesses.DATE_REQUEST_ID;
import static ru.nso.wg.process.StaffRequestProcesses.REFUSAL_REASON;
import static ru.nso.wg.process.StaffRequestProcesses.REQUEST_APPROVED;
import static ru.nso.wg.process.StaffRequestProcesses.REQUEST_DECISION;

/** § 7 (3): the chair (or the deputy holding the chair's powers) approves or refuses a postponement or cancellation. */
@Component("decideDateRequestListener")
public class DecideDateRequestListener extends FormTask {

  /** The choices of the decision form. */
  enum RequestDecision { APPROVE, REFUSE }

  private final DateRequests requests;
  private final IdentityService identity;

  public DecideDateRequestListener(DateRequests requests, IdentityService identity) {
    this.requests = requests;
    this.identity = identity;
  }

  @Override
  protected void accept(DelegateTask task) {
    RequestDecision decision = FormValues.choice(RequestDecision.class, REQUEST_DECISION.find(task).orElse(null));
    DateRequest decided = requests.decide(DATE_REQUEST_ID.get(task), decision == null ? null
        : decision == RequestDecision.APPROVE, REFUSAL_REASON.find(task).orElse(null),
        FormValues.currentUser(identity));
    REQUEST_APPROVED.set(task, decided.verdict() == DateRequest.Verdict.APPROVED);
  }
}
