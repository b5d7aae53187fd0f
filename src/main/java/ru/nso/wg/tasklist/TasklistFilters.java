package ru.nso.wg.tasklist;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import ru.nso.wg.process.MeetingProcess;
import ru.nso.wg.process.ProcessKeys;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.RosterGroups;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The shared Tasklist filters staff find at their first login: name, description, order, query and the groups that
 * may see each. {@link TasklistFilterBootstrap} creates them when missing.
 *
 * <p>Every filter sorts by due date (earliest first). Tasklist adds the user's own sorting (by default "created,
 * descending") after the filter's, so it only orders tasks with the same due date.
 */
public final class TasklistFilters {

  /** Process variables shown in the task list; the names are those of the meeting process (MeetingProcess.Vars). */
  static final String MEETING_NUMBER = MeetingProcess.Vars.MEETING_NUMBER.name();
  /** The date as people write it (18.12.2026); filters of an earlier version showed the ISO {@code meetingDate}. */
  static final String MEETING_DATE = MeetingProcess.Vars.MEETING_DATE_TEXT.name();
  static final String ISO_MEETING_DATE = MeetingProcess.Vars.MEETING_DATE.name();

  public static final String MY_TASKS = "Мои задачи";
  public static final String MY_GROUP_TASKS = "Задачи моей группы";
  public static final String OVERDUE = "Просроченные";
  public static final String SECRETARIAT_MEETINGS = "Заседания: секретариат";
  public static final String MY_DECISION_CONTROL = "Контроль исполнения: мои решения";

  /** One filter: what Tasklist shows (name, description, colour, order, columns) and who may see it. */
  public record Definition(String name, String description, int priority, String color,
                           Function<TaskService, TaskQuery> query, List<String> readers,
                           Map<String, String> variables) {

    /** Filter properties as Tasklist reads them. */
    public Map<String, Object> properties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", color);
      properties.put("refresh", true);
      properties.put("showUndefinedVariable", false);
      properties.put("variables", variables.entrySet().stream()
          .map(v -> Map.of("name", v.getKey(), "label", v.getValue()))
          .toList());
      return properties;
    }
  }

  /** The deputy chairs' area groups (a deputy chair's office may be in one without being in the roster). */
  private static final List<String> AREAS = Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId).toList();

  /** Everyone who works in Tasklist: the staff groups and the area groups. */
  static final List<String> EVERYONE = concat(RosterGroups.ALL_STAFF, AREAS);

  private static final Map<String, String> MEETING_COLUMNS = columns(
      MEETING_NUMBER, "Заседание №",
      MEETING_DATE, "Дата заседания");

  public static final List<Definition> ALL = List.of(
      new Definition(MY_TASKS,
          "Задачи, которые вы взяли в работу или которые назначены вам, по сроку",
          10, "#1f6fb2",
          tasks -> tasks.createTaskQuery()
              .taskAssigneeExpression("${currentUser()}")
              .orderByDueDate().asc(),
          EVERYONE, MEETING_COLUMNS),

      new Definition(MY_GROUP_TASKS,
          "Задачи ваших групп, которые ещё никто не взял в работу, по сроку",
          20, "#3a8f5c",
          tasks -> tasks.createTaskQuery()
              .taskCandidateGroupInExpression("${currentUserGroups()}")
              .orderByDueDate().asc(),
          EVERYONE, MEETING_COLUMNS),

      // Assigned to me OR (candidate group is one of mine, whoever has taken it), AND due before now.
      new Definition(OVERDUE,
          "Задачи с истёкшим сроком: ваши и ваших групп (в том числе взятые в работу коллегами)",
          30, "#c0392b",
          tasks -> tasks.createTaskQuery()
              .or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks()
              .endOr()
              .dueBeforeExpression("${now()}")
              .orderByDueDate().asc(),
          EVERYONE, MEETING_COLUMNS),

      new Definition(SECRETARIAT_MEETINGS,
          "Все задачи по заседаниям Рабочей группы (кто бы ни был исполнителем), по сроку",
          40, "#7d5ba6",
          tasks -> tasks.createTaskQuery()
              .processDefinitionKey(ProcessKeys.MEETING)
              .orderByDueDate().asc(),
          List.of(RosterGroups.SECRETARIAT), MEETING_COLUMNS),

      // Every task of a decision under control that the user may read: the review (their area group is its
      // candidate) and, while the executor works, the report, which the area group may read but not act on
      // (process/TaskReaders.java). Only tasks of their own decisions are readable to a deputy chair's office.
      new Definition(MY_DECISION_CONTROL,
          "Контроль исполнения решений Рабочей группы по вашему направлению (п. 8 Положения): поручения на "
              + "исполнении и отчёты на рассмотрении, по сроку",
          50, "#b7791f",
          tasks -> tasks.createTaskQuery()
              .processDefinitionKey(ProcessKeys.DECISION_CONTROL)
              .orderByDueDate().asc(),
          concat(List.of(RosterGroups.DEPUTY_CHAIRS), AREAS), columns(MEETING_NUMBER, "Заседание №")));

  /**
   * Queries an earlier version created under a filter's name. A filter whose stored query is still exactly one of
   * these gets the current one at the next start; a query an administrator changed is kept.
   */
  static final Map<String, List<Function<TaskService, TaskQuery>>> SUPERSEDED = Map.of(
      // listed only the review: a decision whose executor was still working showed 0 (issue 12)
      MY_DECISION_CONTROL, List.of(tasks -> tasks.createTaskQuery()
          .processDefinitionKey(ProcessKeys.DECISION_CONTROL)
          .taskCandidateGroupInExpression("${currentUserGroups()}")
          .includeAssignedTasks()
          .orderByDueDate().asc()));

  private TasklistFilters() {
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private static Map<String, String> columns(String... nameLabelPairs) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < nameLabelPairs.length; i += 2) {
      columns.put(nameLabelPairs[i], nameLabelPairs[i + 1]);
    }
    return columns;
  }
}
