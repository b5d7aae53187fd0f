package ru.nso.wg.process.control;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionControl.Request;
import ru.nso.wg.process.DecisionControlProcess;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static ru.nso.wg.process.DecisionControlProcess.Vars.EXTENSION_REASON;
import static ru.nso.wg.process.DecisionControlProcess.Vars.NEW_DUE_DATE;
import static ru.nso.wg.process.DecisionControlProcess.Vars.REQUESTED_BY;
import static ru.nso.wg.process.DecisionControlProcess.Vars.WITHDRAWAL_NOTE;
import static ru.nso.wg.process.DecisionControlProcess.Vars.WITHDRAWING_ITEM_NO;
import static ru.nso.wg.process.DecisionControlProcess.Vars.WITHDRAWING_MEETING_REF;

/**
 * Passes a staff request (extension, withdrawal), once checked by the register's rules, to the decision's
 * {@code wg-decision-control} instance by a BPMN message. Who may ask is decided by the request's rules (and the
 * authorization to start the request process); the correlation itself runs without the caller's instance-level
 * authorizations, which staff do not hold.
 */
@Component
public class DecisionCorrelation {

  private final DecisionControl control;
  private final RuntimeService runtime;

  public DecisionCorrelation(DecisionControl control, RuntimeService runtime) {
    this.control = control;
    this.runtime = runtime;
  }

  /** The chair's office extends the due date of the decision named («3/2026», item 2). */
  public void extend(String actor, String meetingRef, Integer itemNo, LocalDate newDueDate, String reason) {
    ControlledDecision d = control.forRequest(Request.EXTEND, actor, meetingRef, itemNo);
    control.checkExtension(d, newDueDate, reason);
    Map<String, Object> variables = new HashMap<>();
    NEW_DUE_DATE.put(variables, newDueDate);
    variables.put(EXTENSION_REASON.name(), reason);
    variables.put(REQUESTED_BY.name(), actor);
    correlate(d, DecisionControlProcess.MESSAGE_EXTEND, variables);
  }

  /** The secretariat records that a later decision of the working group withdrew the decision named. */
  public void withdraw(String actor, String meetingRef, Integer itemNo, String withdrawingMeetingRef,
                       Integer withdrawingItemNo, String note) {
    ControlledDecision d = control.forRequest(Request.WITHDRAW, actor, meetingRef, itemNo);
    DecisionControl.Withdrawal withdrawal = control.checkWithdrawal(d, withdrawingMeetingRef, withdrawingItemNo);
    Map<String, Object> variables = new HashMap<>();
    variables.put(WITHDRAWING_MEETING_REF.name(), withdrawal.meeting().key());
    variables.put(WITHDRAWING_ITEM_NO.name(), withdrawal.itemNo());
    variables.put(WITHDRAWAL_NOTE.name(), note);
    variables.put(REQUESTED_BY.name(), actor);
    correlate(d, DecisionControlProcess.MESSAGE_WITHDRAW, variables);
  }

  private void correlate(ControlledDecision d, String messageName, Map<String, Object> variables) {
    CommandContext context = Context.getCommandContext();
    context.disableAuthorizationCheck();
    try {
      boolean waiting = d.processInstanceId() != null && runtime.createEventSubscriptionQuery()
          .processInstanceId(d.processInstanceId()).eventType("message").eventName(messageName).count() > 0;
      if (!waiting) {
        // the instance is between two steps (an asynchronous job is running): the message would be lost
        throw new Refusal("Решение по " + d.describe() + " сейчас обрабатывается системой; повторите "
            + "запрос через минуту");
      }
      runtime.createMessageCorrelation(messageName)
          .processInstanceId(d.processInstanceId())
          .setVariables(variables)
          .correlateWithResult();
    } finally {
      context.enableAuthorizationCheck();
    }
  }
}
