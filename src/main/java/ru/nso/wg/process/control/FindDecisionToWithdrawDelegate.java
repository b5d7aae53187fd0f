package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl.Request;

import static ru.nso.wg.process.DecisionRequestProcesses.Vars.DETAILS_GIVEN;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.WITHDRAWING_ITEM_NO;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.WITHDRAWING_MEETING_REF;

/**
 * {@code wg-decision-withdraw}: the decision named must be under control and the caller allowed to record its
 * withdrawal; the task then shows it (no task when the start carried every detail).
 */
@Component("findDecisionToWithdraw")
public class FindDecisionToWithdrawDelegate implements JavaDelegate {

  private final DecisionViews views;

  public FindDecisionToWithdrawDelegate(DecisionViews views) {
    this.views = views;
  }

  @Override
  public void execute(DelegateExecution execution) {
    views.find(execution, Request.WITHDRAW);
    DETAILS_GIVEN.set(execution, WITHDRAWING_MEETING_REF.find(execution).isPresent()
        && WITHDRAWING_ITEM_NO.find(execution).isPresent());
  }
}
