package ru.nso.wg.migration;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineTimers;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.roster.AsEngine;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Moves running instances of a process (meetings) from one version of its model to another — what Camunda 7
 * Community Edition has no screen for. The plan is Camunda's migration API: activities mapped by equal ID, event
 * triggers (timers, messages) updated to the new version's; the plan is validated, and every running instance of
 * the source version is either movable or not, with the reason (it waits in a step the new version removed). The
 * chosen instances move together in one batch (one transaction: all or none); then their timers and open tasks'
 * dates are evaluated again from the new model and the calendar ({@link DeadlineTimers}), open tasks a new version
 * renamed take the new name, and each move is recorded
 * ({@code wg_process_migration}, Flyway V85).
 */
@Service
public class ProcessMigration {

  /** A running instance of the source version: movable when it has no problems. */
  public record Candidate(String processInstanceId, String businessKey, List<String> waitingIn, List<String> problems) {
    public boolean movable() {
      return problems.isEmpty();
    }
  }

  /** The checked plan and the running instances it applies to. */
  public record Plan(String processKey, int fromVersion, int toVersion, List<Candidate> candidates) {
    public List<Candidate> movable() {
      return candidates.stream().filter(Candidate::movable).toList();
    }

    public List<Candidate> blocked() {
      return candidates.stream().filter(c -> !c.movable()).toList();
    }
  }

  /** One recorded move of an instance. */
  public record Move(String processInstanceId, String businessKey, String processKey, int fromVersion, int toVersion,
                     String migratedBy, OffsetDateTime migratedAt) {
  }

  /** A meeting's business key ({@link MeetingRef#key()}). */
  private static final Pattern MEETING_KEY = Pattern.compile("\\d{4}-\\d{1,4}");

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TaskService tasks;
  private final DeadlineTimers timers;
  private final AsEngine asEngine;
  private final JdbcTemplate jdbc;

  public ProcessMigration(RuntimeService runtime, RepositoryService repository, TaskService tasks,
                          DeadlineTimers timers, AsEngine asEngine, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.repository = repository;
    this.tasks = tasks;
    this.timers = timers;
    this.asEngine = asEngine;
    this.jdbc = jdbc;
  }

