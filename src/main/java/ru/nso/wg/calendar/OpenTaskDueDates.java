package ru.nso.wg.calendar;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Re-evaluates the due date ({@code camunda:dueDate}) and follow-up date ({@code camunda:followUpDate}) of open user
 * tasks from their BPMN definitions, against each task's own execution, as the engine did when it created the task:
 * a {@code Date} is taken as it is, a {@code String} is resolved by the engine's due-date business calendar (ISO
 * date-time or duration), {@code null} leaves the date as it is. Only the dates of tasks whose result changed are
 * saved (through {@link TaskService#saveTask}, so history sees the change).
 *
 * <p>Used after a change of the production calendar ({@link CalendarReloadService}) and wherever something a task's
 * date depends on changes (a meeting's new date). Runs without the caller's authorizations (engine maintenance).
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
  private final TaskService taskService;
  private final IdentityService identityService;

  public OpenTaskDueDates(ProcessEngineConfiguration engine, TaskService taskService,
                          IdentityService identityService) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** A task whose due date or follow-up date changed. */
  public record MovedTask(String taskId, String processInstanceId, String taskDefinitionKey, Instant previousDue,
                          Instant due, Instant previousFollowUp, Instant followUp) {
  }

  /** A task whose dates could not be re-evaluated (it keeps them). */
  public record FailedTask(String taskId, String processInstanceId, String taskDefinitionKey, String message) {
  }

  /**
   * @param recalculated how many tasks were re-evaluated successfully
   * @param moved        those whose due or follow-up date changed
   * @param failed       those that could not be re-evaluated
   */
  public record Recalculation(int recalculated, List<MovedTask> moved, List<FailedTask> failed) {
    public static final Recalculation NONE = new Recalculation(0, List.of(), List.of());
  }

  /** Every open task of one process instance with a date expression. */
  public Recalculation recalculate(String processInstanceId) {
    return recalculate(processInstanceId, ANY);
  }

  /** The open tasks of one process instance whose date expression matches {@code expressions}. */
  public Recalculation recalculate(String processInstanceId, Predicate<String> expressions) {
    Objects.requireNonNull(processInstanceId, "processInstanceId");
    return run(q -> q.processInstanceId(processInstanceId), expressions);
  }

  /** The open tasks of every process instance whose date expression matches {@code expressions}. */
  public Recalculation recalculateAll(Predicate<String> expressions) {
    return run(q -> q, expressions);
  }

  private Recalculation run(java.util.function.UnaryOperator<TaskQuery> scope, Predicate<String> expressions) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      int recalculated = 0;
      List<MovedTask> moved = new ArrayList<>();
      List<FailedTask> failed = new ArrayList<>();
      for (Task task : scope.apply(taskService.createTaskQuery()).list()) {
        if (task.getProcessInstanceId() == null) {
          continue; // a stand-alone task has no definition to evaluate
        }
        Dates dates;
        try {
          dates = evaluate(task.getId(), expressions);
        } catch (RuntimeException e) {
          String message = reason(e);
          LOG.warn("Dates of task {} ({}) of process instance {} were not recalculated: {}", task.getId(),
              task.getTaskDefinitionKey(), task.getProcessInstanceId(), message);
          failed.add(new FailedTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(), message));
          continue;
        }
        if (dates == null) {
          continue; // no matching expression
        }
        recalculated++;
        Date due = dates.due() == null ? task.getDueDate() : dates.due();
        Date followUp = dates.followUp() == null ? task.getFollowUpDate() : dates.followUp();
        if (!Objects.equals(due, task.getDueDate()) || !Objects.equals(followUp, task.getFollowUpDate())) {
          Date previousDue = task.getDueDate();
          Date previousFollowUp = task.getFollowUpDate();
          task.setDueDate(due);
          task.setFollowUpDate(followUp);
          taskService.saveTask(task);
          moved.add(new MovedTask(task.getId(), task.getProcessInstanceId(), task.getTaskDefinitionKey(),
              instant(previousDue), instant(due), instant(previousFollowUp), instant(followUp)));
        }
      }
      if (recalculated > 0 || !failed.isEmpty()) {
        LOG.info("Open task dates recalculated: {}, moved: {}, failed: {}", recalculated, moved.size(), failed.size());
      }
      return new Recalculation(recalculated, List.copyOf(moved), List.copyOf(failed));
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /** The re-evaluated dates ({@code null} where the definition has no matching expression or it gave null). */
  private record Dates(Date due, Date followUp) {
  }

  private Dates evaluate(String taskId, Predicate<String> expressions) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      TaskDefinition definition = task.getTaskDefinition();
      ExecutionEntity execution = task.getExecution();
      if (definition == null || execution == null) {
        return null;
      }
      Expression dueExpression = matching(definition.getDueDateExpression(), expressions);
      Expression followUpExpression = matching(definition.getFollowUpDateExpression(), expressions);
      if (dueExpression == null && followUpExpression == null) {
        return null;
      }
      return new Dates(value(dueExpression, execution, task), value(followUpExpression, execution, task));
    });
  }

  private static Expression matching(Expression expression, Predicate<String> expressions) {
    return expression != null && expressions.test(expression.getExpressionText()) ? expression : null;
  }

  private Date value(Expression expression, ExecutionEntity execution, TaskEntity task) {
    if (expression == null) {
      return null;
    }
    Object value = expression.getValue(execution);
    if (value == null || value instanceof Date) {
      return (Date) value;
    }
    if (value instanceof String text) {
      BusinessCalendar calendar = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME);
      return calendar.resolveDuedate(text, task);
    }
    throw new ProcessEngineException("Выражение «" + expression.getExpressionText() + "» задачи "
        + task.getTaskDefinitionKey() + " дало " + value.getClass().getSimpleName() + ", а не дату");
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** The most telling message: ours (Russian) when the calendar refused, else the engine's. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MissingCalendarYearException || t instanceof IllegalArgumentException) {
        return t.getMessage();
      }
    }
    return e.getMessage();
  }
}
