package ru.nso.wg.process;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.AgendaProposals.Offered;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.meeting.AgendaProposals.Review;
import ru.nso.wg.meeting.AgendaProposals.State;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.notification.MailTransport;
import ru.nso.wg.notification.OutboxMailTransport;
import ru.nso.wg.process.AgendaProposalProcess.Elements;
import ru.nso.wg.roster.DeputyArea;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.AMENDMENT;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.AREA;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.DRAFT_DECISION;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.ITEM_TYPE;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.MATERIALS;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.RETURN_REMARKS;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.REVIEW_DECISION;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.REVIEW_REMARKS;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.SPEAKER;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_ITEMS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_PROPOSALS;
import static ru.nso.wg.process.MeetingProcess.Vars.PROPOSAL_CUTOFF_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.PROPOSAL_OPTIONS;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;
import static ru.nso.wg.process.MeetingScenario.list;

/**
 * Proposals for the agenda (issue 16, point 1): a member proposes, the deputy chair of the item's area reviews, the
 * secretariat takes accepted proposals into an agenda; the cut-off for each meeting. The meeting is on 16.12.2026:
 * § 13 deadline 09.12.2026, cut-off 3 working days before it, 04.12.2026.
 */
class AgendaProposalProcessTest extends AbstractMeetingProcessTest {

  private static final String MEMBER = "vasiliev";
  /** Deputy chair of {@code wg-area-digital}. */
  private static final String DIGITAL_DEPUTY = "kuznetsova";
  /** Deputy chair of {@code wg-area-coordination}. */
  private static final String COORDINATION_DEPUTY = "lebedeva";

  @Autowired AgendaProposals proposals;
  @Autowired JdbcTemplate jdbc;
  @Autowired DocumentStore documents;
  @Autowired MailTransport transport;

