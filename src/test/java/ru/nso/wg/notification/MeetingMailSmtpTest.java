package ru.nso.wg.notification;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.nso.wg.document.Certification;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentService;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.Fixtures;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.document.MeetingDocuments.PublicVersion;
import ru.nso.wg.document.PdfConformance;
import ru.nso.wg.document.PdfDocuments;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.Presence;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeetingMailSmtpTest extends MailTestSupport {

  @Autowired
  MeetingMessages notifications;
  @Autowired
  IdentityService identityService;
  @Autowired
  DocumentService documents;
  @Autowired
  DocumentStore store;
  @Autowired
  PdfDocuments pdf;
  @Autowired
  DeliveryLog deliveryLog;

  @BeforeEach
  void membersWithoutAddresses() {
    addMember("gap-noemail", "Безадресный", "Иван Иванович", null);
    addMember("gap-bademail", "Ошибкин", "Пётр Петрович", "not an address");
  }

  private void addMember(String id, String last, String first, String email) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setLastName(last);
    user.setFirstName(first);
    user.setEmail(email);
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(id, RosterGroups.MEMBERS);
  }

  /** The roster as the record froze it at the meeting: here, the group's members now. */
  private List<Attendee> frozenRoster() {
    return identityService.createUserQuery().memberOfGroup(RosterGroups.MEMBERS).list().stream()
        .map(u -> new Attendee(u.getId(), u.getLastName() + " " + u.getFirstName(), null, null, Roster.Role.MEMBER,
            Presence.IN_PERSON, null)).toList();
  }

  private Set<String> addressesOf(String group) {
    return identityService.createUserQuery().memberOfGroup(group).list().stream()
        .map(User::getEmail).filter(e -> e != null && e.contains("@")).map(e -> e.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  @Test
  void agendaGoesToEveryMemberWithAgendaDocxAndCalendarRequest() throws Exception {
    MeetingInfo meeting = Fixtures.meeting("2026-10", 0);
    DeliveryResult result = notifications.distributeAgenda(meeting, null, REFERENCE);

    Set<String> members = addressesOf(RosterGroups.MEMBERS);
    assertThat(members).hasSizeGreaterThanOrEqualTo(15).contains("sokolov@example.org", "vasiliev@example.org");
    List<MimeMessage> messages = received("2026-10", "agenda#0");
    assertThat(recipients(messages)).containsExactlyInAnyOrderElementsOf(members);
    assertThat(result.sent()).hasSize(members.size());
    assertThat(result.gapTexts()).containsExactlyInAnyOrder(
        "Безадресный Иван Иванович (gap-noemail): не указан адрес электронной почты",
        "Ошибкин Пётр Петрович (gap-bademail): некорректный адрес электронной почты «not an address»");

    MimeMessage m = messages.stream().filter(x -> {
      try {
        return to(x).equals("vasiliev@example.org");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    assertThat(m.getSubject()).isEqualTo("Повестка: заседание Рабочей группы № 3 от 13 мая 2026 г., "
        + "начало в 10:00 (время новосибирское)");
    assertThat(m.getFrom()[0].toString()).contains("wg-secretariat@example.org");
    // the same Message-ID on every attempt: a duplicate in the crash window is recognisable by mail clients
    assertThat(m.getMessageID()).isEqualTo(MailComposer.messageId("2026-10", "agenda#0", "vasiliev@example.org"));
    assertThat(m.getContentType()).startsWith("multipart/mixed");
    assertThat(text(part(m, "text/plain", false))).contains("Добрый день, Павел Андреевич!",
        "1. Об утверждении регионального стандарта клиентоцентричности",
        "Материал: Проект стандарта — https://docs.example.org/standard.pdf", "(п. 14 Положения)");
    String html = text(part(m, "text/html", false));
    assertThat(html).contains("<a href=\"https://docs.example.org/standard.pdf\">Проект стандарта</a>",
        "Добрый день, Павел Андреевич!").doesNotContain("${");

    Part docx = part(m, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true);
    assertThat(docx.getFileName()).isEqualTo("Повестка заседания № 3 от 13.05.2026.docx");
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes(docx)));
         XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      assertThat(extractor.getText()).contains("ПОВЕСТКА", "О медиаплане на 2026 год");
    }
    Part icsAttachment = part(m, "text/calendar", true);
    assertThat(icsAttachment.getFileName()).isEqualTo("invite.ics");
    assertThat(icsAttachment.getContentType()).contains("method=REQUEST");
    assertThat(part(m, "text/calendar", false).getContentType()).contains("method=REQUEST");

    Calendar ics = calendar(m);
    assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("2026-10@wg-meetings");
    assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("0");
    Property dtStart = event.getProperty(Property.DTSTART).orElseThrow();
    assertThat(dtStart.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Novosibirsk");
    assertThat(dtStart.getValue()).isEqualTo("20260513T100000");
    assertThat(event.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20260513T120000");
    assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).contains("Красный проспект, 18");
    assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue())
        .isEqualTo("mailto:wg-secretariat@example.org");
    List<Property> attendees = event.getProperties(Property.ATTENDEE);
    assertThat(attendees.stream().map(Property::getValue).toList()).containsExactly("mailto:vasiliev@example.org");
    VTimeZone timeZone = (VTimeZone) ics.getComponent("VTIMEZONE").orElseThrow();
    assertThat(timeZone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Novosibirsk");
  }

  @Autowired
  FaultInjectingTransport faults;

  @AfterEach
  void heal() {
    faults.heal();
  }

  @Test
  void anAddressTheServerRejectsForGoodIsAGapAndTheOthersAreSent() throws Exception {
    faults.reject("vasiliev@example.org");
    DeliveryResult result = notifications.distributeAgenda(Fixtures.meeting("smtp-rejected", 0), null, REFERENCE);

    assertThat(result.gapTexts()).anyMatch(t -> t.contains("vasiliev@example.org") && t.contains("отклонил")
        && t.contains("550"));
    assertThat(result.sent()).extracting(Recipient::email).doesNotContain("vasiliev@example.org").isNotEmpty();
    assertThat(received("smtp-rejected", "agenda#0")).hasSize(result.sent().size());
    assertThat(deliveryLog.isDelivered("smtp-rejected", "agenda#0", "vasiliev@example.org")).isFalse();
  }

  @Test
  void aSecondCallSendsNothingAgain() throws Exception {
    MeetingInfo meeting = Fixtures.meeting("2026-11", 0);
    DeliveryResult first = notifications.distributeAgenda(meeting, null, REFERENCE);
    DeliveryResult second = notifications.distributeAgenda(meeting, null, REFERENCE);

    assertThat(second.sent()).isEmpty();
    assertThat(second.alreadySent()).hasSize(first.sent().size());
    assertThat(second.gaps()).hasSize(first.gaps().size());
    assertThat(received("2026-11", "agenda#0")).hasSize(first.sent().size());
    assertThat(deliveryLog.count("2026-11", "agenda#0")).isEqualTo(first.sent().size());
  }

  @Test
  void inviteesGetANoticeAndTheOneWithoutAddressIsAGap() throws Exception {
    DeliveryResult result = notifications.notifyInvitees(Fixtures.meeting("2026-12", 0), REFERENCE);

    List<MimeMessage> messages = received("2026-12", "invitation#0");
    assertThat(recipients(messages)).containsExactly("petrov@example.com");
    assertThat(messages.get(0).getSubject()).startsWith("Приглашение: заседание Рабочей группы № 3");
    assertThat(text(part(messages.get(0), "text/plain", false))).contains("Добрый день, Пётр Петрович!",
        "Информационно-справочные материалы (п. 14 Положения):", "https://example.org/reference.pdf");
    assertThat(calendar(messages.get(0)).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(result.gapTexts()).containsExactly("Сидорова Анна Ивановна: не указан адрес электронной почты");
  }

  @Test
  void postponementUpdatesTheSameEventWithAHigherSequenceForEveryoneInvited() throws Exception {
    notifications.distributeAgenda(Fixtures.meeting("2026-13", 0), null, REFERENCE);
    notifications.notifyInvitees(Fixtures.meeting("2026-13", 0), REFERENCE);
    ZonedDateTime newStart = Fixtures.START.plusDays(7).withHour(15);

    DeliveryResult result = notifications.notifyPostponement(Fixtures.meeting("2026-13", 1, newStart),
        Fixtures.START, "Совпадение с заседанием Правительства", null);

    Set<String> expected = new HashSet<>(addressesOf(RosterGroups.MEMBERS));
    expected.add("petrov@example.com");
    List<MimeMessage> messages = received("2026-13", "postponement#1");
    assertThat(recipients(messages)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.gaps()).isEmpty();
    MimeMessage m = messages.get(0);
    assertThat(text(part(m, "text/plain", false))).contains("13 мая 2026 г. в 10:00",
        "перенесено на 20 мая 2026 г. в 15:00", "Причина переноса: Совпадение с заседанием Правительства");
    VEvent event = (VEvent) calendar(m).getComponent("VEVENT").orElseThrow();
    assertThat(calendar(m).getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("2026-13@wg-meetings");
    assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
    assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260520T150000");
  }

  @Test
  void cancellationCancelsTheEventWithTheReason() throws Exception {
    notifications.notifyInvitees(Fixtures.meeting("2026-14", 0), REFERENCE);

    notifications.notifyCancellation(Fixtures.meeting("2026-14", 0), "Решение председателя Рабочей группы");

    List<MimeMessage> messages = received("2026-14", "cancellation");
    assertThat(recipients(messages)).containsExactly("petrov@example.com");
    MimeMessage m = messages.get(0);
    assertThat(m.getSubject()).startsWith("Отмена: заседание Рабочей группы № 3");
    assertThat(text(part(m, "text/plain", false)))
        .contains("отменено", "Причина отмены: Решение председателя Рабочей группы");
    assertThat(part(m, "text/calendar", false).getContentType()).contains("method=CANCEL");
    Calendar ics = calendar(m);
    assertThat(ics.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
    VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    assertThat(event.getProperty(Property.UID).orElseThrow().getValue()).isEqualTo("2026-14@wg-meetings");
    assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(event.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
  }

  @Test
  void escalationGoesToTheResponsibleGroupAndTheChairReminderOnlyToTheGroup() throws Exception {
    DeadlineNotice notice = new DeadlineNotice("2026-15", Fixtures.meeting("2026-15", 0).title(), "agenda",
        "Подготовка повестки заседания", "п. 13 Положения", Fixtures.START.minusDays(7),
        RosterGroups.SECRETARIAT, null);

    notifications.escalate(notice);
    notifications.remind(notice);
    notifications.escalate(notice);

    List<MimeMessage> escalations = received("2026-15", MeetingMessages.escalationKind(notice));
    // the group wg-chair: the chair and the head of his office (demo user zaitseva)
    assertThat(recipients(escalations)).containsExactlyInAnyOrder(
        "smirnova@example.org", "popov@example.org", "sokolov@example.org", "zaitseva@example.org");
    assertThat(escalations.get(0).getSubject()).isEqualTo(
        "Нарушен срок: Подготовка повестки заседания (п. 13 Положения) — заседание Рабочей группы № 3"
            + " от 13 мая 2026 г.");
    assertThat(text(part(escalations.get(0), "text/plain", false))).contains(
        "Срок: 6 мая 2026 г. в 10:00",
        "Ответственные: Департамент организации управления и государственной гражданской службы");
    assertThat(recipients(received("2026-15", MeetingMessages.reminderKind(notice))))
        .containsExactlyInAnyOrder("smirnova@example.org", "popov@example.org");
  }

  @Test
  void signedMinutesGoToMembersAndInviteesAndThePublicationRequestToInformationPolicy() throws Exception {
    String key = "2026-16";
    assertThatThrownBy(() -> notifications.sendMinutesCopies(Fixtures.meeting(key, 0), frozenRoster(), null))
        .isInstanceOf(NotificationException.class).hasMessageContaining("ещё не подписан");
    documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova");
    StoredDocument signed = store.sign(key, "lebedeva", "Протокол № 16-2026 от 13.05.2026.docx");
    StoredDocument copy = store.saveMadeFrom(signed, DocumentKind.MINUTES_COPY, "Копия Протокол № 16-2026.pdf",
        "application/pdf", pdf.minutes(Fixtures.minutes(key), null,
            new Certification("Ю.С. Смирнова", "Секретарь Рабочей группы", LocalDate.of(2026, 5, 20))), "system");

    DeliveryResult copies = notifications.sendMinutesCopies(Fixtures.meeting(key, 0), frozenRoster(), copy);
    PublicVersion publicVersion = new PublicVersion(
        store.saveMadeFrom(signed, DocumentKind.PUBLIC_HTML, "Публичная версия.html", MeetingDocuments.PUBLIC_HTML_TYPE,
            pdf.publicHtml(Fixtures.minutes(key), Set.of()).getBytes(StandardCharsets.UTF_8), "system"),
        store.saveMadeFrom(signed, DocumentKind.PUBLIC_PDF, "Публичная версия.pdf", "application/pdf",
            pdf.publicPdf(Fixtures.minutes(key), Set.of()), "system"));
    DeliveryResult publication = notifications.requestPublication(Fixtures.minutes(key), publicVersion);

    Set<String> expected = new HashSet<>(addressesOf(RosterGroups.MEMBERS));
    expected.add("petrov@example.com");
    List<MimeMessage> messages = received(key, "minutes-copy");
    assertThat(recipients(messages)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(copies.gapTexts()).contains("Сидорова Анна Ивановна: не указан адрес электронной почты");
    // the certified copy (PDF/A with «Верно»), never the editable DOCX
    Part attachment = part(messages.get(0), "application/pdf", true);
    assertThat(attachment.getFileName()).isEqualTo(copy.fileName());
    assertThat(DocumentStore.sha256(bytes(attachment))).isEqualTo(copy.sha256());
    assertThat(PdfConformance.text(bytes(attachment))).contains("Верно", "Ю.С. Смирнова", "20.05.2026");
    assertThat(text(part(messages.get(0), "text/plain", false))).contains("(п. 19 Положения)", signed.sha256());

    assertThat(recipients(received(key, "publication-request"))).containsExactly("egorova@example.org");
    assertThat(publication.sent()).hasSize(1);
    MimeMessage request = received(key, "publication-request").get(0);
    assertThat(text(part(request, "text/plain", false))).contains(
        "официальном сайте Правительства Новосибирской области",
        "1. Об утверждении регионального стандарта клиентоцентричности", "Решение принято.");
    // the public version (HTML to paste, PDF/A), not the signed minutes with names and opinions
    assertThat(part(request, "text/html", true).getFileName()).isEqualTo("Публичная версия.html");
    assertThat(part(request, "application/pdf", true).getFileName()).isEqualTo("Публичная версия.pdf");
    assertThat(text(part(request, "text/plain", false))).contains("Приложена публичная версия протокола");
  }
}
