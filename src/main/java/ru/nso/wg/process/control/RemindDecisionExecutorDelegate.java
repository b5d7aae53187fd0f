package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;

/** § 8: the executor's reminder before the due date (recorded in the register). */
@Component("remindDecisionExecutor")
public class RemindDecisionExecutorDelegate implements JavaDelegate {

  private final DecisionControl control;

  public RemindDecisionExecutorDelegate(DecisionControl control) {
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    control.remind(DecisionControlProcess.businessKey(execution));
  }
}