  /** The plan from one version to another, with every running instance of the source version checked. */
  public Plan plan(String processKey, int fromVersion, int toVersion) {
    ProcessDefinition source = definition(processKey, fromVersion);
    ProcessDefinition target = definition(processKey, toVersion);
    if (fromVersion == toVersion) {
      throw new Refusal("Исходная и новая версии совпадают: выберите разные версии процесса");
    }
    MigrationPlan plan = migrationPlan(source, target);
    Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
        .collect(Collectors.toSet());
    BpmnModelInstance sourceModel = asEngine.call(() -> repository.getBpmnModelInstance(source.getId()));
    List<Candidate> candidates = new ArrayList<>();
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
        .orderByProcessInstanceId().asc().list()) {
      ActivityInstance tree = runtime.getActivityInstance(instance.getId());
      Set<String> waiting = new LinkedHashSet<>();
      collect(tree, waiting, true);
      List<String> problems = new ArrayList<>();
      for (String activity : waiting) {
        if (!mapped.contains(activity)) {
          problems.add("ждёт в шаге «" + name(sourceModel, activity) + "» (" + activity + "), которого нет в версии "
              + toVersion);
        }
      }
      if (instance.isSuspended()) {
        problems.add("приостановлен");
      }
      candidates.add(new Candidate(instance.getId(), instance.getBusinessKey(),
          waiting.stream().map(a -> name(sourceModel, a)).toList(), problems));
    }
    return new Plan(processKey, fromVersion, toVersion, candidates);
  }

  /**
   * Moves the chosen instances (all movable instances of the plan) in one batch, recalculates their timers and
   * tasks' dates from the new model, and records each move. Refused, with nothing moved, when one of them cannot.
   */
  public List<Move> migrate(String processKey, int fromVersion, int toVersion, Collection<String> instanceIds,
                            String migratedBy) {
    if (instanceIds.isEmpty()) {
      throw new Refusal("Не выбрано ни одного экземпляра процесса для перевода");
    }
    Plan checked = plan(processKey, fromVersion, toVersion);
    List<String> problems = new ArrayList<>();
    for (String id : new LinkedHashSet<>(instanceIds)) {
      Candidate candidate = checked.candidates().stream().filter(c -> c.processInstanceId().equals(id)).findFirst()
          .orElse(null);
      if (candidate == null) {
        problems.add("экземпляр " + id + " не выполняется в версии " + fromVersion);
      } else if (!candidate.movable()) {
        problems.add(label(candidate) + ": " + String.join(", ", candidate.problems()));
      }
    }
    Refusal.refuseIf(problems);
    MigrationPlan plan = migrationPlan(definition(processKey, fromVersion), definition(processKey, toVersion));
    try {
      runtime.newMigration(plan).processInstanceIds(List.copyOf(new LinkedHashSet<>(instanceIds))).execute();
    } catch (MigratingProcessInstanceValidationException e) {
      throw new Refusal("Перевод не выполнен, ни один экземпляр не переведён: " + e.getMessage());
    }
    OffsetDateTime now = OffsetDateTime.now();
    List<Move> moves = new ArrayList<>();
    String targetId = definition(processKey, toVersion).getId();
    BpmnModelInstance targetModel = asEngine.call(() -> repository.getBpmnModelInstance(targetId));
    for (String id : new LinkedHashSet<>(instanceIds)) {
      asEngine.run(() -> {
        timers.recalculate(id);
        renameOpenTasks(id, targetModel);
      });
      String businessKey = checked.candidates().stream().filter(c -> c.processInstanceId().equals(id))
          .map(Candidate::businessKey).findFirst().orElse(null);
      Move move = new Move(id, businessKey, processKey, fromVersion, toVersion, migratedBy, now);
      jdbc.update("INSERT INTO wg_process_migration (process_instance_id, business_key, process_key, from_version,"
              + " to_version, migrated_by, migrated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, businessKey, processKey,
          fromVersion, toVersion, migratedBy, Timestamp.from(now.toInstant()));
      moves.add(move);
    }
    return moves;
  }

  /** Open tasks keep the name they were created with: a task the new version renamed takes its new name. */
  private void renameOpenTasks(String processInstanceId, BpmnModelInstance targetModel) {
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      String name = name(targetModel, task.getTaskDefinitionKey());
      if (!name.equals(task.getTaskDefinitionKey()) && !name.equals(task.getName())) {
        task.setName(name);
        tasks.saveTask(task);
      }
    }
  }

  /** When the instances of a business key (a meeting's key) moved, and to which version; oldest first. */
  public List<Move> moves(String businessKey) {
    return jdbc.query("SELECT * FROM wg_process_migration WHERE business_key = ? ORDER BY id",
        (rs, i) -> new Move(rs.getString("process_instance_id"), rs.getString("business_key"),
            rs.getString("process_key"), rs.getInt("from_version"), rs.getInt("to_version"),
            rs.getString("migrated_by"), rs.getObject("migrated_at", OffsetDateTime.class)), businessKey);
  }

  /** «№ 3/2026 (экземпляр 4f…)» for people: a meeting (business key 2026-3) by its number as staff write it. */
  public static String label(Candidate candidate) {
    String key = candidate.businessKey();
    String name = key == null ? "" : MEETING_KEY.matcher(key).matches() ? MeetingRef.parse(key).display() + " "
        : "№ " + key + " ";
    return name + "(экземпляр " + candidate.processInstanceId() + ")";
  }

  private MigrationPlan migrationPlan(ProcessDefinition source, ProcessDefinition target) {
    try {
      return runtime.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
    } catch (MigrationPlanValidationException e) {
      String failures = e.getValidationReport().getInstructionReports().stream()
          .map(r -> r.getMigrationInstruction().getSourceActivityId() + ": " + String.join(", ", r.getFailures()))
          .collect(Collectors.joining("; "));
      throw new Refusal("План перевода с версии " + source.getVersion() + " на версию " + target.getVersion()
          + " не проходит проверку Camunda: " + failures);
    } catch (ProcessEngineException e) {
      throw new Refusal("План перевода не построен: " + e.getMessage());
    }
  }

  private ProcessDefinition definition(String processKey, int version) {
    ProcessDefinition definition = asEngine.call(() -> repository.createProcessDefinitionQuery()
        .processDefinitionKey(processKey).processDefinitionVersion(version).singleResult());
    if (definition == null) {
      throw Refusal.notFound("Нет версии " + version + " процесса «" + processKey + "»");
    }
    return definition;
  }

  /** Every activity an instance is in (scopes and waiting asynchronous steps), not the process itself. */
  private static void collect(ActivityInstance instance, Set<String> into, boolean root) {
    if (!root) {
      into.add(instance.getActivityId());
    }
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      into.add(transition.getActivityId());
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      collect(child, into, false);
    }
  }

  private static String name(BpmnModelInstance model, String activityId) {
    if (model.getModelElementById(activityId) instanceof FlowElement element && element.getName() != null) {
      return element.getName();
    }
    return activityId;
  }
}
