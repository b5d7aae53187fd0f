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
 * § 8: the deputy chair who controls the decision (a member of its area group) accepts the report — the decision is
 * executed — or returns it to the executor with remarks. Anyone else is refused and the task stays open.
 */
@Component("reviewReportListener")
public class ReviewReportListener extends FormTask {

  private final DecisionControl control;
  private final DecisionViews views;
  private final IdentityService identity;

  public ReviewReportListener(DecisionControl control, DecisionViews views, IdentityService identity) {
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
    String remarks = REVIEW_REMARKS.find(task).orElse(null);
    boolean accepted = control.review(key, FormValues.currentUser(identity), REVIEW_DECISION.find(task).orElse(null),
        remarks);
    REPORT_ACCEPTED.set(task, accepted);
    REPORT_UNDER_REVIEW.set(task, false);
    RETURN_REMARKS.set(task, accepted ? null : remarks.trim());
    REVIEW_DECISION.set(task, null);
    REVIEW_REMARKS.set(task, null);
  }
}
