package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.DecisionRequestProcesses.Vars.EXTENSION_REASON;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.ITEM_NO;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.MEETING_REF;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.NEW_DUE_DATE;

/** {@code wg-decision-extend}: the new due date and the reason are checked and passed to the decision's control. */
@Component("requestExtension")
public class RequestExtensionDelegate implements JavaDelegate {

  private final DecisionCorrelation correlation;
  private final IdentityService identity;

  public RequestExtensionDelegate(DecisionCorrelation correlation, IdentityService identity) {
    this.correlation = correlation;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correlation.extend(FormValues.currentUser(identity), MEETING_REF.find(execution).orElse(null),
        ITEM_NO.find(execution).orElse(null), NEW_DUE_DATE.find(execution).orElse(null),
        EXTENSION_REASON.find(execution).orElse(null));
  }
}
