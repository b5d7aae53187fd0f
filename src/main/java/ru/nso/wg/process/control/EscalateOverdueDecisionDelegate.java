package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;

import static ru.nso.wg.process.DecisionControlProcess.Vars.OVERDUE;

/**
 * § 8: the due date passed without an accepted report: escalation to the controlling deputy chair (recorded); the tasks
 * stay open and the decision is marked overdue.
 */
@Component("escalateOverdueDecision")
public class EscalateOverdueDecisionDelegate implements JavaDelegate {

  private final DecisionControl control;

  public EscalateOverdueDecisionDelegate(DecisionControl control) {
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    control.escalate(DecisionControlProcess.businessKey(execution));
    OVERDUE.set(execution, true);
  }
}
