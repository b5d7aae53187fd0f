package ru.nso.wg.calendar;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * The waiting timer jobs whose date comes from the {@code deadlines} bean (or another calendar bean whose name
 * ends in {@code Deadlines}, such as {@code controlDeadlines} of execution control), and their recalculation after a
 * change of the production calendar. A timer is recognised by its job definition: a timer whose configuration (the
 * timer's expression) calls {@code deadlines.}, in any case. Re-evaluating such a timer is idempotent: a timer whose
 * range does not touch a changed year keeps its due date.
 *
 * <p>Runs without the calling user's authorizations (the engine's own maintenance).
 */
@Component
public class DeadlineTimers {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineTimers.class);
  /** What marks a timer expression that uses the calendar (compared in lower case). */
  static final String EXPRESSION_MARK = "deadlines.";

  private final ManagementService managementService;
  private final AsEngine asEngine;
  private final OpenTaskDueDates openTasks;

  public DeadlineTimers(ManagementService managementService, AsEngine asEngine, OpenTaskDueDates openTasks) {
    this.managementService = managementService;
    this.asEngine = asEngine;
    this.openTasks = openTasks;
  }

  /** A timer whose due date changed. */
  public record MovedTimer(String jobId, String processInstanceId, String processDefinitionKey, String activityId,
                           Instant previousDue, Instant due) {
  }

  /** A timer whose due date could not be recalculated (it keeps its previous due date). */
  public record FailedTimer(String jobId, String processInstanceId, String processDefinitionKey, String activityId,
                            String message) {
  }

  /**
   * @param recalculated how many timers were re-evaluated successfully
   * @param moved        those whose due date changed
   * @param failed       those that could not be re-evaluated
   */
  public record Recalculation(int recalculated, List<MovedTimer> moved, List<FailedTimer> failed) {
    public static final Recalculation NONE = new Recalculation(0, List.of(), List.of());
  }

  /** Re-evaluates the due date of every waiting deadline timer. */
  public Recalculation recalculate() {
    return asEngine.call(() -> {
      int recalculated = 0;
      List<MovedTimer> moved = new ArrayList<>();
      List<FailedTimer> failed = new ArrayList<>();
      for (JobDefinition definition : deadlineTimerDefinitions()) {
        for (Job job : managementService.createJobQuery().jobDefinitionId(definition.getId()).timers().list()) {
          try {
            managementService.recalculateJobDuedate(job.getId(), false);
            recalculated++;
            Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
            if (after != null && !Objects.equals(job.getDuedate(), after.getDuedate())) {
              moved.add(new MovedTimer(job.getId(), job.getProcessInstanceId(), job.getProcessDefinitionKey(),
                  definition.getActivityId(), instant(job.getDuedate()), instant(after.getDuedate())));
            }
          } catch (RuntimeException e) {
            String message = reason(e);
            LOG.warn("Deadline timer {} of process instance {} was not recalculated: {}", job.getId(),
                job.getProcessInstanceId(), message);
            LOG.debug("Recalculation of timer {} failed", job.getId(), e);
            failed.add(new FailedTimer(job.getId(), job.getProcessInstanceId(), job.getProcessDefinitionKey(),
                definition.getActivityId(), message));
          }
        }
      }
      LOG.info("Deadline timers recalculated: {}, moved: {}, failed: {}", recalculated, moved.size(), failed.size());
      return new Recalculation(recalculated, List.copyOf(moved), List.copyOf(failed));
    });
  }

  /**
   * Everything of one process instance that counts from a date: its waiting timers and its open tasks' due and
   * follow-up dates are evaluated again from the model (after a postponement moved the date they count from).
   */
  public void recalculate(String processInstanceId) {
    for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      managementService.recalculateJobDuedate(timer.getId(), false);
    }
    openTasks.recalculate(processInstanceId);
  }

  private List<JobDefinition> deadlineTimerDefinitions() {
    return managementService.createJobDefinitionQuery().list().stream()
        .filter(d -> d.getJobType() != null && d.getJobType().startsWith("timer"))
        .filter(d -> d.getJobConfiguration() != null
            && d.getJobConfiguration().toLowerCase(Locale.ROOT).contains(EXPRESSION_MARK))
        .toList();
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** The most telling message: ours (Russian) when the calendar refused, else the engine's. */
  static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MissingCalendarYearException || t instanceof IllegalArgumentException) {
        return t.getMessage();
      }
    }
    return e.getMessage();
  }
}
