package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionStage;

import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * § 8: the decision goes into the register of execution control; the executor is found in identity (a person gets
 * the report task, a group gets it as a candidate group). Idempotent: a retried job registers nothing twice.
 */
@Component("registerDecision")
public class RegisterDecisionDelegate implements JavaDelegate {

  private final DecisionControl control;
  private final DecisionViews views;

  public RegisterDecisionDelegate(DecisionControl control, DecisionViews views) {
    this.control = control;
    this.views = views;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ControlledDecision d = control.register(new DecisionControl.NewDecision(MEETING_KEY.get(execution),
        ITEM_NO.get(execution), ITEM_TITLE.find(execution).orElse(null), DECISION_TEXT.get(execution),
        EXECUTOR_ID.get(execution), EXECUTOR_NAME.find(execution).orElse(null),
        DUE_DATE.get(execution), CONTROL_AREA.get(execution)), execution.getProcessInstanceId());
    MEETING_NUMBER.set(execution, d.meetingRef().number());
    MEETING_TITLE.set(execution, control.meetingTitle(d));
    EXECUTOR_KIND.set(execution, d.executorKind().name());
    EXECUTOR_NAME.set(execution, d.executorName());
    OVERDUE.set(execution, false);
    REPORT_UNDER_REVIEW.set(execution, d.stage() == DecisionStage.UNDER_REVIEW);
    views.write(execution, d);
  }
}
