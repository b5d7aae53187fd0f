package ru.nso.wg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.deployment.ModelDeployer;
import ru.nso.wg.deployment.ModelDeploymentLog;
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' path (issue 18): a changed {@code wg-meeting} deployed by an analyst through the engine's REST API,
 * as Camunda Modeler's deploy dialog does it; broken models refused with the Russian list of problems; members
 * refused; every version recorded.
 */
@SpringBootTest(classes = WgMeetingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AnalystDeploymentTest {

  static final Login ANALYST = new Login("belova", "demo");
  static final Login MEMBER = new Login("vasiliev", "demo");
  static final Login SECRETARIAT = new Login("smirnova", "demo");
  static final String DEPLOY = "/engine-rest/deployment/create";
  private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ModelDeploymentLog log;

  Http http;
  RepositoryService repository;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    repository = engine.getRepositoryService();
  }

  @AfterEach
  void deleteDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  /** The meeting model as an analyst changed it: a renamed task, a new form field, a changed deadline. */
  static Map<String, byte[]> changedMeeting() throws IOException {
    String bpmn = Files.readString(Path.of("bpmn/wg-meeting.bpmn"))
        .replace("name=\"Подтвердить дату, формат и приглашённых\"",
            "name=\"Подтвердить дату, формат, место и приглашённых\"")
        .replace("${deadlines.reminder('agendaToChair', meetingDate)}",
            "${deadlines.followUp('agendaToChair', meetingDate)}");
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("wg-meeting.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    Matcher refs = FORM_REF.matcher(bpmn);
    while (refs.find()) {
      String name = refs.group(1) + ".form";
      String form = Files.readString(Path.of("forms", name));
      if (name.equals("confirm-meeting.form")) {
        form = form.replaceFirst("\"components\": \\[", "\"components\": [\n    {\"type\": \"textfield\", "
            + "\"key\": \"meetingRoomNote\", \"id\": \"Field_meetingRoomNote\", \"label\": \"Примечание о зале\"},");
      }
      files.put(name, form.getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  static List<String[]> fields(String name) {
    return List.<String[]>of(new String[] {"deployment-name", name},
        new String[] {"deployment-source", "Camunda Modeler"});
  }

  @Test
  void theModelsDeployedAtTheFirstStartOfAnEmptyDatabaseAreRecordedToo() {
    ModelDeploymentLog.Entry first = log.versions("wg-meeting").stream().filter(e -> e.version() == 1)
        .findFirst().orElseThrow();
    assertThat(first.previousVersion()).isNull();
    assertThat(first.deployedBy()).as("no one is logged in at start-up").isNull();
    assertThat(first.source()).isEqualTo(ModelDeployer.SOURCE);
  }

  @Test
  void anAnalystDeploysAChangedMeetingModelAndTheVersionIsRecorded() throws IOException {
    int before = repository.createProcessDefinitionQuery().processDefinitionKey("wg-meeting").latestVersion()
        .singleResult().getVersion();

    Response deployed = http.postMultipart(DEPLOY, ANALYST, fields("wg-meeting"), changedMeeting());

    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    deployments.add(deployed.json().path("id").asText());
    JsonNode definitions = deployed.json().path("deployedProcessDefinitions");
    assertThat(definitions.size()).isEqualTo(1);
    assertThat(definitions.elements().next().path("version").asInt()).isEqualTo(before + 1);
    String deploymentId = deployed.json().path("id").asText();
    // other tests of this context deploy and delete stand-ins of wg-meeting: the record keeps their versions too
    ModelDeploymentLog.Entry entry = log.versions("wg-meeting").stream()
        .filter(e -> e.deploymentId().equals(deploymentId)).findFirst().orElseThrow();
    assertThat(entry.version()).isEqualTo(before + 1);
    assertThat(entry.previousVersion()).isEqualTo(before);
    assertThat(entry.deployedBy()).isEqualTo("belova");
    assertThat(entry.source()).isEqualTo("Camunda Modeler");
    assertThat(entry.added()).isEmpty();
    assertThat(entry.removed()).isEmpty();
    assertThat(entry.changed()).containsExactlyInAnyOrder("Task_ConfirmMeeting", "Event_AgendaReminder");
    assertThat(entry.formsChanged()).containsExactly("confirm-meeting.form");

    // the history, for analysts and administrators only
    Response history = http.get("/api/models/wg-meeting/versions", ANALYST);
    assertThat(history.status()).as(history.body()).isEqualTo(200);
    JsonNode version = history.json().findParents("deploymentId").stream()
        .filter(v -> v.path("deploymentId").asText().equals(deploymentId)).findFirst().orElseThrow();
    assertThat(version.path("deployedBy").asText()).isEqualTo("belova");
    assertThat(version.path("changed").toString()).contains("Task_ConfirmMeeting", "Event_AgendaReminder");
    Response refused = http.get("/api/models/wg-meeting/versions", MEMBER);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("История версий моделей доступна администраторам и аналитикам (группа wg-analysts)");
  }

  @Test
  void aBrokenExpressionAndAMissingTimeToLiveAreRefusedWithTheListAndNothingIsDeployed() throws IOException {
    long deploymentsBefore = repository.createDeploymentQuery().count();
    int recordedBefore = log.versions("wg-meeting").size();
    Map<String, byte[]> broken = changedMeeting();
    broken.put("wg-meeting.bpmn", new String(broken.get("wg-meeting.bpmn"), StandardCharsets.UTF_8)
        .replace("${sendAgenda}", "${sendAgendaa}").getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> noTtl = changedMeeting();
    noTtl.put("wg-meeting.bpmn", new String(noTtl.get("wg-meeting.bpmn"), StandardCharsets.UTF_8)
        .replace(" camunda:historyTimeToLive=\"P365D\"", "").getBytes(StandardCharsets.UTF_8));

    Response expression = http.postMultipart(DEPLOY, ANALYST, fields("wg-meeting"), broken);
    Response ttl = http.postMultipart(DEPLOY, ANALYST, fields("wg-meeting"), noTtl);

    assertThat(expression.status()).as(expression.body()).isEqualTo(400);
    assertThat(expression.json().path("message").asText()).isEqualTo("Модель не развёрнута, исправьте (1): "
        + "1) wg-meeting.bpmn, Task_SendAgenda «Отправить повестку членам и приглашённым», выражение "
        + "«${sendAgendaa}»: «sendAgendaa» — ни компонент приложения, ни переменная процесса, ни встроенное имя "
        + "Camunda, ни локальная переменная элемента");
    assertThat(ttl.status()).as(ttl.body()).isEqualTo(400);
    assertThat(ttl.json().path("message").asText()).isEqualTo("Модель не развёрнута, исправьте (1): "
        + "1) wg-meeting.bpmn, процесс «wg-meeting»: не задан срок хранения истории (historyTimeToLive, например "
        + "P365D)");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(log.versions("wg-meeting")).hasSize(recordedBefore);
  }

  @Test
  void membersAndTheSecretariatMayNotDeploy() throws IOException {
    long before = repository.createDeploymentQuery().count();

    for (Login login : List.of(MEMBER, SECRETARIAT)) {
      Response refused = http.postMultipart(DEPLOY, login, fields("wg-meeting"), changedMeeting());
      assertThat(refused.status()).as(login.user() + ": " + refused.body()).isEqualTo(403);
      assertThat(refused.json().path("message").asText())
          .isEqualTo("Развёртывать модели процессов могут только администраторы и аналитики (группа wg-analysts)");
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }
}
