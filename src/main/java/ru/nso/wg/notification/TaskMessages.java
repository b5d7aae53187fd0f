package ru.nso.wg.notification;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.notification.MailComposer.OutgoingMail;
import ru.nso.wg.notification.MailTemplates.Rendered;
import ru.nso.wg.roster.AsEngine;
import ru.nso.wg.roster.IdentityDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16, point 4: people learn that work waits for them. When a user task of any process is created, its holder
 * — the assignee, or else each member of its candidate groups and each candidate user, once — gets a message: what
 * is asked (the task's name), the meeting («заседание № 3/2026 от 16.12.2026»), the deadline (the task's due date)
 * and a direct link to the task in Tasklist. Those who chose the daily digest ({@link NotificationPreferences}) get
 * no message per task but one message a day listing the tasks waiting for them ({@link #digest}).
 *
 * <p>Both are sent through {@link Delivery} (a retried job sends nobody a message twice) from jobs that run after
 * the transaction that created the task committed ({@code process/TaskNotices.java}): a task rolled back is told to
 * nobody, a failing mail server fails the job, not the person's step.
 */
@Service
public class TaskMessages {

  /** The delivery log's key of the digests. */
  public static final String DIGEST_KEY = "digest";

  private static final Pattern MEETING_KEY = Pattern.compile("^(\\d{4}-\\d+)(?:/(\\d+))?$");
  private static final int MAX_KEY = 64;

  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final IdentityDirectory directory;
  private final AsEngine asEngine;
  private final MeetingRecord record;
  private final NotificationPreferences preferences;
  private final Delivery delivery;
  private final DeliveryLog log;
  private final MailTemplates templates;
  private final MailSettings settings;

  public TaskMessages(TaskService tasks, HistoryService history, RepositoryService repository,
                      IdentityDirectory directory, AsEngine asEngine, MeetingRecord record,
                      NotificationPreferences preferences, Delivery delivery, DeliveryLog log,
                      MailTemplates templates, MailSettings settings) {
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.directory = directory;
    this.asEngine = asEngine;
    this.record = record;
    this.preferences = preferences;
    this.delivery = delivery;
    this.log = log;
    this.templates = templates;
    this.settings = settings;
  }

  /** A task waiting for someone, as the messages describe it. */
  public record WaitingTask(String id, String name, String processName, String subjectKey, String meeting,
                            String due, String link, Date dueDate) {
  }

  public static String taskKind(String taskId) {
    return "task:" + taskId;
  }

  public static String digestKind(LocalDate day) {
    return "digest:" + day;
  }

  /**
   * The task was created: its holders who want a message per task are told. A message an earlier attempt left in
   * doubt (it died between handing it over and recording it) is settled too, even when the task has changed hands or
   * was done since, so the delivery log keeps nothing «sending»; nobody new is told of a task no longer open.
   */
  public Optional<DeliveryResult> taskCreated(String taskId) {
    return asEngine.call(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      String kind = taskKind(taskId);
      WaitingTask waiting;
      List<Recipient> recipients = new ArrayList<>();
      if (task != null) {
        waiting = describe(task);
        holders(task).stream().filter(r -> preferences.mode(r.userId()) == NotificationMode.EACH_TASK)
            .forEach(recipients::add);
      } else {
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null) {
          return Optional.empty();
        }
        waiting = describe(done.getId(), done.getName(), done.getProcessInstanceId(), done.getProcessDefinitionId(),
            done.getDueDate());
      }
      inDoubt(waiting.subjectKey(), kind).stream().filter(r -> !recipients.contains(r)).forEach(recipients::add);
      if (recipients.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(delivery.deliver(waiting.subjectKey(), kind, recipients, r -> {
        Map<String, Object> values = taskValues(waiting, r);
        Rendered rendered = templates.render("task-assigned", values);
        return new OutgoingMail(waiting.subjectKey(), kind, r, rendered.subject(), rendered.text(), rendered.html(),
            null, List.of());
      }));
    });
  }

  /**
   * Who holds the open task: its assignee, or else its candidate users and the members of its candidate groups
   * (each once, in that order); nobody when the task is not open.
   */
  public List<Recipient> holders(String taskId) {
    return asEngine.call(() -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      return task == null ? List.<Recipient>of() : holders(task);
    });
  }

  /**
   * Who holds the open task {@code taskDefinitionKey} of the process instance (e.g. the task a reminder's timer is
   * attached to): see {@link #holders(String)}; nobody when no such task is open.
   */
  public List<Recipient> holdersOf(String processInstanceId, String taskDefinitionKey) {
    return asEngine.call(() -> {
      List<Recipient> holders = new ArrayList<>();
      for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(taskDefinitionKey).list()) {
        holders(task).stream().filter(r -> !holders.contains(r)).forEach(holders::add);
      }
      return holders;
    });
  }

  private List<Recipient> holders(Task task) {
    Map<String, Recipient> holders = new LinkedHashMap<>();
    if (task.getAssignee() != null) {
      directory.user(task.getAssignee()).ifPresent(u -> holders.put(u.getId(), Recipient.of(u)));
      return List.copyOf(holders.values());
    }
    List<IdentityLink> links;
    try {
      links = tasks.getIdentityLinksForTask(task.getId());
    } catch (NullPointerException gone) {
      // the task was done after it was read and its process instance ended: the engine's read check finds no
      // execution for it (a NullPointerException inside the engine, not a «not found»). Nobody holds it any more.
      if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
        return List.of();
      }
      throw gone;
    }
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
        directory.user(link.getUserId()).ifPresent(u -> holders.putIfAbsent(u.getId(), Recipient.of(u)));
      }
    }
    for (IdentityLink link : links) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        for (User u : directory.members(link.getGroupId())) {
          holders.putIfAbsent(u.getId(), Recipient.of(u));
        }
      }
    }
    return List.copyOf(holders.values());
  }

  /**
   * The day's digest: each person who chose it and has a task waiting (assigned to him, or offered to him or his
   * groups and not yet taken) gets one message listing them, once per day.
   */
  public List<DeliveryResult> digest(LocalDate day) {
    return asEngine.call(() -> {
      List<DeliveryResult> results = new ArrayList<>();
      String kind = digestKind(day);
      for (String userId : preferences.digestUsers()) {
        Optional<User> user = directory.user(userId);
        if (user.isEmpty()) {
          continue;
        }
        List<WaitingTask> waiting = waitingFor(userId);
        if (waiting.isEmpty()) {
          continue;
        }
        results.add(delivery.deliver(DIGEST_KEY, kind, List.of(Recipient.of(user.get())), r -> {
          Map<String, Object> values = new LinkedHashMap<>();
          values.put("greeting", r.greeting());
          values.put("date", RussianDates.numeric(day));
          values.put("count", waiting.size());
          values.put("tasks", waiting);
          values.put("tasksText", tasksText(waiting));
          values.put("tasklistUrl", settings.linkOrTasklist(""));
          values.put("senderName", settings.fromName());
          Rendered rendered = templates.render("task-digest", values);
          return new OutgoingMail(DIGEST_KEY, kind, r, rendered.subject(), rendered.text(), rendered.html(), null,
              List.of());
        }));
      }
      return results;
    });
  }

  /** The open tasks assigned to the person or offered to him (or his groups) and not taken, by due date. */
  List<WaitingTask> waitingFor(String userId) {
    Map<String, Task> found = new LinkedHashMap<>();
    tasks.createTaskQuery().taskAssignee(userId).list().forEach(t -> found.put(t.getId(), t));
    tasks.createTaskQuery().taskCandidateUser(userId).list().forEach(t -> found.putIfAbsent(t.getId(), t));
    return found.values().stream().map(this::describe)
        .sorted(Comparator.comparing(WaitingTask::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WaitingTask::name))
        .toList();
  }

  /** The recipients of a task's message left in doubt by an earlier attempt (their addresses in the log). */
  private List<Recipient> inDoubt(String subjectKey, String kind) {
    List<Recipient> recipients = new ArrayList<>();
    for (String address : log.inDoubt(subjectKey, kind)) {
      recipients.add(directory.userByEmail(address).map(Recipient::of)
          .orElseGet(() -> new Recipient(null, address, null, address)));
    }
    return recipients;
  }

  private WaitingTask describe(Task task) {
    return describe(task.getId(), task.getName(), task.getProcessInstanceId(), task.getProcessDefinitionId(),
        task.getDueDate());
  }

  private WaitingTask describe(String id, String name, String processInstanceId, String processDefinitionId,
                               Date due) {
    HistoricProcessInstance instance = processInstanceId == null ? null
        : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    String businessKey = instance == null ? null : instance.getBusinessKey();
    String subjectKey = businessKey != null && !businessKey.isBlank() && businessKey.length() <= MAX_KEY
        ? businessKey : "process:" + processInstanceId;
    String processName = processDefinitionId == null ? ""
        : repository.getProcessDefinition(processDefinitionId).getName();
    String dueText = due == null ? "не установлен"
        : "до " + RussianDates.numericDateTime(due.toInstant().atZone(RussianDates.ZONE)) + " (время новосибирское)";
    return new WaitingTask(id, name, processName == null ? "" : processName, subjectKey, meetingText(businessKey),
        dueText, taskLink(id), due);
  }

  /** «заседание № 3/2026 от 16.12.2026» (and «, вопрос 2» for a decision), or «—» for a process of no meeting. */
  String meetingText(String businessKey) {
    Matcher m = businessKey == null ? null : MEETING_KEY.matcher(businessKey);
    if (m == null || !m.matches()) {
      return "—";
    }
    Optional<Meeting> meeting = record.find(m.group(1));
    if (meeting.isEmpty()) {
      return "—";
    }
    return "заседание " + meeting.get().ref().display() + " от " + RussianDates.numeric(meeting.get().start())
        + (m.group(2) == null ? "" : ", вопрос " + m.group(2));
  }

  /** The task opened directly in Tasklist. */
  public String taskLink(String taskId) {
    return settings.appUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  private Map<String, Object> taskValues(WaitingTask task, Recipient r) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("greeting", r.greeting());
    values.put("taskName", task.name());
    values.put("processName", task.processName());
    values.put("meeting", task.meeting());
    values.put("due", task.due());
    values.put("link", task.link());
    values.put("senderName", settings.fromName());
    return values;
  }

  private static String tasksText(List<WaitingTask> waiting) {
    StringBuilder text = new StringBuilder();
    int n = 1;
    for (WaitingTask t : waiting) {
      text.append(n++).append(". ").append(t.name()).append('\n')
          .append("   ").append(t.meeting()).append("; срок: ").append(t.due()).append('\n')
          .append("   ").append(t.link()).append('\n');
    }
    return text.toString().stripTrailing();
  }
}
