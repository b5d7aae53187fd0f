package ru.nso.wg.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import ru.nso.wg.platform.Http.Login;
import ru.nso.wg.platform.Http.Response;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Operations of a node: what {@code /actuator/health} shows to whom, and that retrying a failed job (an incident)
 * runs it now rather than at the due date its last failed attempt left.
 */
@SpringBootTest(classes = WgMeetingsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsTest {

  static final Login ADMIN = new Login("admin", "admin");
  static final Login MEMBER = new Login("vasiliev", "demo");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  Http http;
  String deploymentId;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    if (deploymentId != null) {
      engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void anonymousHealthIsOnlyUpOrDown() {
    Response response = http.get("/actuator/health", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().toString()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void administratorsSeeTheComponentsOthersDoNot() {
    JsonNode admin = http.get("/actuator/health", ADMIN).json();
    assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(admin.at("/components/db/details/database").asText()).isEqualTo("H2");
    assertThat(admin.at("/components/processEngine/status").asText()).isEqualTo("UP");

    assertThat(http.get("/actuator/health", MEMBER).json().toString()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(http.get("/actuator/health", new Login("admin", "wrong")).status()).isEqualTo(401);
  }

  @Test
  void anAdministratorsWebappSessionSeesTheComponents() {
    List<String> cookies = http.webappLogin(ADMIN.user(), ADMIN.password());
    String cookieHeader = String.join("; ", cookies.stream().map(c -> c.split(";", 2)[0]).toList());

    Response response = http.send(http.request("/actuator/health", null).header("Cookie", cookieHeader).GET());

    assertThat(response.json().at("/components/db/status").asText()).isEqualTo("UP");
  }

  @Test
  void retryingAFailedJobMakesItDueNow() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("retry-runs-now").camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask("fails").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R2/PT2H")
        .camundaExpression("${execution.getVariable('missing').length()}")
        .endEvent().done();
    deploymentId = engine.getRepositoryService().createDeployment().source("wg-test-fixture")
        .addModelInstance("retry.bpmn", model).deploy().getId();
    ManagementService management = engine.getManagementService();
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("retry-runs-now");
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T03:00:00Z")));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    }
    Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isOne();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T03:10:00Z")));
    management.setJobRetries(job.getId(), 1); // Cockpit's "Retry", PUT /engine-rest/job/{id}/retries

    Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isOne();
    assertThat(retried.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-02T03:10:00Z")));
    assertThat(management.createJobQuery().jobId(job.getId()).executable().count()).isOne();

    // a due date given with the retries wins
    assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
    Date later = Date.from(Instant.parse("2026-03-05T03:00:00Z"));
    management.setJobRetries(1).jobId(job.getId()).dueDate(later).execute();
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate()).isEqualTo(later);
  }
}
