package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl.Request;

import static ru.nso.wg.process.DecisionRequestProcesses.Vars.DETAILS_GIVEN;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.EXTENSION_REASON;
import static ru.nso.wg.process.DecisionRequestProcesses.Vars.NEW_DUE_DATE;

/**
 * {@code wg-decision-extend}: the decision named («3/2026», item 2) must be under control and the caller allowed to ask
 * for an extension; the task then shows it (no task when the start carried every detail, as a REST call may).
 */
@Component("findDecisionToExtend")
public class FindDecisionToExtendDelegate implements JavaDelegate {

  private final DecisionViews views;

  public FindDecisionToExtendDelegate(DecisionViews views) {
    this.views = views;
  }

  @Override
  public void execute(DelegateExecution execution) {
    views.find(execution, Request.EXTEND);
    DETAILS_GIVEN.set(execution, NEW_DUE_DATE.find(execution).isPresent()
        && EXTENSION_REASON.find(execution).isPresent());
  }
}
