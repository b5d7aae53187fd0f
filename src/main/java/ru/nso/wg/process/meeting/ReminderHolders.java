package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.notification.TaskMessages;

import java.util.List;

/**
 * Issue 16, point 4: a reminder step reached from a timer attached to a user task reminds the person holding that
 * task too. The task is found in the model (the step's incoming flow comes from the boundary timer, the timer is
 * attached to the task), so no model names it twice.
 */
final class ReminderHolders {

  private ReminderHolders() {
  }

  /** The holders of the open user task the step's timer is attached to; nobody when there is none. */
  static List<Recipient> of(DelegateExecution execution, TaskMessages messages) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (!(element instanceof FlowNode node)) {
      return List.of();
    }
    for (SequenceFlow incoming : node.getIncoming()) {
      if (incoming.getSource() instanceof BoundaryEvent timer && timer.getAttachedTo() instanceof UserTask task) {
        return messages.holdersOf(execution.getProcessInstanceId(), task.getId());
      }
    }
    return List.of();
  }
}