  @Test
  void aMemberProposesAnItemTheAreasDeputyAcceptsItAndTheSecretariatPutsItOnTheAgenda() throws Exception {
    String title = "О пилотном внедрении стандарта в МФЦ " + unique();
    ProcessInstance proposal = propose(MEMBER, fields(title, DeputyArea.DIGITAL));
    Task review = meeting.requestTask(proposal);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(Elements.REVIEW);
    assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId())).anyMatch(l ->
        DeputyArea.DIGITAL.groupId().equals(l.getGroupId()));
    assertThat(engine.getTaskService().getVariable(review.getId(), AgendaProposalProcess.Vars.SUMMARY.name())
        .toString()).contains(title, "Василь");

    meeting.completeRequestTask(proposal, DIGITAL_DEPUTY, Map.of(REVIEW_DECISION.name(), "ACCEPT"));
    assertThat(proposal).isEnded().hasPassed(Elements.ACCEPTED);
    Proposal accepted = proposalOf(proposal);
    assertThat(accepted.state()).isEqualTo(State.ACCEPTED);
    assertThat(accepted.reviewedBy()).isEqualTo(DIGITAL_DEPUTY);

    meeting.start(MEETING);
    meeting.confirmChairPresides();
    String options = meeting.variable(MeetingProcess.Elements.PREPARE_AGENDA, PROPOSAL_OPTIONS).toString();
    assertThat(options).contains(accepted.label()).doesNotContain("поступило после срока");
    assertThat(meeting.variable(MeetingProcess.Elements.PREPARE_AGENDA, PROPOSAL_CUTOFF_TEXT).toString())
        .contains("4 декабря 2026 г.");

    meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list(value(accepted))));
    List<AgendaItem> agenda = record.agenda(meeting.key());
    assertThat(agenda).hasSize(2);
    assertThat(agenda.get(1)).isEqualTo(new AgendaItem(2, title, AgendaItemType.ASSESSMENT,
        "Кузнецова Е.И., заместитель председателя", "https://example.org/proposal/materials.pdf",
        DeputyArea.DIGITAL.groupId()));
    Proposal placed = proposals.get(accepted.id());
    assertThat(placed.placedKey()).isEqualTo(meeting.key());
    assertThat(placed.placedItemNo()).isEqualTo(2);

    // the chair still approves the agenda; the approved agenda (DOCX) has the item
    meeting.approveAgenda(CHAIR);
    assertThat(Fixtures.docxText(documents.latest(meeting.key(), DocumentKind.AGENDA).orElseThrow().content()))
        .contains(title);

    // placed: no longer offered for another meeting
    MeetingScenario next = new MeetingScenario(engine);
    next.start("2027-01-20T14:30+07:00");
    assertThat(proposals.offered(next.key())).noneMatch(o -> o.proposal().id() == accepted.id());
  }

  @Test
  void aProposalReturnedWithRemarksIsAmendedAndResubmittedByItsProposerOnly() {
    ProcessInstance proposal = propose(MEMBER, fields("О реестре жизненных ситуаций " + unique(),
        DeputyArea.COORDINATION));
    meeting.completeRequestTask(proposal, COORDINATION_DEPUTY, Map.of(REVIEW_DECISION.name(), "RETURN",
        REVIEW_REMARKS.name(), "Уточните докладчика и приложите проект реестра"));
    Task amend = meeting.requestTask(proposal);
    assertThat(amend.getTaskDefinitionKey()).isEqualTo(Elements.AMEND);
    assertThat(amend.getAssignee()).isEqualTo(MEMBER);
    assertThat(engine.getTaskService().getVariable(amend.getId(), RETURN_REMARKS.name()))
        .isEqualTo("Уточните докладчика и приложите проект реестра");
    assertThat(proposalOf(proposal).state()).isEqualTo(State.RETURNED);

    // someone else cannot answer the remarks, even through the use case directly
    assertThatThrownBy(() -> proposals.amend(proposalOf(proposal).id(), "fedorov",
        AgendaProposals.Amendment.WITHDRAW, null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN))
        .hasMessageContaining("только тот, кто его внёс");

    String amendedTitle = "О реестре жизненных ситуаций (доработано) " + unique();
    Map<String, Object> amended = new HashMap<>(fields(amendedTitle, DeputyArea.COORDINATION));
    amended.put(SPEAKER.name(), "Новикова Н.Н., начальник отдела");
    amended.put(AMENDMENT.name(), "RESUBMIT");
    meeting.completeRequestTask(proposal, MEMBER, amended);
    assertThat(meeting.requestTask(proposal).getTaskDefinitionKey()).isEqualTo(Elements.REVIEW);
    Proposal resubmitted = proposalOf(proposal);
    assertThat(resubmitted.state()).isEqualTo(State.UNDER_REVIEW);
    assertThat(resubmitted.title()).isEqualTo(amendedTitle);
    assertThat(resubmitted.speaker()).isEqualTo("Новикова Н.Н., начальник отдела");

    meeting.completeRequestTask(proposal, COORDINATION_DEPUTY, Map.of(REVIEW_DECISION.name(), "ACCEPT"));
    assertThat(proposal).isEnded().hasPassed(Elements.ACCEPTED);
  }

  @Test
  void aProposalReturnedWithRemarksMayBeWithdrawnAndIsNeverOffered() {
    ProcessInstance proposal = propose(MEMBER, fields("О медиаплане " + unique(), DeputyArea.COORDINATION));
    meeting.completeRequestTask(proposal, COORDINATION_DEPUTY, Map.of(REVIEW_DECISION.name(), "RETURN",
        REVIEW_REMARKS.name(), "Вопрос уже рассматривался в октябре"));
    meeting.completeRequestTask(proposal, MEMBER, Map.of(AMENDMENT.name(), "WITHDRAW"));
    assertThat(proposal).isEnded().hasPassed(Elements.WITHDRAWN);
    assertThat(proposalOf(proposal).state()).isEqualTo(State.WITHDRAWN);
    meeting.start(MEETING);
    assertThat(proposals.offered(meeting.key())).noneMatch(o -> o.proposal().id() == proposalOf(proposal).id());
  }

  @Test
  void aRejectedProposalIsNotOfferedAndItsProposerIsToldTheReasonByMail() throws Exception {
    String title = "Об оценке клиентоцентричности " + unique();
    ProcessInstance proposal = propose(MEMBER, fields(title, DeputyArea.SERVICES));
    assertThatThrownBy(() -> meeting.completeRequestTask(proposal, "morozov", Map.of(REVIEW_DECISION.name(),
        "REJECT")))
        .hasMessageContaining("Укажите причину отклонения предложения");
    meeting.completeRequestTask(proposal, "morozov", Map.of(REVIEW_DECISION.name(), "REJECT",
        REVIEW_REMARKS.name(), "Не относится к задачам Рабочей группы (п. 3 Положения)"));
    assertThat(proposalOf(proposal).state()).isEqualTo(State.REJECTED);
    assertThat(proposal).isWaitingAt(Elements.NOTIFY_REJECTION);
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(proposal.getId()).singleResult().getId());
    assertThat(proposal).isEnded().hasPassed(Elements.REJECTED);

    assertThat(recipientsOfMailsContaining(title)).containsExactly(MEMBER + "@example.org");
    assertThat(mailsContaining(title).get(0)).contains("отклонено",
        "Не относится к задачам Рабочей группы (п. 3 Положения)", "Морозов Дмитрий Сергеевич");
    meeting.start(MEETING);
    assertThat(proposals.offered(meeting.key())).noneMatch(o -> o.proposal().id() == proposalOf(proposal).id());
  }

  @Test
  void onlyTheDeputyChairOfTheItemsAreaReviewsAProposal() {
    ProcessInstance proposal = propose(MEMBER, fields("О дорожной карте " + unique(), DeputyArea.DIGITAL));
    Task review = meeting.requestTask(proposal);
    // a member, or the deputy chair of another area, does not get the task
    for (String user : List.of("fedorov", "morozov")) {
      assertThat(meeting.as(user, () -> engine.getTaskService().createTaskQuery().taskId(review.getId()).count()))
          .as(user + " sees the review task").isZero();
      assertThatThrownBy(() -> meeting.as(user, () -> {
        engine.getTaskService().claim(review.getId(), user);
      })).as(user + " claims the review task").isInstanceOf(AuthorizationException.class);
    }
    // nor may he review through the use case (a hostile call that got past the task's authorization)
    long id = proposalOf(proposal).id();
    assertThatThrownBy(() -> proposals.review(id, "fedorov", Review.ACCEPT, null))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.FORBIDDEN))
        .hasMessageContaining("только заместитель председателя, курирующий направление");
    assertThat(proposals.get(id).state()).isEqualTo(State.UNDER_REVIEW);
    assertThat(proposal).isWaitingAt(Elements.REVIEW);
  }

  @Test
  void aProposalWithMissingOrTooLongFieldsIsRefusedInRussianAndNothingIsStored() {
    int before = proposalCount();
    long instancesBefore = instances();
    Map<String, Object> missing = new HashMap<>(fields("Коротко", DeputyArea.DIGITAL));
    missing.remove(TITLE.name());
    missing.put(DRAFT_DECISION.name(), "  ");
    missing.put(AREA.name(), "wg-chair");
    assertThatThrownBy(() -> propose(MEMBER, missing))
        .hasMessageContaining("Предложение в повестку не принято")
        .hasMessageContaining("укажите формулировку вопроса")
        .hasMessageContaining("изложите проект решения")
        .hasMessageContaining("выберите направление заместителя председателя");

    Map<String, Object> tooLong = new HashMap<>(fields("О стандарте " + "я".repeat(2000), DeputyArea.DIGITAL));
    assertThatThrownBy(() -> propose(MEMBER, tooLong))
        .hasMessageContaining("Поле «Формулировка вопроса»: не более 2000 символов");

    Map<String, Object> badType = new HashMap<>(fields("О стандарте клиентоцентричности", DeputyArea.DIGITAL));
    badType.put(ITEM_TYPE.name(), "DROP TABLE");
    assertThatThrownBy(() -> propose(MEMBER, badType)).hasMessageContaining("выберите вид вопроса из предложенных");

    // the information-policy department is not among those who propose
    assertThatThrownBy(() -> propose("egorova", fields("О публикации " + unique(), DeputyArea.DIGITAL)))
        .isInstanceOf(AuthorizationException.class);

    assertThat(proposalCount()).isEqualTo(before);
    assertThat(instances()).isEqualTo(instancesBefore);
  }

  @Test
  void theCutoffIsAnnouncedAtConfirmationAndALaterProposalIsOfferedMarkedOrGoesToTheNextMeeting() throws Exception {
    meeting.start(MEETING);
    LocalDate cutoff = proposals.cutoff(LocalDate.of(2026, 12, 16));
    assertThat(cutoff).isEqualTo(LocalDate.of(2026, 12, 4));
    meeting.confirmChairPresides();
    assertThat(meeting.instance).isWaitingAt(MeetingProcess.Elements.PREPARE_AGENDA);

    // the announcement is a job of its own: the members learn the date
    ProcessInstance announcement = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(AgendaProposalProcess.CUTOFF_KEY).processInstanceBusinessKey(meeting.key())
        .singleResult();
    engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
        .processInstanceId(announcement.getId()).singleResult().getId());
    assertThat(announcement).isEnded();
    List<String> told = recipientsOfMailsContaining("Предложения в повестку этого заседания принимаются до 4 декабря "
        + "2026 г. включительно");
    assertThat(told).contains("vasiliev@example.org", "sokolov@example.org", "kuznetsova@example.org");
    assertThat(told).doesNotContain("egorova@example.org");

    // accepted on the cut-off day (in time) and the working day after it (late)
    clockAt("2026-12-04T17:00+07:00");
    Proposal inTime = accept(propose(MEMBER, fields("В срок " + unique(), DeputyArea.DIGITAL)));
    clockAt("2026-12-07T10:00+07:00");
    Proposal late = accept(propose(MEMBER, fields("После срока " + unique(), DeputyArea.DIGITAL)));

    List<Offered> offered = proposals.offered(meeting.key());
    Offered first = offered.stream().filter(o -> o.proposal().id() == inTime.id()).findFirst().orElseThrow();
    Offered second = offered.stream().filter(o -> o.proposal().id() == late.id()).findFirst().orElseThrow();
    assertThat(first.late()).isFalse();
    assertThat(first.label()).doesNotContain("поступило после срока");
    assertThat(second.late()).isTrue();
    assertThat(second.label()).endsWith("(поступило после срока)");
    assertThat(offered.indexOf(first)).isLessThan(offered.indexOf(second));

    // the secretariat takes only the one in time; the late one is offered, in time, for the following meeting
    meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list(value(inTime))));
    assertThat(record.agenda(meeting.key())).extracting(AgendaItem::title).containsExactly(
        "Вопрос 1 о внедрении стандарта", inTime.title());
    MeetingScenario next = new MeetingScenario(engine);
    next.start("2027-01-20T14:30+07:00");
    assertThat(proposals.offered(next.key())).filteredOn(o -> o.proposal().id() == late.id())
        .singleElement().satisfies(o -> assertThat(o.late()).isFalse());
    assertThat(proposals.offered(next.key())).noneMatch(o -> o.proposal().id() == inTime.id());
  }

  @Test
  void theSecretariatMayTakeALateProposalAndTakesNothingThatWasNotOffered() {
    meeting.start(MEETING);
    clockAt("2026-12-07T10:00+07:00");
    Proposal late = accept(propose(MEMBER, fields("Срочный вопрос " + unique(), DeputyArea.DIGITAL)));
    Proposal pending = proposals.get(proposalIdOf(propose(MEMBER, fields("Не рассмотрено " + unique(),
        DeputyArea.DIGITAL))));
    meeting.confirmChairPresides();
    assertThat(meeting.variable(MeetingProcess.Elements.PREPARE_AGENDA, PROPOSAL_OPTIONS).toString())
        .contains(late.label()).contains("поступило после срока").doesNotContain(pending.label());

    assertThatThrownBy(() -> meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list(value(pending)))))
        .hasMessageContaining("Поле «Предложения в повестку»");
    assertThat(record.agenda(meeting.key())).isEmpty();
    assertThat(proposals.get(late.id()).placedKey()).isNull();

    meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list(value(late))));
    assertThat(proposals.get(late.id()).placedKey()).isEqualTo(meeting.key());
    assertThat(proposals.placedOn(meeting.key())).extracting(Proposal::id).containsExactly(late.id());
  }

  @Test
  void aReturnedAgendaShowsTheTakenProposalAndOneTakenOutOfTheAgendaGoesBackToThePool() {
    Proposal taken = accept(propose(MEMBER, fields("О стандарте обслуживания " + unique(), DeputyArea.DIGITAL)));
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list(value(taken))));
    meeting.complete(MeetingProcess.Elements.APPROVE_AGENDA, CHAIR, Map.of(
        MeetingProcess.Vars.AGENDA_DECISION.name(), "RETURN",
        MeetingProcess.Vars.AGENDA_REMARKS.name(), "Уберите вопрос о стандарте обслуживания"));

    // the agenda comes back with the proposal as its row, ticked
    assertThat(meeting.variable(MeetingProcess.Elements.PREPARE_AGENDA, AGENDA_ITEMS).toString())
        .contains(taken.title());
    assertThat(meeting.variable(MeetingProcess.Elements.PREPARE_AGENDA, AGENDA_PROPOSALS).toString())
        .contains("\"" + taken.id() + "\"");

    // taken out of the list and unticked: back in the pool, offered again
    meeting.complete(MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY, Map.of(
        AGENDA_ITEMS.name(), MeetingScenario.agenda(1), AGENDA_PROPOSALS.name(), list()));
    assertThat(record.agenda(meeting.key())).extracting(AgendaItem::title)
        .containsExactly("Вопрос 1 о внедрении стандарта");
    assertThat(proposals.get(taken.id()).placedKey()).isNull();
    MeetingScenario next = new MeetingScenario(engine);
    next.start("2027-01-20T14:30+07:00");
    assertThat(proposals.offered(next.key())).anyMatch(o -> o.proposal().id() == taken.id());
  }

  // ------------------------------------------------------------------------------------------------- helpers

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String value(Proposal p) {
    return Long.toString(p.id());
  }

  private static Map<String, Object> fields(String title, DeputyArea area) {
    return Map.of(TITLE.name(), title, ITEM_TYPE.name(), AgendaItemType.ASSESSMENT.name(),
        SPEAKER.name(), "Кузнецова Е.И., заместитель председателя", AREA.name(), area.groupId(),
        DRAFT_DECISION.name(), "Одобрить предложенный порядок и поручить секретариату подготовить проект",
        MATERIALS.name(), "https://example.org/proposal/materials.pdf");
  }

  private ProcessInstance propose(String user, Map<String, Object> values) {
    return meeting.startRequest(AgendaProposalProcess.KEY, user, values);
  }

  private Proposal accept(ProcessInstance proposal) {
    meeting.completeRequestTask(proposal, DIGITAL_DEPUTY, Map.of(REVIEW_DECISION.name(), "ACCEPT"));
    return proposalOf(proposal);
  }

  private long proposalIdOf(ProcessInstance proposal) {
    return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(proposal.getId()).variableName(AgendaProposalProcess.Vars.PROPOSAL_ID.name())
        .singleResult().getValue()).longValue();
  }

  private Proposal proposalOf(ProcessInstance proposal) {
    return proposals.get(proposalIdOf(proposal));
  }

  private int proposalCount() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM wg_agenda_proposal", Integer.class);
  }

  private long instances() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(AgendaProposalProcess.KEY).count();
  }

  private List<String> recipientsOfMailsContaining(String fragment) throws Exception {
    List<String> recipients = new ArrayList<>();
    for (MimeMessage message : messages()) {
      if (text(message).contains(fragment)) {
        for (Address address : message.getAllRecipients()) {
          recipients.add(((InternetAddress) address).getAddress());
        }
      }
    }
    return recipients;
  }

  private List<String> mailsContaining(String fragment) throws Exception {
    List<String> texts = new ArrayList<>();
    for (MimeMessage message : messages()) {
      String text = text(message);
      if (text.contains(fragment)) {
        texts.add(text);
      }
    }
    return texts;
  }

  private List<MimeMessage> messages() throws Exception {
    Path outbox = ((OutboxMailTransport) transport).directory();
    List<MimeMessage> messages = new ArrayList<>();
    if (!Files.isDirectory(outbox)) {
      return messages;
    }
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          messages.add(new MimeMessage(Session.getInstance(new Properties()), in));
        }
      }
    }
    return messages;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    StringBuilder text = new StringBuilder();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(text(multipart.getBodyPart(i)));
      }
    }
    return text.toString();
  }
}
