package ru.nso.wg.process;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.DecisionControlProcess.Elements;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * Drives one decision under control the way people do in Tasklist: the executor reports, the deputy chair accepts or
 * returns, the chair's office extends, the secretariat withdraws — each as a named user submitting forms.
 */
public class DecisionScenario {

  public static final String EXECUTOR = "vasiliev";
  public static final String DEPUTY_DIGITAL = "kuznetsova";
  public static final String DEPUTY_SERVICES = "morozov";
  public static final String CHAIR_OFFICE = "sokolov";
  public static final String SECRETARY = "smirnova";
  public static final String AREA_DIGITAL = "wg-area-digital";
  public static final String DECISION = "Подготовить проект регионального стандарта клиентоцентричности";

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final FormService forms;
  public ProcessInstance instance;
  public String key;

  public DecisionScenario(ProcessEngine engine) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.runtime = engine.getRuntimeService();
    this.forms = engine.getFormService();
  }

  /** A meeting in the record (the decision's meeting, or a later one that withdraws it). */
  public static MeetingRef meeting(MeetingRecord record, String start) {
    OffsetDateTime at = OffsetDateTime.parse(start);
    return record.create(at.getYear(), at, MeetingFormat.IN_PERSON, "г. Новосибирск, Красный проспект, 18", null, null,
        SECRETARY);
  }

  public <T> T as(String user, Supplier<T> action) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  public void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  /** Starts the control as the meeting process does, and runs the registration. */
  public ProcessInstance start(MeetingRef meeting, int itemNo, String executorId, String dueDate, String area) {
    VariableMap variables = Variables.createVariables()
        .putValue(MEETING_KEY.name(), meeting.key())
        .putValue(MEETING_TITLE.name(), meeting.display())
        .putValue(ITEM_NO.name(), itemNo)
        .putValue(ITEM_TITLE.name(), "О региональном стандарте клиентоцентричности")
        .putValue(DECISION_TEXT.name(), DECISION)
        .putValue(EXECUTOR_ID.name(), executorId)
        .putValue(EXECUTOR_NAME.name(), null)
        .putValue(DUE_DATE.name(), dueDate)
        .putValue(CONTROL_AREA.name(), area);
    key = DecisionControlProcess.businessKey(meeting.key(), itemNo);
    instance = runtime.startProcessInstanceByKey(DecisionControlProcess.KEY, key, variables);
    executeJob(Elements.REGISTER);
    return instance;
  }

  public Task task(String taskDefinitionKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(found).as("open task " + taskDefinitionKey).hasSize(1);
    return found.get(0);
  }

  public Object variable(Var<?> variable) {
    return runtime.getVariable(instance.getId(), variable.name());
  }

  /** Claims the task when nobody has (as Tasklist does) and submits its form. */
  public void complete(String taskDefinitionKey, String user, Map<String, Object> values) {
    Task task = task(taskDefinitionKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      forms.submitTaskForm(task.getId(), values);
    });
  }

  /** Submits the form without claiming (someone who got the task some other way). */
  public void submit(String taskDefinitionKey, String user, Map<String, Object> values) {
    Task task = task(taskDefinitionKey);
    as(user, () -> forms.submitTaskForm(task.getId(), values));
  }

  public void report(String user, String text) {
    complete(Elements.REPORT, user, Map.of(REPORT_TEXT.name(), text,
        REPORT_LINKS.name(), "https://docs.example.org/standard-draft.pdf\n\nСЭД № 12-345/26"));
  }

  public void accept(String user) {
    complete(Elements.REVIEW, user, Map.of(REVIEW_DECISION.name(), "ACCEPT"));
  }

  public void returnReport(String user, String remarks) {
    Map<String, Object> values = new HashMap<>();
    values.put(REVIEW_DECISION.name(), "RETURN");
    values.put(REVIEW_REMARKS.name(), remarks);
    complete(Elements.REVIEW, user, values);
  }

  // --- the request processes -------------------------------------------------------------------------------

  public ProcessInstance startRequest(String processKey, String user, Map<String, Object> values) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    return as(user, () -> forms.submitStartForm(definitionId, values));
  }

  public Task requestTask(ProcessInstance request) {
    return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult();
  }

  /** «2026-3» → «3/2026». */
  public static String human(MeetingRef ref) {
    return ref.number() + "/" + ref.year();
  }

  /** The chair's office asks for the decision and then extends it in the task the request gives them. */
  public ProcessInstance extend(String user, MeetingRef meeting, int itemNo, String newDueDate, String reason) {
    ProcessInstance request = startRequest(DecisionRequestProcesses.EXTEND_KEY, user, Map.of(
        DecisionRequestProcesses.Vars.MEETING_REF.name(), human(meeting),
        DecisionRequestProcesses.Vars.ITEM_NO.name(), (long) itemNo));
    Task task = requestTask(request);
    Map<String, Object> values = new HashMap<>();
    values.put(DecisionRequestProcesses.Vars.NEW_DUE_DATE.name(), newDueDate);
    values.put(DecisionRequestProcesses.Vars.EXTENSION_REASON.name(), reason);
    as(user, () -> forms.submitTaskForm(task.getId(), values));
    return request;
  }

  // --- jobs and timers -------------------------------------------------------------------------------------

  public Job job(String activityId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
    assertThat(jobs).as("job at " + activityId).hasSize(1);
    return jobs.get(0);
  }

  public boolean hasJob(String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).count() > 0;
  }

  public void executeJob(String activityId) {
    management.executeJob(job(activityId).getId());
  }

  /** A timer fires only when the engine clock has reached its due date. */
  public boolean timerDue(String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .executable().count() == 1;
  }
}
