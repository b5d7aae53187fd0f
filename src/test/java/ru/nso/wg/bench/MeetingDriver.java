package ru.nso.wg.bench;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MinutesSigning;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.signature.SignatureSettings;
import ru.nso.wg.signature.TestSigning;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.MeetingProcess.Elements;
import ru.nso.wg.process.MeetingProcess;
import ru.nso.wg.process.MeetingScenario;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.INFO_POLICY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.agenda;
import static ru.nso.wg.process.MeetingScenario.list;

/**
 * Drives one meeting through the Java API, step by step, the way {@link MeetingScenario} does (as a named user,
 * claiming the task and submitting its form with the variables the forms submit), against either the real process
 * ({@code wg-meeting}) or the bench floor ({@code bench-floor-meeting}, same element IDs, no application code).
 * The job executor runs the async steps; after each action the driver polls (every {@value #POLL_MS} ms, the same
 * for both) until the next wait state is there. The meeting's time is reached by executing the timer job at
 * {@link Elements#MEETING_TIME} directly (the engine clock is not moved, so several drivers can run at once).
 *
 * <p>A step's time is from the user's action to the next wait state: it includes the async steps that follow.
 */
final class MeetingDriver {

  static final String FLOOR_MEETING = "bench-floor-meeting";
  static final String FLOOR_DECISION = "bench-floor-decision";
  static final int POLL_MS = 5;
  private static final long TIMEOUT_MS = 180_000;
  /** Members who receive instructions (the decisions' executors), in turn. */
  static final List<String> EXECUTORS = List.of("vasiliev", "novikova", "fedorov", "pavlova", "semenov");

  /** The user-facing steps, in order: {@link #run(int)} stops after the given number of them. */
  static final List<String> STEPS = List.of("start", "confirm-meeting", "prepare-agenda", "approve-agenda",
      "distribute-agenda+send", "meeting-time", "record-attendance+quorum", "record-vote", "draft-minutes",
      "sign-minutes+copies+control", "publish");

