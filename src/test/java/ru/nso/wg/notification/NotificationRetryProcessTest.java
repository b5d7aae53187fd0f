package ru.nso.wg.notification;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.roster.RosterGroups;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The retry semantics with the engine: an asynchronous service task with {@code R3/PT5M} distributes the agenda.
 * Jobs are executed by hand ({@code managementService.executeJob}), the test profile has the job executor off.
 */
class NotificationRetryProcessTest extends MailTestSupport {

  private static final String PROCESS = "wg-test-notify";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  FaultInjectingTransport faults;
  @Autowired
  DeliveryLog deliveryLog;

  @Autowired
  ProcessEngine processEngine;

  @BeforeEach
  void deploy() {
    // camunda-bpm-assert keeps its engine in a static: bind it to this context's engine
    AbstractAssertions.init(processEngine);
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      repositoryService.createDeployment().name(PROCESS).source("wg-test-fixture")
          .addClasspathResource("notification/notify-test.bpmn").deploy();
    }
  }

  @AfterEach
  void heal() {
    faults.heal();
    if (!greenMail.isRunning()) {
      smtpUp();
    }
  }

  private Set<String> memberAddresses() {
    return identityService.createUserQuery().memberOfGroup(RosterGroups.MEMBERS).list().stream()
        .map(User::getEmail).filter(e -> e != null && e.contains("@")).map(e -> e.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  /** Every recipient exactly once. */
  private void assertDeliveredExactlyOnce(String key) throws Exception {
    List<MimeMessage> messages = received(key, "agenda#0");
    Map<String, Integer> perRecipient = new HashMap<>();
    for (String to : recipients(messages)) {
      perRecipient.merge(to, 1, Integer::sum);
    }
    assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(memberAddresses());
    assertThat(perRecipient.values()).allMatch(n -> n == 1);
    assertThat(deliveryLog.count(key, "agenda#0")).isEqualTo(memberAddresses().size());
  }

  @Test
  void smtpDownRetriesBecomeAnIncidentAndAfterRecoveryEveryoneGetsTheAgendaOnce() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, key);
    smtpDown();

    int failures = 0;
    while (job(pi).getRetries() > 0) {
      String jobId = job(pi).getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId))
          .hasRootCauseMessage("Connection refused")
          .satisfies(e -> assertThat(causeChain(e)).anyMatch(c -> c instanceof NotificationException
              && c.getMessage().startsWith("Не удалось отправить письмо «Повестка:")));
      failures++;
      assertThat(failures).as("retries must run out").isLessThanOrEqualTo(5);
    }
    assertThat(failures).isEqualTo(3);
    Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("Не удалось отправить письмо");
    assertThat(deliveryLog.count(key, "agenda#0")).isZero();
    assertThat(pi).isWaitingAt("Task_DistributeAgenda");

    smtpUp();
    managementService.setJobRetries(job(pi).getId(), 1); // what "Retry" in Cockpit does
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    managementService.executeJob(job(pi).getId());

    assertThat(pi).isEnded().variables().containsEntry("deliveredCount", memberAddresses().size());
    assertDeliveredExactlyOnce(key);
  }

  @Test
  void aServerThatDiesMidwayDoesNotMakeTheRetrySendTwice() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCESS, key);
    faults.failAfter(5);

    String jobId = job(pi).getId();
    assertThatThrownBy(() -> managementService.executeJob(jobId))
        .hasRootCauseMessage("Connection refused (injected fault)");

    // the job's transaction rolled back, but the five deliveries are logged in their own transactions
    assertThat(received(key, "agenda#0")).hasSize(5);
    assertThat(deliveryLog.count(key, "agenda#0")).isEqualTo(5);
    assertThat(job(pi).getRetries()).isEqualTo(2);

    faults.failAfter(3); // a second partial failure on the first retry
    assertThatThrownBy(() -> managementService.executeJob(job(pi).getId())).isInstanceOf(Exception.class);
    assertThat(received(key, "agenda#0")).hasSize(8);

    faults.heal();
    managementService.executeJob(job(pi).getId());

    assertThat(pi).isEnded();
    assertDeliveredExactlyOnce(key);
  }

  private static List<Throwable> causeChain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
