package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;

import java.time.LocalDate;

import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * The chair's office extended the due date (validated by {@code wg-decision-extend} before the message was sent):
 * the new date goes into the register (with the reason and who asked) and the process. The message interrupted the
 * execution subprocess, which is entered again after this step: its task is created anew with the new due and
 * follow-up dates, and the reminder and escalation timers are armed from the new date — also for a decision whose
 * escalation had already fired.
 */
@Component("applyDecisionExtension")
public class ApplyExtensionDelegate implements JavaDelegate {

  private final DecisionControl control;
  private final DecisionViews views;

  public ApplyExtensionDelegate(DecisionControl control, DecisionViews views) {
    this.control = control;
    this.views = views;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = DecisionControlProcess.businessKey(execution);
    LocalDate newDueDate = NEW_DUE_DATE.get(execution);
    ControlledDecision d = control.applyExtension(key, newDueDate, EXTENSION_REASON.get(execution),
        REQUESTED_BY.find(execution).orElse(null));
    DUE_DATE.set(execution, newDueDate);
    OVERDUE.set(execution, false);
    views.write(execution, d);
    NEW_DUE_DATE.set(execution, null);
    EXTENSION_REASON.set(execution, null);
  }
}
