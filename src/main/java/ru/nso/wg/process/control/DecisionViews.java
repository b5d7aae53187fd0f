package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.control.ControlDeadlines;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionControl.Request;
import ru.nso.wg.control.DecisionEvent;
import ru.nso.wg.process.DecisionRequestProcesses;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.roster.IdentityDirectory;

import static ru.nso.wg.process.DecisionControlProcess.Vars.CONTROLLER;
import static ru.nso.wg.process.DecisionControlProcess.Vars.DUE_TEXT;
import static ru.nso.wg.process.DecisionControlProcess.Vars.HISTORY_TABLE;

/** What the forms show of a decision under control: read-only texts and the register's history as a table. */
@Component
public class DecisionViews {

  private final DecisionControl control;
  private final IdentityDirectory identity;
  private final IdentityService identityService;

  public DecisionViews(DecisionControl control, IdentityDirectory identity, IdentityService identityService) {
    this.control = control;
    this.identity = identity;
    this.identityService = identityService;
  }

  /** The controller, the due date in force and the history. */
  public void write(VariableScope scope, ControlledDecision d) {
    CONTROLLER.set(scope, control.controllerText(d));
    DUE_TEXT.set(scope, control.dueText(d));
    HISTORY_TABLE.set(scope, history(d.key()));
  }

  /**
   * The decision a request names («3/2026», item 2), if the caller may ask for it: it becomes the request's business
   * key, and its task shows it.
   */
  public void find(DelegateExecution execution, Request request) {
    ControlledDecision d = control.forRequest(request, FormValues.currentUser(identityService),
        DecisionRequestProcesses.Vars.MEETING_REF.find(execution).orElse(null),
        DecisionRequestProcesses.Vars.ITEM_NO.find(execution).orElse(null));
    execution.setProcessBusinessKey(d.key());
    writeForRequest(execution, d);
  }

  /** Everything a request task shows of the decision it acts on. */
  public void writeForRequest(VariableScope scope, ControlledDecision d) {
    DecisionRequestProcesses.Vars.MEETING_TITLE.set(scope, control.meetingTitle(d));
    DecisionRequestProcesses.Vars.ITEM_TITLE.set(scope, d.itemTitle());
    DecisionRequestProcesses.Vars.DECISION_TEXT.set(scope, d.decisionText());
    DecisionRequestProcesses.Vars.EXECUTOR_NAME.set(scope, d.executorName());
    DecisionRequestProcesses.Vars.STATE_TEXT.set(scope, d.state().title() + "; " + d.stage().title());
    write(scope, d);
  }

  /** Rows «Когда / Что / Подробности / Кто», oldest first. */
  public SpinJsonNode history(String key) {
    SpinJsonNode rows = Spin.JSON("[]");
    for (DecisionEvent e : control.history(key)) {
      String details = e.details() == null ? "" : e.details();
      if (e.dueDateAfter() != null) {
        details = "Срок: " + ControlDeadlines.date(e.dueDateBefore()) + " → " + ControlDeadlines.date(e.dueDateAfter())
            + ". " + details;
      }
      if (e.links() != null) {
        details = details + "\nДокументы: " + e.links().replace("\n", ", ");
      }
      rows.append(Spin.JSON("{}")
          .prop("at", RussianDates.numericDateTime(e.occurredAt()))
          .prop("event", e.kind().title())
          .prop("details", details)
          .prop("actor", e.actor() == null ? "система" : identity.userName(e.actor())));
    }
    return rows;
  }
}
