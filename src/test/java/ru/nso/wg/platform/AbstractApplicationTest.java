package ru.nso.wg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.deployment.ModelDeployer;
import ru.nso.wg.meeting.VotingProperties;
import ru.nso.wg.meeting.rules.VotingSettings;
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.platform.Http.ANONYMOUS;

/**
 * The running application, checked over HTTP as a user would meet it: it starts, deploys {@code bpmn/} and
 * {@code forms/}, reports its health, lets nobody in without a password and lets each group do what it may and
 * nothing more. Runs once per database: {@link ApplicationOnH2Test} and {@link ApplicationOnPostgresTest}.
 */
@SpringBootTest(classes = WgMeetingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class AbstractApplicationTest {

  static final Login CHAIR = new Login("sokolov", "demo");
  static final Login MEMBER = new Login("vasiliev", "demo");
  static final Login SECRETARIAT = new Login("smirnova", "demo");
  static final Login SECRETARIAT_COLLEAGUE = new Login("popov", "demo");
  /**
   * Wrong passwords slow down the account they are tried on ({@code security.LoginThrottle}), so they are tried
   * only on a member no other test logs in as, and fewer times than the free attempts.
   */
  static final Login WRONG_PASSWORD = new Login("kiseleva", "not-demo");
  static final String SECRETARIAT_GROUP = "wg-secretariat";
  static final String MEETING = "wg-meeting";
  /** The deployment source of {@code ru.nso.wg.deployment.ModelDeployer}. */
  static final String MODEL_SOURCE = ModelDeployer.SOURCE;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;
  @Autowired
  Environment environment;
  @Autowired
  VotingProperties votingProperties;

  Http http;
  RepositoryService repository;
  RuntimeService runtime;
  TaskService tasks;
  AuthorizationService authorizations;
  IdentityService identity;
  final List<String> deploymentsToDelete = new ArrayList<>();

  /** The database product the subclass runs on, as JDBC names it ("H2", "PostgreSQL"). */
  abstract String expectedDatabaseProduct();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    authorizations = engine.getAuthorizationService();
    identity = engine.getIdentityService();
  }

  @AfterEach
  void deleteTestDeployments() {
    deploymentsToDelete.forEach(id -> repository.deleteDeployment(id, true));
  }

  Login admin() {
    return new Login(environment.getRequiredProperty("camunda.bpm.admin-user.id"),
        environment.getRequiredProperty("camunda.bpm.admin-user.password"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Start-up

  @Test
  void startsOnItsDatabaseWithEngineSchemaOwnTablesAndRoster() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(expectedDatabaseProduct());
    }
    assertThat(engine.getName()).isEqualTo("default");
    String databaseType = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType();
    assertThat(databaseType).isEqualTo(expectedDatabaseProduct().equals("H2") ? "h2" : "postgres");
    // The roster: chair, three deputy chairs and eleven members, all in wg-members.
    assertThat(identity.createUserQuery().memberOfGroup("wg-members").count()).isEqualTo(15);
    // wg-chair: the chair (in the roster) and the head of his office (not in the roster)
    assertThat(identity.createUserQuery().memberOfGroup("wg-chair").list()).extracting(User::getId)
        .containsExactlyInAnyOrder("sokolov", "zaitseva");
    assertThat(identity.createUserQuery().memberOfGroup("wg-chair").list()).extracting(User::getId)
        .filteredOn(id -> identity.createUserQuery().userId(id).memberOfGroup("wg-members").count() == 1)
        .containsExactly("sokolov");
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId(admin().user()).count()).isOne();
    // The readings of § 15-16 are bound from wg.voting.* with the regulation's defaults.
    assertThat(votingProperties.settings()).isEqualTo(VotingSettings.defaults());
  }

  /**
   * Every migration of {@code db/migration} is applied, the first one included: the engine creates its tables
   * first, so Flyway's baseline must lie below the first migration ({@code spring.flyway.baseline-version: 0}).
   */
  @Test
  void theApplicationsOwnMigrationsAreApplied() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForList("SELECT \"version\" FROM \"wg_schema_history\" WHERE \"type\" = 'SQL' AND \"success\"",
        String.class)).contains("2", "20", "21");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_meeting", Integer.class)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_document", Integer.class)).isNotNull();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // bpmn/ and forms/

  @Test
  void everyModelOfTheBpmnFolderIsDeployedWithTheFormsItReferences() throws IOException {
    List<Path> models = modelFiles();
    List<Deployment> ours = repository.createDeploymentQuery().deploymentSource(MODEL_SOURCE).list();

    // One deployment (of one or more versions) per process, nothing else from this source.
    assertThat(ours.stream().map(Deployment::getName).distinct().toList()).hasSize(models.size());
    for (Path file : models) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      String key = model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
          .findFirst().orElseThrow().getId();
      ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult();
      assertThat(latest).as("process '%s' of %s", key, file).isNotNull();
      String deploymentId = latest.getDeploymentId();
      assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).singleResult().getSource())
          .isEqualTo(MODEL_SOURCE);
      // The latest version is exactly the file in the repository ...
      assertThat(resource(deploymentId, "bpmn/" + file.getFileName())).as(file.toString())
          .isEqualTo(Files.readAllBytes(file));
      // ... deployed together with exactly the forms it references, as they are in forms/.
      TreeSet<String> expected = new TreeSet<>(List.of("bpmn/" + file.getFileName()));
      for (String formRef : formRefs(model)) {
        Path form = Path.of("forms", formRef + ".form");
        assertThat(resource(deploymentId, "forms/" + formRef + ".form")).as(form.toString())
            .isEqualTo(Files.readAllBytes(form));
        expected.add("forms/" + formRef + ".form");
      }
      assertThat(new TreeSet<>(repository.getDeploymentResourceNames(deploymentId))).isEqualTo(expected);
    }
  }

  static List<Path> modelFiles() throws IOException {
    Path folder = Path.of("bpmn");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static TreeSet<String> formRefs(BpmnModelInstance model) {
    TreeSet<String> refs = new TreeSet<>();
    Stream.concat(
            model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
            model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef))
        .filter(Objects::nonNull)
        .forEach(refs::add);
    return refs;
  }

  byte[] resource(String deploymentId, String name) throws IOException {
    assertThat(repository.getDeploymentResourceNames(deploymentId)).as("deployment %s", deploymentId).contains(name);
    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Health

  @Test
  void healthReportsDatabaseAndEngineWithoutSecrets() {
    assertThat(http.get("/actuator/health", ANONYMOUS).json().toString()).isEqualTo("{\"status\":\"UP\"}");
    Response response = http.get("/actuator/health", new Login("admin", "admin"));

    assertThat(response.status()).isEqualTo(200);
    JsonNode health = response.json();
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/details/database").asText()).isEqualTo(expectedDatabaseProduct());
    assertThat(health.at("/components/processEngine/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/processEngine/details/name").asText()).isEqualTo("default");

    String databasePassword = environment.getProperty("spring.datasource.password", "");
    assertThat(databasePassword).as("the test runs with a database password to look for").isNotBlank();
    assertThat(response.body())
        .doesNotContainIgnoringCase("password")
        .doesNotContain(databasePassword)
        .doesNotContain("jdbc:");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // REST authentication

  @Test
  void restApiNeedsValidCredentials() {
    for (String path : List.of("/engine-rest/process-definition", "/engine-rest/engine/default/process-definition",
        "/engine-rest/user/sokolov/profile")) {
      assertThat(http.get(path, ANONYMOUS).status()).as(path).isEqualTo(401);
      assertThat(http.get(path, WRONG_PASSWORD).status()).as(path).isEqualTo(401);
      assertThat(http.get(path, new Login("nobody", "demo")).status()).as(path).isEqualTo(401);
      assertThat(http.get(path, CHAIR).status()).as(path).isEqualTo(200);
      assertThat(http.get(path, admin()).status()).as(path).isEqualTo(200);
    }
    Response unauthorized = http.get("/engine-rest/process-definition", ANONYMOUS);
    assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic"));
  }

  /**
   * Camunda's {@code ProcessEngineAuthenticationFilter} white-lists {@code /engine} (the list of engine names), so
   * today it answers 200 to anyone. Enable this test with the fix proposed for {@code RestSecurityConfig}: a
   * subclass of the filter whose {@code requiresEngineAuthentication} always returns {@code true}.
   */
  @Test
  void engineListNeedsValidCredentials() {
    assertThat(http.get("/engine-rest/engine", ANONYMOUS).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine", WRONG_PASSWORD).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine", new Login("nobody", "demo")).status()).isEqualTo(401);

    Response chair = http.get("/engine-rest/engine", CHAIR);
    assertThat(chair.status()).isEqualTo(200);
    assertThat(chair.json().findValuesAsText("name")).containsExactly("default");
  }

  @Test
  void everyRestResourceRefusesAnonymousCalls() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/process-instance", "/engine-rest/deployment",
        "/engine-rest/authorization", "/engine-rest/user", "/engine-rest/group", "/engine-rest/history/task")) {
      assertThat(http.get(path, ANONYMOUS).status()).as(path).isEqualTo(401);
    }
    assertThat(http.postJson("/engine-rest/process-definition/key/" + MEETING + "/start", ANONYMOUS, "{}").status())
        .isEqualTo(401);
    assertThat(http.postMultipart("/engine-rest/deployment/create", ANONYMOUS,
        List.<String[]>of(new String[] {"deployment-name", "anonymous"}), "x.bpmn", new byte[0]).status())
        .isEqualTo(401);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Authorizations

  /**
   * Deploys the test stand-in for the meeting process ({@code platform/wg-meeting-test.bpmn}, key
   * {@code wg-meeting}) under its own deployment name, deleted after the test, and returns its definition. The
   * test starts this definition by ID, so it does not depend on whether {@code bpmn/} holds the real process.
   */
  ProcessDefinition deployTestMeeting() {
    Deployment deployment = repository.createDeployment()
        .name("platform-test-wg-meeting")
        .addClasspathResource("platform/wg-meeting-test.bpmn")
        .deploy();
    deploymentsToDelete.add(deployment.getId());
    return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
  }

  @Test
  void aMemberCannotStartAMeeting() {
    ProcessDefinition meeting = deployTestMeeting();

    Response byKey = http.postJson("/engine-rest/process-definition/key/" + MEETING + "/start", MEMBER, "{}");
    Response byId = http.postJson("/engine-rest/process-definition/" + meeting.getId() + "/start", MEMBER, "{}");

    // By key the definition is not even visible to a member (no READ): "no matching process definition".
    assertThat(byKey.status()).as(byKey.body()).isIn(403, 404);
    assertThat(byId.status()).as(byId.body()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(MEETING).count()).isZero();
  }

  @Test
  void theSecretariatStartsAMeetingAndOnlyItsGroupSeesAndWorksTheTask() {
    ProcessDefinition meeting = deployTestMeeting();

    Response started = http.postJson("/engine-rest/process-definition/" + meeting.getId() + "/start",
        SECRETARIAT, "{\"businessKey\": \"platform-test\"}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instanceId = started.json().path("id").asText();
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_SecretariatWork");
    assertThat(task.getAssignee()).isNull();

    // The engine's default task permissions: READ and UPDATE for the candidate group, created with the task.
    Authorization groupGrant = authorizations.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(task.getId()).groupIdIn(SECRETARIAT_GROUP).singleResult();
    assertThat(groupGrant).isNotNull();
    assertThat(groupGrant.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(groupGrant.isPermissionGranted(Permissions.UPDATE)).isTrue();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
        .groupIdIn("wg-members", "wg-chair", "wg-deputy-chairs").count()).isZero();

    // Both people of the secretariat see the task; a member and the chair do not, in any listing.
    assertThat(taskIds("/engine-rest/task?processInstanceId=" + instanceId, SECRETARIAT)).containsExactly(task.getId());
    assertThat(taskIds("/engine-rest/task?candidateGroup=" + SECRETARIAT_GROUP, SECRETARIAT_COLLEAGUE))
        .contains(task.getId());
    assertThat(taskIds("/engine-rest/task", MEMBER)).doesNotContain(task.getId());
    assertThat(taskIds("/engine-rest/task?processInstanceId=" + instanceId, MEMBER)).isEmpty();
    assertThat(taskIds("/engine-rest/task?processInstanceId=" + instanceId, CHAIR)).isEmpty();
    assertThat(http.get("/engine-rest/task/count?processInstanceId=" + instanceId, MEMBER).json().path("count")
        .asLong()).isZero();
    assertThat(http.get("/engine-rest/task/" + task.getId(), MEMBER).status()).isIn(403, 404);

    // A member can neither claim nor complete it; the secretariat can.
    String claimBy = "{\"userId\": \"%s\"}";
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", MEMBER,
        claimBy.formatted(MEMBER.user())).status()).isEqualTo(403);
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/complete", MEMBER, "{}").status())
        .isEqualTo(403);
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", SECRETARIAT,
        claimBy.formatted(SECRETARIAT.user())).status()).isEqualTo(204);
    assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/complete", SECRETARIAT, "{}").status())
        .isEqualTo(204);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
  }

  List<String> taskIds(String path, Login login) {
    Response response = http.get(path, login);
    assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
    return response.json().findValuesAsText("id");
  }

  @Test
  void onlyTheAdministratorMayDeploy() throws IOException {
    byte[] model;
    try (InputStream in = getClass().getResourceAsStream("/platform/wg-meeting-test.bpmn")) {
      model = Objects.requireNonNull(in).readAllBytes();
    }
    List<String[]> fields = List.<String[]>of(new String[] {"deployment-name", "platform-test-rest-deployment"});
    long before = repository.createDeploymentQuery().count();

    for (Login login : List.of(MEMBER, SECRETARIAT, CHAIR)) {
      Response refused = http.postMultipart("/engine-rest/deployment/create", login, fields, "meeting.bpmn", model);
      assertThat(refused.status()).as(login.user() + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);

    Response accepted = http.postMultipart("/engine-rest/deployment/create", admin(), fields, "meeting.bpmn", model);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    deploymentsToDelete.add(accepted.json().path("id").asText());
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
  }

  @Test
  void onlyTheAdministratorSeesAndChangesAuthorizationsUsersAndGroups() {
    long authorizationsBefore = authorizations.createAuthorizationQuery().count();
    assertThat(http.get("/engine-rest/authorization", admin()).json().size()).isPositive();
    for (Login login : List.of(MEMBER, SECRETARIAT, CHAIR)) {
      Response listed = http.get("/engine-rest/authorization", login);
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.json().size()).as(login.user() + " sees authorizations").isZero();
    }

    String grant = """
        {"type": 1, "permissions": ["ALL"], "userId": "vasiliev", "resourceType": 0, "resourceId": "*"}""";
    assertThat(http.postJson("/engine-rest/authorization/create", MEMBER, grant).status()).isEqualTo(403);
    assertThat(http.postJson("/engine-rest/user/create", SECRETARIAT, """
        {"profile": {"id": "intruder", "firstName": "И", "lastName": "И", "email": "i@example.org"},
         "credentials": {"password": "Intruder-2026!"}}""").status()).isEqualTo(403);
    assertThat(http.putJson("/engine-rest/group/camunda-admin/members/vasiliev", MEMBER, "").status())
        .isEqualTo(403);
    assertThat(http.delete("/engine-rest/user/makarov", SECRETARIAT).status()).isEqualTo(403);

    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.createUserQuery().userId("makarov").count()).isOne();
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("vasiliev").count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(authorizationsBefore);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Web

  @Test
  void rootRedirectsToTheWebapps() {
    Response root = http.get("/", ANONYMOUS);

    assertThat(root.status()).isBetween(301, 308);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/camunda/app/"));
  }

  @Test
  void webappSessionCookieIsHttpOnly() {
    List<String> sessionCookies = http.webappLogin(SECRETARIAT.user(), SECRETARIAT.password()).stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).toList();

    assertThat(sessionCookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("HttpOnly"));
  }
}
