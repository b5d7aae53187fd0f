package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.DecisionRequestProcesses.Vars.ITEM_NO;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.MEETING_REF;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.WITHDRAWAL_NOTE;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.WITHDRAWING_ITEM_NO;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF;

/** {@code wg-decision-withdraw}: the withdrawing decision is checked and the withdrawal passed to the control. */
@Component("requestWithdrawal")
public class RequestWithdrawalDelegate implements JavaDelegate {

  private final DecisionCorrelation correlation;
  private final IdentityService identity;

  public RequestWithdrawalDelegate(DecisionCorrelation correlation, IdentityService identity) {
    this.correlation = correlation;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    correlation.withdraw(FormValues.currentUser(identity), MEETING_REF.find(execution).orElse(null),
        ITEM_NO.find(execution).orElse(null), WITHDRAWING_MEETING_REF.find(execution).orElse(null),
        WITHDRAWING_ITEM_NO.find(execution).orElse(null), WITHDRAWAL_NOTE.find(execution).orElse(null));
  }
}
