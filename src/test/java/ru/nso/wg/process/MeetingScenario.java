package ru.nso.wg.process;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MinutesSigning;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.signature.SignatureSettings;
import ru.nso.wg.signature.SignerSnils;
import ru.nso.wg.signature.SigningMode;
import ru.nso.wg.signature.TestSigning;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.*;

/**
 * Drives a meeting the way people do in Tasklist: as a named user, submitting forms (start and task forms)
 * with the same variables the forms submit (lists as Spin JSON), claiming tasks first.
 */
public class MeetingScenario {

  public static final String SECRETARY = "smirnova";
  public static final String CHAIR = "sokolov";
  public static final String DEPUTY = "morozov";
  public static final String INFO_POLICY = "egorova";
  /** The demo roster: 15 members (chair, three deputies, eleven members). */
  public static final List<String> ROSTER = List.of("sokolov", "lebedeva", "morozov", "kuznetsova", "vasiliev",
      "novikova", "fedorov", "pavlova", "semenov", "golubeva", "vinogradov", "bogdanova", "orlov", "kiseleva",
      "makarov");

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final boolean jobExecutorRuns;
  public ProcessInstance instance;

  /** With the job executor off: the test executes each job itself. */
  public MeetingScenario(ProcessEngine engine) {
    this(engine, false);
  }

  /** With the job executor on, {@link #executeJob} waits for the executor to run the job instead. */
  public MeetingScenario(ProcessEngine engine, boolean jobExecutorRuns) {
    this.jobExecutorRuns = jobExecutorRuns;
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.runtime = engine.getRuntimeService();
  }

