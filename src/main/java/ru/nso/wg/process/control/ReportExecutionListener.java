package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.TaskReaders;

import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * § 8: the executor reports on the instruction (text and links to documents). Only the executor — the person, or
 * a member of the executor group — may; anyone else is refused and the task stays open. The controlling deputy chair's
 * area group may read the task (not act on it), so the decision in progress is in their «Контроль исполнения: мои
 * решения».
 */
@Component("reportExecutionListener")
public class ReportExecutionListener extends FormTask {

  private final DecisionControl control;
  private final DecisionViews views;
  private final IdentityService identity;
  private final TaskReaders readers;

  public ReportExecutionListener(DecisionControl control, DecisionViews views, IdentityService identity,
                                 TaskReaders readers) {
    this.control = control;
    this.views = views;
    this.identity = identity;
    this.readers = readers;
  }

  @Override
  protected void prepare(DelegateTask task) {
    views.write(task.getExecution(), control.get(DecisionControlProcess.businessKey(task)));
    readers.letGroupRead(task.getId(), CONTROL_AREA.get(task));
  }

  @Override
  protected void accept(DelegateTask task) {
    String key = DecisionControlProcess.businessKey(task);
    control.report(key, FormValues.currentUser(identity), REPORT_TEXT.find(task).orElse(null),
        REPORT_LINKS.find(task).orElse(null));
    REPORT_UNDER_REVIEW.set(task, true);
  }
}