  /** Step name -> total nanoseconds and count, summed over all drivers that share it. */
  static final class StepTimes {
    final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(String step, long ns) {
      nanos.computeIfAbsent(step, s -> new AtomicLong()).addAndGet(ns);
      counts.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static final AtomicInteger SLOT = new AtomicInteger();
  /** User-facing optimistic-locking failures (a submit that failed because of a concurrent job). */
  static final AtomicInteger USER_OPTIMISTIC_LOCKING_FAILURES = new AtomicInteger();

  private final ProcessEngine engine;
  private final boolean floor;
  private final StepTimes times;
  private final int items;
  private final int instructions;
  String instanceId;
  String businessKey;
  private String lastVoteTaskId;
  private int votes;
  private int stepsDone;

  MeetingDriver(ProcessEngine engine, boolean floor, StepTimes times, int items, int instructions) {
    this.engine = engine;
    this.floor = floor;
    this.times = times;
    this.items = items;
    this.instructions = instructions;
  }

  /** Runs the whole meeting: every step up to publication, with all decision-control instances at their first task. */
  void runAll() {
    run(Integer.MAX_VALUE);
  }

  /**
   * Runs user-facing steps until {@code actions} actions were taken (a vote counts once per item), so a meeting can be
   * left waiting at any step. Returns the number of actions taken.
   */
  int run(int actions) {
    int done = 0;
    if (stepsDone == 0 && done < actions) {
      timed("start", this::start, () -> hasTask(Elements.CONFIRM_MEETING));
      done++;
      stepsDone++;
    }
    if (stepsDone == 1 && done < actions) {
      timed("confirm-meeting", () -> complete(Elements.CONFIRM_MEETING, CHAIR, Map.of(PRESIDING_MODE.name(), "SELF")),
          () -> hasTask(Elements.PREPARE_AGENDA));
      done++;
      stepsDone++;
    }
    if (stepsDone == 2 && done < actions) {
      timed("prepare-agenda", () -> complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(),
          agenda(items))),
          () -> hasTask(Elements.APPROVE_AGENDA));
      done++;
      stepsDone++;
    }
    if (stepsDone == 3 && done < actions) {
      timed("approve-agenda", () -> complete(Elements.APPROVE_AGENDA, CHAIR, Map.of(AGENDA_DECISION.name(), "APPROVE")),
          () -> hasTask(Elements.DISTRIBUTE_AGENDA));
      done++;
      stepsDone++;
    }
    if (stepsDone == 4 && done < actions) {
      timed("distribute-agenda+send", () -> complete(Elements.DISTRIBUTE_AGENDA, SECRETARY, Map.of(
              REFERENCE_MATERIALS.name(), "https://example.org/reference.pdf", MATERIALS_READY.name(), true)),
          () -> hasJob(Elements.MEETING_TIME) && noPendingMessageJobs());
      done++;
      stepsDone++;
    }
    if (stepsDone == 5 && done < actions) {
      timed("meeting-time", () -> engine.getManagementService().executeJob(job(Elements.MEETING_TIME).getId()),
          () -> hasTask(Elements.RECORD_ATTENDANCE));
      done++;
      stepsDone++;
    }
    if (stepsDone == 6 && done < actions) {
      timed("record-attendance+quorum", () -> complete(Elements.RECORD_ATTENDANCE, SECRETARY, Map.of(
              PRESENT_IN_PERSON.name(), list(ROSTER.subList(0, 9).toArray(String[]::new)),
              PRESENT_BY_VIDEO.name(), list(ROSTER.get(9)),
              INVITEES_PRESENT.name(), list("1"),
              AUDIO_RECORDING.name(), "\\\\fileserver\\wg\\audio\\meeting.mp3")),
          () -> hasTask(Elements.RECORD_VOTE));
      done++;
      stepsDone++;
    }
    while (stepsDone == 7 && done < actions) {
      int item = votes + 1;
      boolean last = item == items;
      timed(last ? "record-vote (last)+minutes draft" : "record-vote", () -> vote(item),
          last ? () -> hasTask(Elements.DRAFT_MINUTES) : this::hasNewVoteTask);
      votes++;
      done++;
      if (last) {
        stepsDone++;
      }
    }
    if (stepsDone == 8 && done < actions) {
      timed("draft-minutes", () -> complete(Elements.DRAFT_MINUTES, SECRETARY, Map.of(MINUTES_READY.name(), true)),
          () -> hasTask(Elements.SIGN_MINUTES));
      done++;
      stepsDone++;
    }
    if (stepsDone == 9 && done < actions) {
      if (!floor) {
        // the application signs only with a verified signature on file (README "Signing the minutes")
        signatureOnFile();
      }
      timed("sign-minutes+copies+control", () -> complete(Elements.SIGN_MINUTES, CHAIR,
          Map.of(SIGN_DECISION.name(),
              "SIGN")),
          () -> hasTask(Elements.PUBLISH_MEETING_INFO) && noPendingMessageJobs() && decisionTasks() == instructions);
      done++;
      stepsDone++;
    }
    if (stepsDone == 10 && done < actions) {
      timed("publish", () -> complete(Elements.PUBLISH_MEETING_INFO, INFO_POLICY,
              Map.of(PUBLICATION_URL.name(), "https://www.nso.ru/news/wg-meeting")),
          () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId).count() == 0);
      done++;
      stepsDone++;
    }
    return done;
  }

  /** The step the meeting waits at (an index into {@link #STEPS}). */
  int stepsDone() {
    return stepsDone;
  }

  // --- actions ----------------------------------------------------------------------------------------------

  private void start() {
    OffsetDateTime start = nextMeetingSlot();
    VariableMap vars = Variables.createVariables()
        .putValue(MEETING_START.name(), start.toString())
        .putValue(MEETING_FORMAT.name(), "IN_PERSON")
        .putValue(MEETING_PLACE.name(), "г. Новосибирск, Красный проспект, 18, зал заседаний № 1")
        .putValue(INVITEES.name(),
            MeetingScenario.json("[{\"fullName\":\"Иванов Иван Иванович\",\"jobTitle\":\"Эксперт\","
            + "\"organisation\":\"АНО «Центр клиентоцентричности»\",\"email\":\"ivanov@example.org\"},"
            + "{\"fullName\":\"Петрова Анна Сергеевна\",\"jobTitle\":\"Директор\",\"organisation\":\"МФЦ\"}]"));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(floor ? FLOOR_MEETING : MeetingProcess.KEY).latestVersion().singleResult().getId();
    if (floor) {
      vars.putValue("instructionCount", instructions);
      businessKey = "floor-" + UUID.randomUUID().toString().substring(0, 8);
      instanceId = as(SECRETARY, () -> engine.getFormService().submitStartForm(definitionId, businessKey,
          vars)).getId();
    } else {
      instanceId = as(SECRETARY, () -> engine.getFormService().submitStartForm(definitionId, vars)).getId();
      businessKey = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult().getBusinessKey();
    }
  }

  private void vote(int item) {
    Map<String, Object> values = new HashMap<>(Map.of(
        VOTES_FOR.name(), list(ROSTER.subList(0, 8).toArray(String[]::new)),
        VOTES_AGAINST.name(), list(ROSTER.get(8)),
        VOTES_ABSTAIN.name(), list(ROSTER.get(9)),
        LEFT_BEFORE.name(), list(),
        DISCUSSION.name(), "Выступили члены Рабочей группы",
        DECISION_TEXT.name(), "Одобрить предложенный проект"));
    if (item <= instructions) {
      values.put(HAS_INSTRUCTION.name(), true);
      values.put(EXECUTOR.name(), EXECUTORS.get((item - 1) % EXECUTORS.size()));
      values.put(INSTRUCTION_DUE.name(), LocalDate.now().plusMonths(8).withDayOfMonth(15).toString());
      values.put(CONTROL_AREA.name(), "wg-area-digital");
    }
    Task task = task(Elements.RECORD_VOTE);
    lastVoteTaskId = task.getId();
    submit(task, SECRETARY, values);
  }

  private void complete(String taskKey, String user, Map<String, Object> values) {
    submit(task(taskKey), user, values);
  }

  private void submit(Task task, String user, Map<String, Object> values) {
    as(user, () -> {
      try {
        if (task.getAssignee() == null) {
          engine.getTaskService().claim(task.getId(), user);
        }
        engine.getFormService().submitTaskForm(task.getId(), values);
      } catch (OptimisticLockingException e) {
        USER_OPTIMISTIC_LOCKING_FAILURES.incrementAndGet();
        throw e;
      }
      return null;
    });
  }

  // --- waiting ----------------------------------------------------------------------------------------------

  private void timed(String step, Runnable action, BooleanSupplier ready) {
    long t0 = System.nanoTime();
    action.run();
    await(step, ready);
    times.add(step, System.nanoTime() - t0);
  }

  private void await(String step, BooleanSupplier ready) {
    long deadline = System.currentTimeMillis() + TIMEOUT_MS;
    while (!ready.getAsBoolean()) {
      List<Job> failed = engine.getManagementService().createJobQuery().processInstanceId(instanceId)
          .withException().list();
      if (!failed.isEmpty()) {
        throw new IllegalStateException((floor ? "floor " : "") + "meeting " + businessKey + ", step " + step
            + ": a job failed: " + failed.get(0).getExceptionMessage());
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("meeting " + businessKey + ": step " + step + " did not finish in time");
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The chair's detached signature of the minutes, made by the tests' CA and uploaded (not timed). */
  private void signatureOnFile() {
    ArtifactFactory beans = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getArtifactFactory();
    MinutesSigning signing = beans.getArtifact(MinutesSigning.class);
    byte[] document = beans.getArtifact(MeetingDocuments.class).minutesToSign(businessKey).content();
    String fullName = beans.getArtifact(IdentityDirectory.class).userName(CHAIR);
    signing.uploadSignature(businessKey, TestSigning.sign(beans.getArtifact(SignatureSettings.class), fullName, null,
        document, ClockUtil.getCurrentTime().toInstant()), CHAIR);
  }

  private boolean hasTask(String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).count() == 1;
  }

  private boolean hasNewVoteTask() {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(Elements.RECORD_VOTE).list();
    return found.size() == 1 && !found.get(0).getId().equals(lastVoteTaskId);
  }

  private boolean hasJob(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).activityId(activityId)
        .count() == 1;
  }

  private boolean noPendingMessageJobs() {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).messages().count() == 0;
  }

  private long decisionTasks() {
    return engine.getTaskService().createTaskQuery()
        .processDefinitionKey(floor ? FLOOR_DECISION : DecisionControlProcess.KEY)
        .processInstanceBusinessKeyLike(businessKey + "/%")
        .taskDefinitionKey(DecisionControlProcess.Elements.REPORT).count();
  }

  private Task task(String key) {
    List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
        .taskDefinitionKey(key).list();
    if (found.size() != 1) {
      throw new IllegalStateException("meeting " + businessKey + ": expected one open task " + key + ", found "
          + found.size());
    }
    return found.get(0);
  }

  private Job job(String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instanceId).activityId(activityId)
        .singleResult();
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /**
   * A distinct meeting time for every meeting of the run: working days (Tuesday to Thursday, outside the long
   * holidays) from about ten weeks ahead, six slots a day, so the § 13 deadline has not passed and no two meetings
   * share a time.
   */
  static OffsetDateTime nextMeetingSlot() {
    int slot = SLOT.getAndIncrement();
    LocalDate day = LocalDate.now(ZoneOffset.ofHours(7)).plusWeeks(10);
    int dayIndex = slot / 6;
    int found = -1;
    while (true) {
      boolean usable = day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY
          || day.getDayOfWeek() == DayOfWeek.THURSDAY;
      usable &= !(day.getMonthValue() == 1 && day.getDayOfMonth() <= 12);
      usable &= !(day.getMonthValue() == 5 && day.getDayOfMonth() <= 12);
      usable &= !(day.getMonthValue() == 2 && day.getDayOfMonth() >= 20 && day.getDayOfMonth() <= 24);
      usable &= !(day.getMonthValue() == 3 && day.getDayOfMonth() >= 6 && day.getDayOfMonth() <= 10);
      usable &= !(day.getMonthValue() == 6 && day.getDayOfMonth() >= 10 && day.getDayOfMonth() <= 14);
      usable &= !(day.getMonthValue() == 11 && day.getDayOfMonth() >= 2 && day.getDayOfMonth() <= 6);
      usable &= !(day.getMonthValue() == 12 && day.getDayOfMonth() >= 29);
      if (usable && ++found == dayIndex) {
        break;
      }
      day = day.plusDays(1);
    }
    return day.atTime(9 + (slot % 6), 30).atOffset(ZoneOffset.ofHours(7));
  }

  static List<String> stepNames() {
    return new ArrayList<>(STEPS);
  }
}
