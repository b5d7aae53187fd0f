package ru.nso.wg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.test.context.ActiveProfiles;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;
import ru.nso.wg.platform.Http.Session;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs cannot be used to break the process or the record (issue 11, points 1 and 4): nobody but the
 * administrators and the secretariat changes names and e-mail addresses, a member changes only his own password,
 * refused job calls change nothing, the session of the webapps cannot be used from another site, members see names
 * but not others' e-mail addresses, model XML or metrics, and every API answer carries the security headers.
 */
@SpringBootTest(classes = WgMeetingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiHardeningTest {

  static final Login ADMIN = new Login("admin", "admin");
  static final Login MEMBER = new Login("vasiliev", "demo");
  static final Login SECRETARIAT = new Login("smirnova", "demo");
  static final Login CHAIR = new Login("sokolov", "demo");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired DocumentStore documents;
  Http http;
  IdentityService identity;
  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    http = new Http(port);
    identity = engine.getIdentityService();
  }

  @AfterEach
  void cleanUp() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Point 1: names, positions and e-mail addresses are the secretariat's and the administrators'

  @Test
  void aMemberCannotRenameOrDeleteHimself() {
    Response renamed = http.putJson("/engine-rest/user/vasiliev/profile", MEMBER, """
        {"id": "vasiliev", "firstName": "Андрей Викторович", "lastName": "Соколов",
         "email": "vasiliev@example.org"}""");
    Response deleted = http.delete("/engine-rest/user/vasiliev", MEMBER);

    assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(403);
    User user = identity.createUserQuery().userId("vasiliev").singleResult();
    assertThat(user.getLastName()).isEqualTo("Васильев");
    assertThat(user.getFirstName()).isEqualTo("Павел Андреевич");
    // he still reads his own profile (the profile page of the webapps)
    assertThat(http.get("/engine-rest/user/vasiliev/profile", MEMBER).json().path("lastName").asText())
        .isEqualTo("Васильев");
  }

  @Test
  void aMemberChangesHisOwnPasswordAndNoOneElses() {
    String path = "/engine-rest/user/golubeva/credentials";
    Login golubeva = new Login("golubeva", "demo");
    try {
      Response wrongCurrent = http.putJson(path, golubeva,
          "{\"password\": \"Novyi-parol-2026\", \"authenticatedUserPassword\": \"not-demo\"}");
      assertThat(wrongCurrent.status()).as(wrongCurrent.body()).isEqualTo(400);
      assertThat(identity.checkPassword("golubeva", "demo")).isTrue();

      Response changed = http.putJson(path, golubeva,
          "{\"password\": \"Novyi-parol-2026\", \"authenticatedUserPassword\": \"demo\"}");
      assertThat(changed.status()).as(changed.body()).isEqualTo(204);
      assertThat(identity.checkPassword("golubeva", "Novyi-parol-2026")).isTrue();

      // as Tasklist's profile page does it: the webapp session, with its CSRF token
      Session session = http.webappSession("golubeva", "Novyi-parol-2026");
      Response fromProfilePage = http.send(http.request("/camunda/api/engine/engine/default/user/golubeva/credentials",
              null).header("Cookie", session.cookies()).header("X-XSRF-TOKEN", session.csrfToken())
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
              "{\"password\": \"demo\", \"authenticatedUserPassword\": \"Novyi-parol-2026\"}")));
      assertThat(fromProfilePage.status()).as(fromProfilePage.body()).isEqualTo(204);
      assertThat(identity.checkPassword("golubeva", "demo")).isTrue();
    } finally {
      User user = identity.createUserQuery().userId("golubeva").singleResult();
      user.setPassword("demo");
      identity.saveUser(user);
    }

    for (Login someoneElse : List.of(MEMBER, SECRETARIAT)) {
      Response refused = http.putJson("/engine-rest/user/makarov/credentials", someoneElse,
          "{\"password\": \"Chuzhoi-parol-2026\", \"authenticatedUserPassword\": \"demo\"}");
      assertThat(refused.status()).as(someoneElse.user() + ": " + refused.body()).isEqualTo(403);
    }
    assertThat(http.putJson("/engine-rest/user/admin/credentials", SECRETARIAT,
        "{\"password\": \"Chuzhoi-parol-2026\", \"authenticatedUserPassword\": \"demo\"}").status()).isEqualTo(403);
    assertThat(identity.checkPassword("makarov", "demo")).isTrue();
    assertThat(identity.checkPassword("admin", "admin")).isTrue();
  }

  @Test
  void theSecretariatMaintainsAMembersProfile() {
    User before = identity.createUserQuery().userId("makarov").singleResult();
    try {
      Response updated = http.putJson("/engine-rest/user/makarov/profile", SECRETARIAT, """
          {"id": "makarov", "firstName": "Виктор Геннадьевич", "lastName": "Макаров-Ершов",
           "email": "makarov.new@example.org"}""");

      assertThat(updated.status()).as(updated.body()).isEqualTo(204);
      User after = identity.createUserQuery().userId("makarov").singleResult();
      assertThat(after.getLastName()).isEqualTo("Макаров-Ершов");
      assertThat(after.getEmail()).isEqualTo("makarov.new@example.org");
    } finally {
      User user = identity.createUserQuery().userId("makarov").singleResult();
      user.setLastName(before.getLastName());
      user.setEmail(before.getEmail());
      identity.saveUser(user);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Point 4: refused job calls change nothing

  @Test
  void refusedJobCallsLeaveTheTimerAsItWas() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("api-hardening-timer").camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("deadline").timerWithDuration("P10D").endEvent().done();
    deployments.add(engine.getRepositoryService().createDeployment().source("wg-test-fixture")
        .addModelInstance("timer.bpmn", model).deploy().getId());
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("api-hardening-timer");
    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    Date due = job.getDuedate();

    for (Login login : List.of(MEMBER, SECRETARIAT, CHAIR)) {
      for (int i = 0; i < 3; i++) {
        Response executed = http.postJson("/engine-rest/job/" + job.getId() + "/execute", login, "");
        assertThat(executed.status()).as(login.user() + ": " + executed.body()).isEqualTo(403);
      }
      assertThat(http.putJson("/engine-rest/job/" + job.getId() + "/retries", login, "{\"retries\": 0}").status())
          .isEqualTo(403);
      assertThat(http.putJson("/engine-rest/job/" + job.getId() + "/duedate", login,
          "{\"duedate\": \"2020-01-01T00:00:00.000+0000\"}").status()).isEqualTo(403);
      assertThat(http.putJson("/engine-rest/job/" + job.getId() + "/suspended", login, "{\"suspended\": true}")
          .status()).isEqualTo(403);
      assertThat(http.delete("/engine-rest/job/" + job.getId(), login).status()).isEqualTo(403);
      assertThat(http.putJson("/engine-rest/job-definition/" + job.getJobDefinitionId() + "/suspended", login,
          "{\"suspended\": true}").status()).isEqualTo(403);
    }

    Job after = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(3);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getDuedate()).isEqualTo(due);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();

    // the documented demo step still works for the administrator
    Response executed = http.postJson("/engine-rest/job/" + job.getId() + "/execute", ADMIN, "");
    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Point 4: the session of the webapps is not enough to change anything through /api

  @Test
  void aSessionPostToTheApiNeedsTheCsrfToken() {
    Session session = http.webappSession(ADMIN.user(), ADMIN.password());

    Response withoutToken = http.send(http.request("/api/calendar/reload", null)
        .header("Cookie", session.cookies()).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(withoutToken.status()).as(withoutToken.body()).isEqualTo(403);
    assertThat(withoutToken.json().path("message").asText()).contains("X-XSRF-TOKEN");

    Response wrongToken = http.send(http.request("/api/calendar/reload", null)
        .header("Cookie", session.cookies()).header("X-XSRF-TOKEN", "forged")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(wrongToken.status()).as(wrongToken.body()).isEqualTo(403);

    Response otherSite = http.send(http.request("/api/calendar/reload", null)
        .header("Cookie", session.cookies()).header("X-XSRF-TOKEN", session.csrfToken())
        .header("Origin", "https://evil.example.com").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(otherSite.status()).as(otherSite.body()).isEqualTo(403);
    assertThat(otherSite.json().path("message").asText()).contains("другого сайта");

    Response withToken = http.send(http.request("/api/calendar/reload", null)
        .header("Cookie", session.cookies()).header("X-XSRF-TOKEN", session.csrfToken())
        .header("Origin", "http://127.0.0.1:" + port).POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(withToken.status()).as(withToken.body()).isEqualTo(200);

    Response basic = http.postJson("/api/calendar/reload", ADMIN, "");
    assertThat(basic.status()).as(basic.body()).isEqualTo(200);

    // the minutes upload page gets the token written in, and its script the nonce of the answer's policy
    if (!documents.exists("2026-77")) {
      documents.save("2026-77", DocumentKind.AGENDA, "agenda.docx", "application/octet-stream", new byte[] {1},
          "test");
    }
    Response page = http.send(http.request("/api/meetings/2026-77/minutes/upload", null)
        .setHeader("Accept", "text/html").header("Cookie", session.cookies()).GET());
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("data-csrf=\"" + session.csrfToken() + "\"", "'X-XSRF-TOKEN': form.dataset.csrf");
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    String nonce = csp.replaceAll(".*script-src 'nonce-([^']+)'.*", "$1");
    assertThat(page.body()).contains("<script nonce=\"" + nonce + "\">");

    // reading needs no token
    assertThat(http.send(http.request("/api/calendar/2026", null).header("Cookie", session.cookies()).GET())
        .status()).isEqualTo(200);
  }

  @Test
  void everyApiAnswerCarriesTheSecurityHeaders() {
    for (Response response : List.of(http.get("/api/calendar/2026", MEMBER), http.get("/api/calendar/2026", null),
        http.get("/engine-rest/task", MEMBER), http.get("/engine-rest/task", null),
        http.get("/api/meetings/2026-1/minutes/upload", SECRETARIAT))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
          assertThat(csp).contains("default-src 'none'").containsPattern("frame-ancestors '(self|none)'"));
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Point 4: what a member reads

  @Test
  void membersSeeTheRostersNamesButNotOthersEmailAddresses() {
    JsonNode users = http.get("/engine-rest/user?maxResults=100", MEMBER).json();
    assertThat(users.size()).isGreaterThan(15);
    for (JsonNode user : users) {
      assertThat(user.path("lastName").asText()).as(user.toString()).isNotBlank();
      if (user.path("id").asText().equals(MEMBER.user())) {
        assertThat(user.path("email").asText()).isEqualTo("vasiliev@example.org");
      } else {
        assertThat(user.path("email").isNull() || user.path("email").asText().isEmpty()).as(user.toString())
            .isTrue();
      }
    }
    assertThat(http.get("/engine-rest/user/sokolov/profile", MEMBER).json().path("email").isNull()).isTrue();
    // nor can the address be guessed by searching
    assertThat(http.get("/engine-rest/user?emailLike=sokolov%25", MEMBER).status()).isEqualTo(403);
    assertThat(http.get("/engine-rest/user/count?email=sokolov@example.org", MEMBER).status()).isEqualTo(403);

    // the same through Tasklist's own API
    Session session = http.webappSession(MEMBER.user(), MEMBER.password());
    JsonNode viaTasklist = http.send(http.request("/camunda/api/engine/engine/default/user?maxResults=100", null)
        .header("Cookie", session.cookies()).GET()).json();
    assertThat(viaTasklist.findValuesAsText("lastName")).contains("Соколов");
    assertThat(viaTasklist.findValues("email")).filteredOn(email -> !email.isNull() && !email.asText().isEmpty())
        .extracting(JsonNode::asText).containsExactly("vasiliev@example.org");

    // the secretariat maintains the roster and sees the addresses
    assertThat(http.get("/engine-rest/user/sokolov/profile", SECRETARIAT).json().path("email").asText())
        .isEqualTo("sokolov@example.org");
  }

  @Test
  void membersReadNeitherTheModelsNorTheMetrics() {
    var deployment = engine.getRepositoryService().createDeployment().name("api-hardening-model")
        .addClasspathResource("platform/wg-meeting-test.bpmn").deploy();
    deployments.add(deployment.getId());
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).singleResult();
    String resourceId = http.get("/engine-rest/deployment/" + deployment.getId() + "/resources", ADMIN).json()
        .get(0).path("id").asText();

    for (String path : List.of("/engine-rest/process-definition/" + definition.getId() + "/xml",
        "/engine-rest/deployment/" + deployment.getId() + "/resources/" + resourceId + "/data",
        "/engine-rest/metrics/activity-instance-start/sum", "/engine-rest/metrics?interval=900")) {
      Response member = http.get(path, MEMBER);
      assertThat(member.status()).as(path + ": " + member.body()).isEqualTo(403);
      assertThat(http.get(path, ADMIN).status()).as(path).isEqualTo(200);
    }
    // who follows the meetings in Cockpit sees the diagram
    assertThat(http.get("/engine-rest/process-definition/" + definition.getId() + "/xml", SECRETARIAT).status())
        .isEqualTo(200);
  }
}
