package ru.nso.wg.calendar;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDecorator;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.nso.wg.roster.AsEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The due and follow-up dates of open user tasks, evaluated again from their definitions in the model
 * ({@code camunda:dueDate}, {@code camunda:followUpDate}) against the task's execution — after the date they count
 * from changed (a postponement) or the production calendar did. No second table of deadlines: the model's
 * expressions stay the only place that says which task has which deadline. The evaluation is the engine's own (the
 * one that set the dates when the task was created: a {@code Date}, or a {@code String} resolved by the due-date
 * business calendar); a task whose dates change is updated in its history too.
 *
 * <p>Each task is evaluated in its own transaction: one that cannot be (a missing calendar year) is reported and
 * keeps its dates, the others are updated. Runs as the engine (without the caller's authorizations).
 */
@Component
public class OpenTaskDueDates {

  private static final Logger LOG = LoggerFactory.getLogger(OpenTaskDueDates.class);

  /** Every task whose definition has a due-date or follow-up-date expression. */
  public static final Predicate<String> ANY = expression -> true;

  /**
   * Expressions whose value depends on the production calendar and not on the moment of evaluation: calls of a
   * {@code deadlines}/{@code controlDeadlines} bean with arguments (a meeting or due date). A call without arguments
   * ({@code controlDeadlines.requestDue()}) counts from the day the task was created and would wrongly move to
   * today if evaluated again, so it is left alone.
   */
  public static final Predicate<String> CALENDAR_DEPENDENT = expression -> {
    String text = expression.toLowerCase(Locale.ROOT);
    return text.contains(DeadlineTimers.EXPRESSION_MARK) && !text.replace(" ", "").contains("()");
  };

  private final ProcessEngineConfigurationImpl engine;
  private final AsEngine asEngine;

  public OpenTaskDueDates(ProcessEngineConfiguration engine, AsEngine asEngine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.asEngine = asEngine;
  }

  /** A task whose due date or follow-up date changed. */
  public record MovedTask(String taskId, String processInstanceId, String taskDefinitionKey, Instant previousDue,
                          Instant due, Instant previousFollowUp, Instant followUp) {
  }

  /** A task whose dates could not be evaluated again (it keeps them). */
  public record FailedTask(String taskId, String processInstanceId, String taskDefinitionKey, String message) {
  }

  /**
   * @param recalculated how many tasks had a matching definition and were evaluated successfully
   * @param moved        those whose due or follow-up date changed
   * @param failed       those that could not be evaluated
   */
  public record Recalculation(int recalculated, List<MovedTask> moved, List<FailedTask> failed) {
    public static final Recalculation NONE = new Recalculation(0, List.of(), List.of());
  }

  /** Every open task of one process instance with a date expression (e.g. after a postponement). */
  public Recalculation recalculate(String processInstanceId) {
    return recalculate(processInstanceId, ANY);
  }

  /** The open tasks of one process instance whose date expression matches {@code expressions}. */
  public Recalculation recalculate(String processInstanceId, Predicate<String> expressions) {
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    return run(query -> query.processInstanceId(processInstanceId), expressions);
  }

  /** The open tasks of every process instance whose date expression matches {@code expressions}. */
  public Recalculation recalculateAll(Predicate<String> expressions) {
    return run(query -> query, expressions);
  }

  private Recalculation run(UnaryOperator<TaskQuery> scope, Predicate<String> expressions) {
    return asEngine.call(() -> {
      int recalculated = 0;
      List<MovedTask> moved = new ArrayList<>();
      List<FailedTask> failed = new ArrayList<>();
      for (Task task : scope.apply(engine.getTaskService().createTaskQuery()).list()) {
        if (task.getProcessInstanceId() == null) {
          continue; // a stand-alone task has no definition to follow
        }
        Outcome outcome;
        try {
          outcome = evaluate(task, expressions);
        } catch (RuntimeException e) {
          String message = DeadlineTimers.reason(e);
          LOG.warn("Dates of task {} ({}) of process instance {} were not recalculated: {}", task.getId(),
              task.getTaskDefinitionKey(), task.getProcessInstanceId(), message);
          failed.add(new FailedTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), message));
          continue;
        }
        if (outcome == null) {
          continue;
        }
        recalculated++;
        if (outcome.moved()) {
          moved.add(new MovedTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
              DeadlineTimers.instant(task.getDueDate()), DeadlineTimers.instant(outcome.due()),
              DeadlineTimers.instant(task.getFollowUpDate()), DeadlineTimers.instant(outcome.followUp())));
        }
      }
      if (recalculated > 0 || !failed.isEmpty()) {
        LOG.info("Open task dates recalculated: {}, moved: {}, failed: {}", recalculated, moved.size(), failed.size());
      }
      return new Recalculation(recalculated, List.copyOf(moved), List.copyOf(failed));
    });
  }

  /** The task's dates after the evaluation; {@code null} when its definition has no matching expression. */
  private record Outcome(Date due, Date followUp, boolean moved) {
  }

  private Outcome evaluate(Task open, Predicate<String> expressions) {
    // which of the two expressions to follow, read from the model (the same text the engine evaluates)
    UserTask model = engine.getRepositoryService().getBpmnModelInstance(open.getProcessDefinitionId())
        .getModelElementById(open.getTaskDefinitionKey());
    boolean due = model != null && matches(model.getCamundaDueDate(), expressions);
    boolean followUp = model != null && matches(model.getCamundaFollowUpDate(), expressions);
    if (!due && !followUp) {
      return null;
    }
    return engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(open.getId());
      if (task == null || task.getExecution() == null || task.getTaskDefinition() == null) {
        return null;
      }
      Date dueBefore = task.getDueDate();
      Date followUpBefore = task.getFollowUpDate();
      Dates dates = new Dates(task.getTaskDefinition(), engine.getExpressionManager());
      if (due) {
        dates.due(task);
      }
      if (followUp) {
        dates.followUp(task);
      }
      boolean moved = !Objects.equals(dueBefore, task.getDueDate())
          || !Objects.equals(followUpBefore, task.getFollowUpDate());
      if (moved) {
        task.triggerUpdateEvent(); // the task's history gets the new dates too
      }
      return new Outcome(task.getDueDate(), task.getFollowUpDate(), moved);
    });
  }

  private static boolean matches(String expression, Predicate<String> expressions) {
    return expression != null && !expression.isBlank() && expressions.test(expression);
  }

  /** The engine's own evaluation of the two dates (the same that set them when the task was created). */
  private static final class Dates extends TaskDecorator {
    Dates(TaskDefinition definition, ExpressionManager expressions) {
      super(definition, expressions);
    }

    void due(TaskEntity task) {
      initializeTaskDueDate(task, task.getExecution());
    }

    void followUp(TaskEntity task) {
      initializeTaskFollowUpDate(task, task.getExecution());
    }
  }
}
