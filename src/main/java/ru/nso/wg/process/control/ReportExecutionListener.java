package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * § 8: the executor reports on the instruction (text and links to documents). Only the executor — the person, or
 * a member of the executor group — may; anyone else is refused and the task stays open.
 */
@Component("reportExecutionListener")
public class ReportExecutionListener extends FormTask {

  private final DecisionControl control;
  private final DecisionViews views;
  private final IdentityService identity;

  public ReportExecutionListener(DecisionControl control, DecisionViews views, IdentityService identity) {
    this.control = control;
    this.views = views;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    views.write(task.getExecution(), control.get(DecisionControlProcess.businessKey(task)));
  }

  @Override
  protected void accept(DelegateTask task) {
    String key = DecisionControlProcess.businessKey(task);
    control.report(key, FormValues.currentUser(identity), REPORT_TEXT.find(task).orElse(null),
        REPORT_LINKS.find(task).orElse(null));
    REPORT_UNDER_REVIEW.set(task, true);
  }
}
