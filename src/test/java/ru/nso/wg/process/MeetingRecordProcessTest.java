package ru.nso.wg.process;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.PdfConformance;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.meeting.DeadlineOutcome;
import ru.nso.wg.meeting.MeetingData.DeadlineEvent;
import ru.nso.wg.meeting.MeetingData.Event;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.notification.Delivery;
import ru.nso.wg.notification.MailComposer;
import ru.nso.wg.notification.MailTransport;
import ru.nso.wg.notification.MeetingMessages;
import ru.nso.wg.notification.OutboxMailTransport;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.INFO_POLICY;
import static ru.nso.wg.process.MeetingScenario.ROSTER;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;

/**
 * What the record and the documents say is exact (issue 12, point 5), each test named as the rule it proves. "Today"
 * is Monday 30.11.2026; the meeting Wednesday 16.12.2026 14:30 (Novosibirsk): § 13 → 09.12.2026 18:00.
 */
class MeetingRecordProcessTest extends AbstractMeetingProcessTest {

  @Autowired DocumentStore documents;
  @Autowired MeetingDocuments meetingDocuments;
  @Autowired Delivery delivery;
  @Autowired MailTransport transport;

  private String minutesDraftText() {
    return Fixtures.docxText(documents.currentMinutes(meeting.key()).orElseThrow().content());
  }

  @Test
  void aTieDecidedByThePresidingVoteSaysSoInTheMinutes() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    // item 1: adopted by the majority of those present
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    // item 2: 4 : 4, nobody abstained, two members present did not vote: the presiding person settles it
    meeting.vote(ROSTER.subList(0, 4), ROSTER.subList(4, 8), List.of());
    meeting.complete(Elements.CONFIRM_OUTCOME, CHAIR, Map.of(CONFIRMED_OUTCOME.name(), "ADOPTED"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.CONFIRMED_BY_PRESIDING);
    assertThat(decision(2).ruleText()).doesNotContain("воздерж").contains("не голосовали — 2");
    meeting.executeJob(Elements.GENERATE_MINUTES);

    // the minutes print the rule sentence the record stored with the outcome, and nothing else
    String text = minutesDraftText();
    assertThat(text).contains(decision(1).ruleText(), decision(2).ruleText()).doesNotContain("при воздержавшихся");
  }

  @Test
  void aDissentingOpinionIsFiledOnlyOnAnItemWhereADecisionWasTaken() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    meeting.recordAttendance(ROSTER.subList(0, 8), List.of()); // exactly quorate
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    // before item 2 a member leaves: no quorum, nothing is decided on item 2
    meeting.vote(List.of(), List.of(), List.of(), List.of(ROSTER.get(7)),
        Map.of(DECISION_TEXT.name(), "Рассмотрение вопроса перенесено: нет кворума"));
    assertThat(decision(2).rule()).isEqualTo(DecisionRule.NO_QUORUM);

