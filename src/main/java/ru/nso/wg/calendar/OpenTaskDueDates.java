package ru.nso.wg.calendar;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDecorator;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The due and follow-up dates of open user tasks, evaluated again from their definitions in the model
 * ({@code camunda:dueDate}, {@code camunda:followUpDate}) against the task's execution — after the date they count
 * from changed (a postponement) or the production calendar did. No second table of deadlines: the model's
 * expressions stay the only place that says which task has which deadline.
 */
@Component
public class OpenTaskDueDates {

  private final ProcessEngineConfigurationImpl engine;

  public OpenTaskDueDates(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** Re-evaluates the open tasks of one process instance; returns how many tasks have a definition to follow. */
  public int recalculate(String processInstanceId) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      List<TaskEntity> tasks = context.getTaskManager().findTasksByProcessInstanceId(processInstanceId);
      int evaluated = 0;
      for (TaskEntity task : tasks) {
        TaskDefinition definition = task.getTaskDefinition();
        if (definition != null && task.getExecution() != null) {
          new Dates(definition, engine.getExpressionManager()).apply(task);
          evaluated++;
        }
      }
      return evaluated;
    });
  }

  /** The engine's own evaluation of the two dates (the same that set them when the task was created). */
  private static final class Dates extends TaskDecorator {
    Dates(TaskDefinition definition, ExpressionManager expressions) {
      super(definition, expressions);
    }

    void apply(TaskEntity task) {
      initializeTaskDueDate(task, task.getExecution());
      initializeTaskFollowUpDate(task, task.getExecution());
    }
  }
}
