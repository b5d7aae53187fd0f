package ru.nso.wg.process.control;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.common.Refusal;

import java.util.Map;

/**
 * Passes a staff request (extension, withdrawal) to the decision's {@code wg-decision-control} instance by a BPMN
 * message. Who may ask is decided by the request's rules (and the authorization to start the request process); the
 * correlation itself runs without the caller's instance-level authorizations, which staff do not hold.
 */
@Component
public class DecisionCorrelation {

  private final RuntimeService runtime;

  public DecisionCorrelation(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public void correlate(ControlledDecision d, String messageName, Map<String, Object> variables) {
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