  public static void clockAt(String isoOffsetDateTime) {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoOffsetDateTime).toInstant()));
  }

  public static Object json(String json) {
    return SpinValues.jsonValue(json).create();
  }

  public static Object list(String... values) {
    return json(Arrays.stream(values).map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]")));
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

  // --- the steps of a meeting ------------------------------------------------------------------------------

  public ProcessInstance start(String meetingStart) {
    return start(meetingStart, Variables.createVariables());
  }

  public ProcessInstance start(String meetingStart, VariableMap extra) {
    RepositoryService repository = engine.getRepositoryService();
    String definitionId = repository.createProcessDefinitionQuery().processDefinitionKey(MeetingProcess.KEY)
        .latestVersion().singleResult().getId();
    VariableMap vars = Variables.createVariables()
        .putValue(MEETING_START.name(), meetingStart)
        .putValue(MEETING_FORMAT.name(), "IN_PERSON")
        .putValue(MEETING_PLACE.name(), "г. Новосибирск, Красный проспект, 18, зал заседаний № 1")
        .putValue(INVITEES.name(), json("[{\"fullName\":\"Иванов Иван Иванович\",\"jobTitle\":\"Эксперт\","
            + "\"organisation\":\"АНО «Центр клиентоцентричности»\",\"email\":\"ivanov@example.org\"},"
            + "{\"fullName\":\"Петрова Анна Сергеевна\",\"jobTitle\":\"Директор\",\"organisation\":\"МФЦ\"}]"));
    vars.putAll(extra);
    FormService forms = engine.getFormService();
    instance = as(SECRETARY, () -> forms.submitStartForm(definitionId, vars));
    return instance;
  }

  public String key() {
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult() != null
        ? runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult().getBusinessKey()
        : engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
            .singleResult().getBusinessKey();
  }

  public Task task(String taskDefinitionKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(found).as("open task " + taskDefinitionKey).hasSize(1);
    return found.get(0);
  }

  /** A variable as the open task's form reads it. */
  public Object variable(String taskDefinitionKey, Var<?> variable) {
    return engine.getTaskService().getVariable(task(taskDefinitionKey).getId(), variable.name());
  }

  /** The meeting's number as people write it, «3/2026». */
  public String ref() {
    return new MeetingKeyRef(key()).human();
  }

  /** Claims the task (as Tasklist does) and submits its form. */
  public void complete(String taskDefinitionKey, String user, Map<String, Object> formValues) {
    Task task = task(taskDefinitionKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), formValues);
    });
  }

  public void confirmChairPresides() {
    complete(MeetingProcess.Elements.CONFIRM_MEETING, CHAIR, Map.of(PRESIDING_MODE.name(), "SELF"));
  }

  public static Object agenda(int items) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 1; i <= items; i++) {
      json.append(i > 1 ? "," : "").append("{\"title\":\"Вопрос ").append(i).append(" о внедрении стандарта\",")
          .append("\"itemType\":\"STANDARD\",\"speaker\":\"Лебедева О.Н., заместитель руководителя департамента\",")
          .append("\"materials\":\"https://example.org/materials/").append(i).append(".pdf\",")
          .append("\"area\":\"wg-area-coordination\"}");
    }
    return json(json.append("]").toString());
  }

  public void prepareAgenda(int items) {
    complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(), agenda(items)));
  }

  public void approveAgenda(String presiding) {
    complete(MeetingProcess.Elements.APPROVE_AGENDA, presiding, Map.of(AGENDA_DECISION.name(), "APPROVE"));
  }

  public void distributeAgenda() {
    complete(MeetingProcess.Elements.DISTRIBUTE_AGENDA, SECRETARY, Map.of(
        REFERENCE_MATERIALS.name(), "https://example.org/reference.pdf", MATERIALS_READY.name(), true));
  }

  /** Executes the job waiting at an activity (an async service task, or a timer whose time has come). */
  public void executeJob(String activityId) {
    if (jobExecutorRuns) {
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
        failOnJobException();
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).count() == 0;
      });
      return;
    }
    Job job = job(activityId);
    management.executeJob(job.getId());
  }

  private void failOnJobException() {
    List<Job> failed = management.createJobQuery().processInstanceId(instance.getId()).withException().list();
    if (!failed.isEmpty()) {
      throw new AssertionError("a job failed: " + failed.get(0).getExceptionMessage());
    }
  }

  /** Waits until the task is there (async steps before it run on the job executor). */
  public Task awaitTask(String taskDefinitionKey) {
    Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> {
      failOnJobException();
      return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskDefinitionKey)
          .count() == 1;
    });
    return task(taskDefinitionKey);
  }

  public Job job(String activityId) {
    List<Job> jobs = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).list();
    assertThat(jobs).as("job at " + activityId).hasSize(1);
    return jobs.get(0);
  }

  /** A timer at {@code activityId} fires only when the engine clock has reached its due date. */
  public boolean timerDue(String activityId) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).timers()
        .executable().count() == 1;
  }

  /** Everything of the preparation up to the meeting's start (the clock is moved to the meeting time). */
  public void prepareAndHold(int agendaItems, String meetingStart) {
    confirmChairPresides();
    prepareAgenda(agendaItems);
    approveAgenda(CHAIR);
    distributeAgenda();
    executeJob(MeetingProcess.Elements.SEND_AGENDA);
    clockAt(meetingStart);
    executeJob(MeetingProcess.Elements.MEETING_TIME);
  }

  public void recordAttendance(List<String> inPerson, List<String> byVideo) {
    complete(MeetingProcess.Elements.RECORD_ATTENDANCE, SECRETARY, Map.of(
        PRESENT_IN_PERSON.name(), list(inPerson.toArray(String[]::new)),
        PRESENT_BY_VIDEO.name(), list(byVideo.toArray(String[]::new)),
        INVITEES_PRESENT.name(), list("1"),
        AUDIO_RECORDING.name(), "\\\\fileserver\\wg\\audio\\2026-12-16.mp3"));
    executeJob(MeetingProcess.Elements.CHECK_QUORUM);
  }

  public void vote(List<String> votesFor, List<String> against, List<String> abstain) {
    vote(votesFor, against, abstain, List.of(), Map.of());
  }

  public void vote(List<String> votesFor, List<String> against, List<String> abstain, List<String> leftBefore,
                   Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>(Map.of(
        VOTES_FOR.name(), list(votesFor.toArray(String[]::new)),
        VOTES_AGAINST.name(), list(against.toArray(String[]::new)),
        VOTES_ABSTAIN.name(), list(abstain.toArray(String[]::new)),
        LEFT_BEFORE.name(), list(leftBefore.toArray(String[]::new)),
        DISCUSSION.name(), "Выступили члены Рабочей группы",
        DECISION_TEXT.name(), "Одобрить предложенный проект"));
    values.putAll(extra);
    complete(MeetingProcess.Elements.RECORD_VOTE, SECRETARY, values);
  }

  public void finishMinutes() {
    complete(MeetingProcess.Elements.DRAFT_MINUTES, SECRETARY, Map.of(MINUTES_READY.name(), true));
  }

  /**
   * Signs the minutes in the edition the signing form shows (the form sends it back), after the signature is on file:
   * electronic — {@code presiding}'s detached signature of the document to sign, made by the test CA that the
   * application trusts; paper — the secretariat's scan.
   */
  public void sign(String presiding) {
    try {
      uploadSignature(presiding);
    } catch (Refusal refused) {
      // someone who may not sign: the task's completion below says so, as it would in Tasklist
    }
    Object shown = variable(MeetingProcess.Elements.SIGN_MINUTES, MINUTES_EDITION);
    complete(MeetingProcess.Elements.SIGN_MINUTES, presiding, Map.of(SIGN_DECISION.name(), "SIGN",
        MINUTES_EDITION.name(), shown));
  }

  /** The application's bean of a type (the engine's Spring artifact factory is the application context). */
  public <T> T bean(Class<T> type) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getArtifactFactory()
        .getArtifact(type);
  }

  /** The signature on file for the current minutes, as the signing path requires (see {@link #sign}). */
  public void uploadSignature(String presiding) {
    MinutesSigning signing = bean(MinutesSigning.class);
    if (signing.mode() == SigningMode.PAPER) {
      signing.uploadScan(key(), SCAN, SECRETARY);
      return;
    }
    byte[] document = bean(MeetingDocuments.class).minutesToSign(key()).content();
    String fullName = bean(IdentityDirectory.class).userName(presiding);
    String snils = bean(SignerSnils.class).of(presiding).orElse(null);
    signing.uploadSignature(key(), TestSigning.sign(bean(SignatureSettings.class), fullName, snils, document,
        ClockUtil.getCurrentTime().toInstant()), presiding);
  }

  /** A minimal PDF: the scan of the original signed on paper. */
  public static final byte[] SCAN = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  public ProcessInstance fileDissent(String member, int itemNo, String opinion) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(StaffRequestProcesses.DISSENT_KEY).latestVersion().singleResult().getId();
    MeetingKeyRef ref = new MeetingKeyRef(key());
    return as(member, () -> engine.getFormService().submitStartForm(definitionId, Map.of(
        StaffRequestProcesses.MEETING_REF.name(), ref.human(), StaffRequestProcesses.ITEM_NO.name(), (long) itemNo,
        StaffRequestProcesses.OPINION.name(), opinion)));
  }

  public ProcessInstance startRequest(String processKey, String user, Map<String, Object> values) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(processKey).latestVersion().singleResult().getId();
    return as(user, () -> engine.getFormService().submitStartForm(definitionId, values));
  }

  /** The secretariat asks to postpone the meeting (§ 7 (3)): a request the chair decides. */
  public ProcessInstance askPostponement(String newStart, String reason) {
    return startRequest(StaffRequestProcesses.POSTPONE_KEY, SECRETARY, Map.of(
        StaffRequestProcesses.MEETING_REF.name(), ref(), StaffRequestProcesses.NEW_MEETING_START.name(), newStart,
        StaffRequestProcesses.POSTPONE_REASON.name(), reason));
  }

  /** The secretariat asks to cancel the meeting (§ 7 (3)): a request the chair decides. */
  public ProcessInstance askCancellation(String reason) {
    return startRequest(StaffRequestProcesses.CANCEL_KEY, SECRETARY, Map.of(
        StaffRequestProcesses.MEETING_REF.name(), ref(), StaffRequestProcesses.CANCEL_REASON.name(), reason));
  }

  /** The one open task of a request process (a decision on a postponement, the chair's instruction …). */
  public Task requestTask(ProcessInstance request) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(request.getId()).list();
    assertThat(found).as("open task of the request " + request.getProcessDefinitionId()).hasSize(1);
    return found.get(0);
  }

  /** Claims (if unassigned) and submits the open task of a request process as {@code user}. */
  public void completeRequestTask(ProcessInstance request, String user, Map<String, Object> values) {
    Task task = requestTask(request);
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      engine.getFormService().submitTaskForm(task.getId(), values);
    });
  }

  /** The chair (or the deputy holding the chair's powers) approves a postponement or cancellation. */
  public void approveRequest(ProcessInstance request, String decider) {
    completeRequestTask(request, decider, Map.of("requestDecision", "APPROVE"));
  }

  /** «2026-3» → «3/2026», as staff type it. */
  public record MeetingKeyRef(String key) {
    public String human() {
      String[] parts = key.split("-");
      return parts[1] + "/" + parts[0];
    }
  }
}
