package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;

import static ru.nso.wg.process.DecisionControlProcess.Vars.ITEM_NO;
import static ru.nso.wg.process.DecisionControlProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.DecisionControlProcess.Vars.OVERDUE;

/**
 * The deadline watch of a decision: the executor's reminder before the due date, and the escalation to the
 * controlling deputy chair when it passes (the tasks stay open; the decision is marked overdue). Both are recorded.
 */
@Configuration
public class DeadlineWatchDelegates {

  private static String key(DelegateExecution execution) {
    return DecisionControlProcess.businessKey(MEETING_KEY.get(execution), ITEM_NO.get(execution));
  }

  @Bean("remindDecisionExecutor")
  public JavaDelegate remindDecisionExecutor(DecisionControl control) {
    return execution -> control.remind(key(execution));
  }

  @Bean("escalateOverdueDecision")
  public JavaDelegate escalateOverdueDecision(DecisionControl control) {
    return execution -> {
      control.escalate(key(execution));
      OVERDUE.set(execution, true);
    };
  }
}