    assertThatThrownBy(() -> meeting.fileDissent(ROSTER.get(1), 2, "Не согласен с тем, что вопрос не рассмотрен"))
        .hasMessageContaining("решение не принималось").hasMessageContaining("п. 17");
    assertThat(record.dissents(meeting.key())).isEmpty();
    meeting.fileDissent(ROSTER.get(1), 1, "Не согласен с решением по первому вопросу повестки");
    assertThat(record.dissents(meeting.key())).hasSize(1);
  }

  @Test
  void workDoneAtTheDeadlineInstantIsInTime() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    // § 13: 09.12.2026 18:00 — the agenda goes to the chair at exactly that instant
    clockAt("2026-12-09T18:00+07:00");
    meeting.prepareAgenda(1);
    assertThat(record.deadlineEvents(meeting.key())).filteredOn(e -> e.kind() == DeadlineKind.AGENDA_TO_CHAIR)
        .extracting(DeadlineEvent::outcome).containsExactly(DeadlineOutcome.MET);
  }

  // ------------------------------------------------------------------------------------------------ § 19 (point 4)

  /** A meeting of one item held with ten present, adopted 8 : 2, its minutes signed at {@code signAt}. */
  private void holdAndSign(String signAt) {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    signAfterTheVote(signAt);
  }

  private void signAfterTheVote(String signAt) {
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    clockAt(signAt);
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    meeting.executeJob(Elements.START_DECISION_CONTROL);
  }

  private static Instant instant(String isoOffsetDateTime) {
    return OffsetDateTime.parse(isoOffsetDateTime).toInstant();
  }

  private String email(String userId) {
    return engine.getIdentityService().createUserQuery().userId(userId).singleResult().getEmail();
  }

  private List<String> deliveredTo(String kindPrefix) {
    return delivery.deliveredTo(meeting.key(), List.of(kindPrefix)).stream().map(Recipient::email).toList();
  }

  @Test
  void section19IsMetWhenTheCopiesAndThePublicationRequestHaveGoneOut() {
    holdAndSign("2026-12-23T10:00+07:00"); // § 19: 28.12.2026 18:00
    clockAt("2026-12-24T11:00+07:00");
    meeting.executeJob(Elements.SEND_MINUTES_COPIES);
    clockAt("2026-12-24T11:05+07:00");
    meeting.executeJob(Elements.REQUEST_PUBLICATION);
    // the step that records § 19 runs later: what counts is when the messages left (the delivery log)
    clockAt("2026-12-28T18:30+07:00");
    meeting.executeJob(Elements.RECORD_MINUTES_DISTRIBUTED);

    assertThat(record.deadlineEvents(meeting.key())).filteredOn(e -> e.kind() == DeadlineKind.MINUTES_COPIES_DUE)
        .singleElement().satisfies(e -> {
          assertThat(e.outcome()).isEqualTo(DeadlineOutcome.MET);
          assertThat(e.recordedAt().toInstant()).isEqualTo(instant("2026-12-24T11:05+07:00"));
        });
    // the § 19 timers covered only those steps: the publication still open is not the secretariat's breach
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(meeting.instance.getId())
        .activityId(Elements.COPIES_DEADLINE).count()).isZero();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(meeting.instance.getId())
        .activityId(Elements.COPIES_REMINDER).count()).isZero();
    assertThat(meeting.task(Elements.PUBLISH_MEETING_INFO)).isNotNull();
  }

  @Test
  void publicationIsAServiceLevelNotABreach() {
    holdAndSign("2026-12-23T10:00+07:00");
    clockAt("2026-12-23T11:00+07:00");
    meeting.executeJob(Elements.SEND_MINUTES_COPIES);
    meeting.executeJob(Elements.REQUEST_PUBLICATION);
    meeting.executeJob(Elements.RECORD_MINUTES_DISTRIBUTED);

    // requested on Wednesday 23.12: 2 working days → Friday 25.12.2026 18:00 (not § 19's 28.12), for wg-info-policy
    Task publish = meeting.task(Elements.PUBLISH_MEETING_INFO);
    assertThat(publish.getDueDate()).isEqualTo(Date.from(instant("2026-12-25T18:00+07:00")));
    assertThat(engine.getTaskService().getIdentityLinksForTask(publish.getId()))
        .anyMatch(l -> "wg-info-policy".equals(l.getGroupId()));
    assertThat((String) meeting.variable(Elements.PUBLISH_MEETING_INFO, PUBLICATION_DUE_TEXT))
        .contains("25.12.2026 18:00").contains("уровень обслуживания");

    // its own reminder (a working day before) and escalation, to the department
    assertThat(meeting.job(Elements.PUBLICATION_REMINDER).getDuedate())
        .isEqualTo(Date.from(instant("2026-12-24T18:00+07:00")));
    clockAt("2026-12-24T18:00+07:00");
    meeting.executeJob(Elements.PUBLICATION_REMINDER);
    meeting.executeJob(Elements.REMIND_PUBLICATION);
    assertThat(deliveredTo("service-reminder:publication")).containsExactly(email(INFO_POLICY));
    clockAt("2026-12-25T18:00+07:00");
    meeting.executeJob(Elements.PUBLICATION_OVERDUE);
    meeting.executeJob(Elements.ESCALATE_PUBLICATION);
    assertThat(deliveredTo("service-overdue:publication")).contains(email(INFO_POLICY), email(SECRETARY))
        .doesNotContain(email(CHAIR));

    clockAt("2026-12-28T10:00+07:00");
    meeting.complete(Elements.PUBLISH_MEETING_INFO, INFO_POLICY,
        Map.of(PUBLICATION_URL.name(), "https://www.nso.ru/news/2026-12-wg"));
    assertThat(meeting.instance).isEnded();
    assertThat(record.get(meeting.key()).status()).isEqualTo(MeetingStatus.PUBLISHED);
    // reported as a service level, never as a breach of the regulation
    assertThat(record.deadlineEvents(meeting.key())).extracting(DeadlineEvent::outcome)
        .containsOnly(DeadlineOutcome.MET);
    assertThat(record.events(meeting.key())).extracting(Event::kind).contains(MeetingEventKind.PUBLICATION_OVERDUE)
        .doesNotContain(MeetingEventKind.DEADLINE_MISSED);
  }

  @Test
  void copiesGoToTheRosterFrozenAtTheMeeting() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    IdentityService identity = engine.getIdentityService();
    User newcomer = identity.newUser("belova-r");
    newcomer.setFirstName("Ирина Олеговна");
    newcomer.setLastName("Белова");
    newcomer.setEmail("belova-r@example.org");
    identity.saveUser(newcomer);
    try {
      // after the meeting a new member joins the group: she was not a member of this meeting
      identity.createMembership("belova-r", "wg-members");
      signAfterTheVote("2026-12-23T10:00+07:00");
      meeting.executeJob(Elements.SEND_MINUTES_COPIES);
    } finally {
      identity.deleteUser("belova-r");
    }
    assertThat(deliveredTo("minutes-copy")).contains(email(CHAIR), email(ROSTER.get(14)), "ivanov@example.org")
        .doesNotContain("belova-r@example.org");
  }

  @Test
  void theMinutesToSignArePdfAMadeOncePerEditionAndAreTheSignedEditionAfterSigning() {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);

    StoredDocument first = meetingDocuments.minutesToSign(meeting.key());
    assertThat(first.kind()).isEqualTo(DocumentKind.MINUTES_PDF);
    assertThat(first.contentType()).isEqualTo("application/pdf");
    assertThat(first.fileName()).endsWith(".pdf");
    assertThat(PdfConformance.violations(first.content())).isEmpty();
    assertThat(PdfConformance.text(first.content())).contains("ПРОТОКОЛ", "Одобрить предложенный проект")
        .doesNotContain("ОСОБЫЕ МНЕНИЯ");
    // every download of one edition: the same stored bytes
    StoredDocument again = meetingDocuments.minutesToSign(meeting.key());
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.content()).isEqualTo(first.content());

    // a dissenting opinion makes a new edition, and so a new PDF with it
    meeting.fileDissent(ROSTER.get(8), 1, "Возражаю против решения: нужна оценка затрат.");
    StoredDocument second = meetingDocuments.minutesToSign(meeting.key());
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(PdfConformance.text(second.content())).contains("Приложение: особые мнения на 1 л. в 1 экз.",
        "Возражаю против решения: нужна оценка затрат.");

    clockAt("2026-12-23T10:00+07:00");
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    // signed: the PDF to sign is still the one of the edition that was signed
    assertThat(meetingDocuments.minutesToSign(meeting.key()).id()).isEqualTo(second.id());
  }

  @Test
  void theCopiesInTheOutboxAreCertifiedPdfANeverAnEditableDocx() throws Exception {
    meeting.start(MEETING);
    meeting.prepareAndHold(1, MEETING);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    signAfterTheVote("2026-12-23T10:00+07:00");
    meeting.executeJob(Elements.SEND_MINUTES_COPIES);

    List<MimeMessage> copies = outboxMails(meeting.key(), MeetingMessages.MINUTES_COPY);
    assertThat(copies).isNotEmpty();
    for (MimeMessage copy : copies) {
      List<Part> attachments = attachments(copy);
      assertThat(attachments).hasSize(1);
      assertThat(attachments.get(0).isMimeType("application/pdf")).isTrue();
      assertThat(attachments.get(0).getFileName()).startsWith("Копия Протокол").endsWith(".pdf");
      byte[] pdf;
      try (InputStream in = attachments.get(0).getInputStream()) {
        pdf = in.readAllBytes();
      }
      assertThat(PdfConformance.violations(pdf)).isEmpty();
      assertThat(PdfConformance.text(pdf)).contains("ПРОТОКОЛ", "РЕШИЛИ:", "Голосовали: за – 8",
          "Верно", "Секретарь Рабочей группы", "23.12.2026");
    }
    assertThat(documents.latest(meeting.key(), DocumentKind.MINUTES_COPY)).isPresent();
  }

  @Test
  void thePublicVersionLeavesOutTheItemNotForPublicationTheDissentAndWhoIsNotAnOfficial() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    String item2 = "{\"title\":\"О кадровом резерве департамента\",\"itemType\":\"STANDARD\","
        + "\"speaker\":\"Иванов Иван Иванович, эксперт АНО «Центр»\",\"materials\":\"https://example.org/m/2.pdf\","
        + "\"area\":\"wg-area-coordination\",\"notForPublication\":true";
    String item1 = "{\"title\":\"О внедрении стандарта клиентоцентричности\",\"itemType\":\"STANDARD\","
        + "\"speaker\":\"Петров Пётр Петрович, директор АНО «Центр»\",\"materials\":\"https://example.org/m/1.pdf\","
        + "\"area\":\"wg-area-coordination\"}";
    // the flag without its reason is refused, nothing saved
    assertThatThrownBy(() -> meeting.complete(Elements.PREPARE_AGENDA, SECRETARY,
        Map.of(AGENDA_ITEMS.name(), MeetingScenario.json("[" + item1 + "," + item2 + "}]"))))
        .hasMessageContaining("Вопрос № 2: отмечен «не для опубликования», но не указана причина");
    assertThat(record.agenda(meeting.key())).isEmpty();
    meeting.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(), MeetingScenario.json(
        "[" + item1 + "," + item2 + ",\"notForPublicationReason\":\"Персональные данные кандидатов\"}]")));
    assertThat(record.agenda(meeting.key())).extracting(a -> a.notForPublication(), a -> a.notForPublicationReason())
        .containsExactly(tuple(false, null),
            tuple(true, "Персональные данные кандидатов"));
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(TEN_PRESENT, List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.vote(ROSTER.subList(0, 8), ROSTER.subList(8, 10), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    meeting.fileDissent(ROSTER.get(8), 1, "Возражаю: стандарт не согласован с муниципалитетами.");
    clockAt("2026-12-23T10:00+07:00");
    meeting.finishMinutes();
    meeting.sign(CHAIR);
    meeting.executeJob(Elements.START_DECISION_CONTROL);
    meeting.executeJob(Elements.SEND_MINUTES_COPIES);
    meeting.executeJob(Elements.REQUEST_PUBLICATION);

    List<MimeMessage> requests = outboxMails(meeting.key(), MeetingMessages.PUBLICATION_REQUEST);
    assertThat(requests).isNotEmpty();
    List<Part> attachments = attachments(requests.get(0));
    assertThat(attachments).extracting(Part::getContentType).allSatisfy(type -> assertThat(type)
        .containsAnyOf("text/html", "application/pdf").doesNotContain("wordprocessingml"));
    assertThat(attachments).hasSize(2);
    String html;
    byte[] pdf;
    try (InputStream in = attachments.get(0).getInputStream()) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (InputStream in = attachments.get(1).getInputStream()) {
      pdf = in.readAllBytes();
    }
    String pdfText = PdfConformance.text(pdf);
    assertThat(PdfConformance.violations(pdf)).isEmpty();
    for (String published : List.of(html, pdfText)) {
      assertThat(published).contains("О внедрении стандарта клиентоцентричности", "Одобрить предложенный проект",
          "Голосовали: за – 8, против – 2", "Особое мнение приложено к протоколу.");
      assertThat(published).doesNotContain("О кадровом резерве", "Персональные данные кандидатов",
          "не согласован с муниципалитетами", "Петров", "Иванов Иван", "Выступили члены Рабочей группы");
    }
    assertThat(html).doesNotContain("<script", "style=", "class=", "<html");
    assertThat(text(requests.get(0))).doesNotContain("О кадровом резерве");
  }

  // ------------------------------------------------------------------------------------------------ point 5

  @Test
  void theReferenceMaterialsAreDeliveredWithTheAgendaAndTheInviteesNotice() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    String reference = "https://example.org/reference/" + meeting.key() + ".pdf";
    meeting.complete(Elements.DISTRIBUTE_AGENDA, SECRETARY, Map.of(REFERENCE_MATERIALS.name(),
        "Справка о ходе внедрения стандарта: " + reference, MATERIALS_READY.name(), true));
    meeting.executeJob(Elements.SEND_AGENDA);

    // § 14(3): the members' agenda mail and the invitees' notice carry them
    assertThat(recipientsOfMailsContaining(reference)).contains(email(CHAIR), "ivanov@example.org");
  }

  @Test
  void theSecretaryInTheMinutesIsTheOneDesignatedAtConfirmation() {
    meeting.start(MEETING);
    // the form offers the configured secretary; the chair may name another of the secretariat, not anyone
    assertThat(meeting.variable(Elements.CONFIRM_MEETING, MEETING_SECRETARY)).isEqualTo(SECRETARY);
    assertThatThrownBy(() -> meeting.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of(PRESIDING_MODE.name(), "SELF",
        MEETING_SECRETARY.name(), "makarov"))).hasMessageContaining("Секретарь заседания");
    meeting.complete(Elements.CONFIRM_MEETING, CHAIR, Map.of(PRESIDING_MODE.name(), "SELF",
        MEETING_SECRETARY.name(), "popov"));
    meeting.prepareAgenda(1);
    meeting.approveAgenda(CHAIR);
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    clockAt(MEETING);
    meeting.executeJob(Elements.MEETING_TIME);
    meeting.recordAttendance(TEN_PRESENT, List.of()); // registered by smirnova
    assertThat(record.get(meeting.key()).secretaryUserId()).isEqualTo("popov");
    meeting.vote(ROSTER.subList(0, 8), List.of(), List.of());
    meeting.executeJob(Elements.GENERATE_MINUTES);
    assertThat(minutesDraftText()).contains("Секретарь: Попов Роман Ильич").doesNotContain("Смирнова Юлия");
  }

  @Test
  void theApprovedAgendaCarriesItsApproval() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    clockAt("2026-12-02T15:20+07:00");
    meeting.approveAgenda(CHAIR);
    String text = Fixtures.docxText(documents.latest(meeting.key(), DocumentKind.AGENDA).orElseThrow().content());
    assertThat(text).contains("УТВЕРЖДАЮ", "А.В. Соколов", "утверждено в электронной форме 02.12.2026 15:20")
        .doesNotContain("«___»");
  }

  @Test
  void theApprovedAgendaIsStoredAsPdfAAndTheMembersGetItWithTheDocx() throws Exception {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.prepareAgenda(1);
    clockAt("2026-12-02T15:20+07:00");
    meeting.approveAgenda(CHAIR);
    byte[] pdf = documents.latest(meeting.key(), DocumentKind.AGENDA_PDF).orElseThrow().content();
    assertThat(PdfConformance.violations(pdf)).isEmpty();
    assertThat(PdfConformance.text(pdf)).contains("УТВЕРЖДАЮ", "А.В. Соколов",
        "утверждено в электронной форме 02.12.2026 15:20", "ПОВЕСТКА", "Вопрос 1 о внедрении стандарта");
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);

    List<MimeMessage> agendas = outboxMails(meeting.key(), "agenda#0");
    assertThat(agendas).isNotEmpty();
    assertThat(attachments(agendas.get(0))).extracting(Part::getFileName)
        .anySatisfy(name -> assertThat(name).startsWith("Повестка заседания").endsWith("16.12.2026.pdf"))
        .anySatisfy(name -> assertThat(name).startsWith("Повестка заседания").endsWith("16.12.2026.docx"));
  }

  /** The outbox's messages of one kind for one meeting. */
  private List<MimeMessage> outboxMails(String key, String kind) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(((OutboxMailTransport) transport).directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
          if (key.equals(message.getHeader(MailComposer.HEADER_MEETING, null))
              && kind.equals(message.getHeader(MailComposer.HEADER_KIND, null))) {
            found.add(message);
          }
        }
      }
    }
    return found;
  }

  private static List<Part> attachments(Part part) throws Exception {
    List<Part> found = new ArrayList<>();
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      found.add(part);
    } else if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        found.addAll(attachments(multipart.getBodyPart(i)));
      }
    }
    return found;
  }

  /** The addresses of the outbox's messages whose text contains {@code fragment}. */
  private List<String> recipientsOfMailsContaining(String fragment) throws Exception {
    Path outbox = ((OutboxMailTransport) transport).directory();
    List<String> recipients = new ArrayList<>();
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
          message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        if (text(message).contains(fragment)) {
          for (Address address : message.getAllRecipients()) {
            recipients.add(((InternetAddress) address).getAddress());
          }
        }
      }
    }
    return recipients;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/*")) {
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
