package ru.nso.wg.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryProperty;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.process.ProcessKeys;
import ru.nso.wg.roster.RosterGroups;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.tasklist.TasklistFilters.MY_DECISION_CONTROL;
import static ru.nso.wg.tasklist.TasklistFilters.MY_GROUP_TASKS;
import static ru.nso.wg.tasklist.TasklistFilters.MY_TASKS;
import static ru.nso.wg.tasklist.TasklistFilters.OVERDUE;
import static ru.nso.wg.tasklist.TasklistFilters.SECRETARIAT_MEETINGS;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFilterBootstrapTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  TasklistFilterBootstrap bootstrap;
  @LocalServerPort
  int port;

  private final List<String> createdTasks = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    createdTasks.forEach(id -> taskService.deleteTask(id, true));
    createdTasks.clear();
  }

  @Test
  void filtersExistAfterStartWithOwnerQueryAndProperties() {
    for (TasklistFilters.Definition definition : TasklistFilters.ALL) {
      Filter filter = filter(definition.name());
      assertThat(filter.getResourceType()).isEqualTo("Task");
      assertThat(filter.getOwner()).as(definition.name()).isEqualTo("admin");
      Map<String, Object> properties = filter.getProperties();
      assertThat((String) properties.get("description")).as(definition.name()).matches(".*[а-я].*");
      assertThat(properties.get("priority")).isEqualTo(definition.priority());
      assertThat(properties.get("refresh")).isEqualTo(true);
      assertThat(properties.get("variables").toString()).contains("meetingNumber", "Заседание №");
      assertThat(dueDateAscending(filter.getQuery())).as("%s sorted by due date", definition.name()).isTrue();
    }
    assertThat(TasklistFilters.ALL.stream().map(TasklistFilters.Definition::priority).distinct()).hasSize(5);

    TaskQueryImpl mine = filter(MY_TASKS).getQuery();
    assertThat(mine.getExpressions()).containsEntry("taskAssignee", "${currentUser()}");

    TaskQueryImpl group = filter(MY_GROUP_TASKS).getQuery();
    assertThat(group.getExpressions()).containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
    assertThat(group.isIncludeAssignedTasks()).isFalse();

    TaskQueryImpl overdue = filter(OVERDUE).getQuery();
    assertThat(overdue.getExpressions()).containsEntry("dueBefore", "${now()}");
    assertThat(overdue.getQueries()).hasSize(2); // the query itself and its or-query
    TaskQueryImpl or = overdue.getQueries().get(1);
    assertThat(or.getExpressions())
        .containsEntry("taskAssignee", "${currentUser()}")
        .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");

    assertThat(filter(SECRETARIAT_MEETINGS).<TaskQueryImpl>getQuery().getProcessDefinitionKey())
        .isEqualTo(ProcessKeys.MEETING);

    // every task of the decisions the user may read: the review and the executor's report (issue 12)
    TaskQueryImpl control = filter(MY_DECISION_CONTROL).getQuery();
    assertThat(control.getProcessDefinitionKey()).isEqualTo(ProcessKeys.DECISION_CONTROL);
    assertThat(control.getExpressions()).doesNotContainKey("taskCandidateGroupIn");
  }

  @Test
  void theMeetingDateColumnShowsTheDateAsPeopleWriteItAlsoInAnEarlierFilter() {
    assertThat(filter(SECRETARIAT_MEETINGS).getProperties().get("variables").toString())
        .contains("name=meetingDateText", "Дата заседания").doesNotContain("name=meetingDate,");
    // a filter created by an earlier version: the ISO variable
    Filter earlier = filter(MY_TASKS);
    Map<String, Object> properties = earlier.getProperties();
    properties.put("variables", List.of(Map.of("name", "meetingNumber", "label", "Заседание №"),
        Map.of("name", "meetingDate", "label", "Дата заседания")));
    earlier.setProperties(properties);
    filterService.saveFilter(earlier);

    assertThat(bootstrap.replaceIsoDateColumns(engine)).containsExactly(MY_TASKS);
    assertThat(filter(MY_TASKS).getProperties().get("variables").toString())
        .contains("meetingNumber", "name=meetingDateText").doesNotContain("name=meetingDate,");
    assertThat(bootstrap.replaceIsoDateColumns(engine)).isEmpty();
  }

  @Test
  void theEarlierQueryOfTheDecisionControlFilterIsReplacedButAnAdministratorsQueryIsKept() {
    Filter control = filter(MY_DECISION_CONTROL);
    control.setQuery(TasklistFilters.SUPERSEDED.get(MY_DECISION_CONTROL).get(0).apply(taskService));
    filterService.saveFilter(control);

    assertThat(bootstrap.replaceSupersededQueries(engine)).containsExactly(MY_DECISION_CONTROL);
    assertThat(filter(MY_DECISION_CONTROL).<TaskQueryImpl>getQuery().getExpressions())
        .doesNotContainKey("taskCandidateGroupIn");
    assertThat(bootstrap.replaceSupersededQueries(engine)).isEmpty();

    Filter edited = filter(MY_DECISION_CONTROL);
    edited.setQuery(taskService.createTaskQuery().processDefinitionKey(ProcessKeys.DECISION_CONTROL)
        .taskCandidateGroupInExpression("${currentUserGroups()}").orderByDueDate().desc());
    filterService.saveFilter(edited);
    assertThat(bootstrap.replaceSupersededQueries(engine)).isEmpty();
    assertThat(filter(MY_DECISION_CONTROL).<TaskQueryImpl>getQuery().getExpressions())
        .containsEntry("taskCandidateGroupIn", "${currentUserGroups()}");
    edited.setQuery(TasklistFilters.ALL.stream().filter(d -> d.name().equals(MY_DECISION_CONTROL)).findFirst()
        .orElseThrow().query().apply(taskService));
    filterService.saveFilter(edited);
  }

  @Test
  void filtersAreReadableByTheirGroupsOnly() {
    assertThat(readers(SECRETARIAT_MEETINGS)).containsExactly(RosterGroups.SECRETARIAT);
    assertThat(readers(MY_DECISION_CONTROL)).contains(RosterGroups.DEPUTY_CHAIRS).doesNotContain(RosterGroups.MEMBERS);
    assertThat(readers(MY_TASKS)).containsAll(RosterGroups.ALL_STAFF);

    assertThat(visibleFilters("vasiliev"))
        .contains(MY_TASKS, MY_GROUP_TASKS, OVERDUE)
        .doesNotContain(SECRETARIAT_MEETINGS, MY_DECISION_CONTROL);
    assertThat(visibleFilters("smirnova")).contains(MY_TASKS, SECRETARIAT_MEETINGS).doesNotContain(MY_DECISION_CONTROL);
    assertThat(visibleFilters("kuznetsova")).contains(MY_TASKS, MY_DECISION_CONTROL)
        .doesNotContain(SECRETARIAT_MEETINGS);
  }

  @Test
  void restApiShowsTheSecretariatFilterToTheSecretariatOnly() throws Exception {
    assertThat(filterNamesOverRest("vasiliev")).contains(MY_TASKS).doesNotContain(SECRETARIAT_MEETINGS);
    assertThat(filterNamesOverRest("smirnova")).contains(MY_TASKS, SECRETARIAT_MEETINGS);
  }

  @Test
  void runningTheBootstrapAgainCreatesNothingAndKeepsAnAdministratorsChanges() {
    Filter edited = filter(MY_GROUP_TASKS);
    Map<String, Object> properties = edited.getProperties();
    properties.put("description", "Изменено администратором");
    edited.setProperties(properties);
    filterService.saveFilter(edited);
    long authorizations = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();

    assertThat(bootstrap.createMissingFilters(engine)).isEmpty();

    for (TasklistFilters.Definition definition : TasklistFilters.ALL) {
      assertThat(filterService.createFilterQuery().filterName(definition.name()).count()).isEqualTo(1);
    }
    assertThat(filter(MY_GROUP_TASKS).getProperties()).containsEntry("description", "Изменено администратором");
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count())
        .isEqualTo(authorizations);
  }

  @Test
  void queriesFindTheRightTasks() {
    Date yesterday = Date.from(Instant.now().minus(Duration.ofDays(1)));
    Date twoDaysAgo = Date.from(Instant.now().minus(Duration.ofDays(2)));
    Date lastWeek = Date.from(Instant.now().minus(Duration.ofDays(7)));
    Date tomorrow = Date.from(Instant.now().plus(Duration.ofDays(1)));
    String mineOverdue = task("Моя просроченная", "smirnova", null, yesterday);
    String mineLater = task("Моя на завтра", "smirnova", null, tomorrow);
    String groupOverdue = task("Группы, просрочена", null, RosterGroups.SECRETARIAT, lastWeek);
    String colleagueOverdue = task("Коллеги, просрочена", "popov", RosterGroups.SECRETARIAT, twoDaysAgo);
    String groupLater = task("Группы, на завтра", null, RosterGroups.SECRETARIAT, tomorrow);
    String membersOverdue = task("Членов, просрочена", null, RosterGroups.MEMBERS, yesterday);

    authenticate("smirnova");
    assertThat(list(MY_TASKS)).containsExactly(mineOverdue, mineLater); // by due date
    assertThat(list(MY_GROUP_TASKS)).containsExactly(groupOverdue, groupLater);
    assertThat(list(OVERDUE)).containsExactly(groupOverdue, colleagueOverdue, mineOverdue);

    authenticate("vasiliev");
    assertThat(list(MY_TASKS)).isEmpty();
    assertThat(list(MY_GROUP_TASKS)).containsExactly(membersOverdue);
    assertThat(list(OVERDUE)).containsExactly(membersOverdue);
  }

  // --- helpers ---

  private Filter filter(String name) {
    List<Filter> found = filterService.createFilterQuery().filterName(name).list();
    assertThat(found).as("filter %s", name).hasSize(1);
    return found.get(0);
  }

  private static boolean dueDateAscending(TaskQueryImpl query) {
    List<QueryOrderingProperty> ordering = query.getOrderingProperties();
    return !ordering.isEmpty()
        && TaskQueryProperty.DUE_DATE.equals(ordering.get(0).getQueryProperty())
        && Direction.ASCENDING.equals(ordering.get(0).getDirection());
  }

  private List<String> readers(String filterName) {
    return authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER)
        .resourceId(filter(filterName).getId())
        .hasPermission(Permissions.READ)
        .list().stream()
        .map(Authorization::getGroupId)
        .filter(g -> g != null)
        .toList();
  }

  private void authenticate(String userId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId, groups);
  }

  private List<String> visibleFilters(String userId) {
    authenticate(userId);
    try {
      return filterService.createFilterQuery().list().stream().map(Filter::getName).toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The test's tasks that the filter lists for the authenticated user, in the filter's order. */
  private List<String> list(String filterName) {
    return filterService.<Task>list(filter(filterName).getId()).stream()
        .map(Task::getId).filter(createdTasks::contains).toList();
  }

  private String task(String name, String assignee, String candidateGroup, Date due) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setDueDate(due);
    taskService.saveTask(task);
    if (candidateGroup != null) {
      taskService.addCandidateGroup(task.getId(), candidateGroup);
    }
    createdTasks.add(task.getId());
    return task.getId();
  }

  private List<String> filterNamesOverRest(String userId) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest/filter"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((userId + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json")
        .GET().build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    for (JsonNode filter : new ObjectMapper().readTree(response.body())) {
      names.add(filter.get("name").asText());
    }
    return names;
  }
}
