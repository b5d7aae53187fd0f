package ru.nso.wg.process;

import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import ru.nso.wg.document.DocumentKind;
import ru.nso.wg.document.DocumentStore;
import ru.nso.wg.document.MaterialFilesTest;
import ru.nso.wg.document.MaterialStore;
import ru.nso.wg.document.MaterialStore.MaterialFile;
import ru.nso.wg.notification.MailTransport;
import ru.nso.wg.notification.OutboxMailTransport;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static ru.nso.wg.process.MeetingProcess.Vars.*;
import static ru.nso.wg.process.MeetingScenario.CHAIR;
import static ru.nso.wg.process.MeetingScenario.SECRETARY;
import static ru.nso.wg.process.MeetingScenario.clockAt;
import static ru.nso.wg.process.MeetingScenario.json;

/**
 * The speakers' materials (issue 16, point 2): an outside speaker uploads through the link in the e-mail, a member in
 * the Tasklist task; the materials deadline (2 working days before § 13's: Monday 07.12.2026 18:00 for the meeting
 * of 16.12.2026) reminds, marks what did not come and tells the secretariat; bad links and bad files are refused
 * with a Russian message and nothing stored.
 */
@AutoConfigureMockMvc
class MaterialsProcessTest extends AbstractMeetingProcessTest {

  static final String OUTSIDE = "speaker.outside@example.org";
  static final String MEMBER = "vasiliev";
  static final String AFTER_DEADLINE = "2026-12-07T18:00:01+07:00";
  static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/materials/[A-Za-z0-9_-]{43})");

  @Autowired MockMvc mvc;
  @Autowired MailTransport transport;
  @Autowired MaterialStore materials;
  @Autowired DocumentStore documents;
  @Autowired JdbcTemplate jdbc;

  /** Item 1 by an outside speaker, item 2 by a member, item 3 with materials the secretariat typed. */
  void agendaWithSpeakers() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    meeting.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(), json("["
        + item("Вопрос 1 о стандарте клиентоцентричности", "Иванов И.И., АНО «Центр»", OUTSIDE, "") + ","
        + item("Вопрос 2 о реестре жизненных ситуаций", "Васильев В.В.", MEMBER, "") + ","
        + item("Вопрос 3 о медиаплане", "Лебедева О.Н.", "", "https://example.org/plan.pdf") + "]")));
    requestJobs().forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  static String item(String title, String speaker, String contact, String typed) {
    return "{\"title\":\"" + title + "\",\"itemType\":\"STANDARD\",\"speaker\":\"" + speaker + "\","
        + "\"speakerContact\":\"" + contact + "\",\"materials\":\"" + typed + "\",\"area\":\"wg-area-coordination\"}";
  }

  List<Job> requestJobs() {
    return engine.getManagementService().createJobQuery().processInstanceId(meeting.instance.getId())
        .activityId(Elements.REQUEST_MATERIALS).list();
  }

  int stored() {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM wg_material WHERE meeting_key = ?", Integer.class,
        meeting.key());
    return count == null ? 0 : count;
  }

  @Test
  void anOutsideSpeakerUploadsThroughTheLinkInTheMailAndTheFileIsStoredAndListedInTheAgenda() throws Exception {
    agendaWithSpeakers();
    assertThat(requestJobs()).isEmpty();
    String path = linkIn(mailsTo(OUTSIDE, "Материалы к вопросу 1").get(0));

    String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Материалы к вопросу № 1").contains("Вопрос 1 о стандарте клиентоцентричности")
        .contains("не позднее 07.12.2026 18:00");

    byte[] pdf = MaterialFilesTest.pdf();
    MvcResult uploaded = mvc.perform(multipart(path).file(new MockMultipartFile("file", "Доклад Иванова.pdf",
        "application/pdf", pdf))).andReturn();
    assertThat(uploaded.getResponse().getStatus()).isEqualTo(201);
    assertThat(uploaded.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("Файл «Доклад Иванова.pdf» принят").contains(DocumentStore.sha256(pdf));
    // a second file through the same link: the link is multi-use until the deadline
    mvc.perform(multipart(path).file(new MockMultipartFile("file", "Справка.docx", "x", MaterialFilesTest.docx())));

    List<MaterialFile> files = materials.ofItem(meeting.key(), 1);
    assertThat(files).extracting(MaterialFile::fileName).containsExactly("Доклад Иванова.pdf", "Справка.docx");
    assertThat(files.get(0).sha256()).isEqualTo(DocumentStore.sha256(pdf));
    assertThat(files.get(0).uploadedBy()).isEqualTo(OUTSIDE + " (внешний докладчик)");
    assertThat(materials.file(meeting.key(), files.get(0).documentId()).orElseThrow().content()).isEqualTo(pdf);

    // the member speaker's task, assigned to them; completing it with nothing uploaded is refused
    Task task = meeting.task(Elements.SUBMIT_MATERIALS);
    assertThat(task.getAssignee()).isEqualTo(MEMBER);
    assertThat(task.getName()).isEqualTo("Представить материалы к вопросу 2");
    assertThat(engine.getTaskService().getVariable(task.getId(), MATERIALS_UPLOAD_URL.name()))
        .isEqualTo("/api/meetings/" + meeting.key() + "/materials/2/upload");
    assertThatThrownBy(() -> meeting.complete(Elements.SUBMIT_MATERIALS, MEMBER, Map.of()))
        .hasMessageContaining("не загружено ни одного файла");
    MvcResult byMember = mvc.perform(multipart("/api/meetings/" + meeting.key() + "/materials/2")
        .file(new MockMultipartFile("file", "Реестр.pdf", "application/pdf", pdf))
        .header("Authorization", basic(MEMBER))).andReturn();
    assertThat(byMember.getResponse().getStatus()).isEqualTo(201);
    MvcResult foreignMember = mvc.perform(multipart("/api/meetings/" + meeting.key() + "/materials/2")
        .file(new MockMultipartFile("file", "Чужое.pdf", "application/pdf", pdf))
        .header("Authorization", basic("novikova"))).andReturn();
    assertThat(foreignMember.getResponse().getStatus()).isEqualTo(403);
    meeting.complete(Elements.SUBMIT_MATERIALS, MEMBER, Map.of());

    // the chair approves as today; the approved agenda lists every item's materials by file name
    meeting.approveAgenda(CHAIR);
    String agenda = documentText(documents.latest(meeting.key(), DocumentKind.AGENDA).orElseThrow().content());
    assertThat(agenda).contains("Доклад Иванова.pdf").contains("Справка.docx").contains("Реестр.pdf")
        .contains("https://example.org/plan.pdf").doesNotContain("материалы не представлены");

    // § 14: the members' agenda mail carries the materials (small enough to attach: the default 10 MB)
    meeting.distributeAgenda();
    meeting.executeJob(Elements.SEND_AGENDA);
    assertThat(attachmentsOfMailsTo("lebedeva@example.org", "Повестка")).contains("Вопрос 1 — Доклад Иванова.pdf",
        "Вопрос 1 — Справка.docx", "Вопрос 2 — Реестр.pdf");
  }

  /** The attachments' file names of this meeting's messages to {@code address} whose subject contains a text. */
  List<String> attachmentsOfMailsTo(String address, String subject) throws Exception {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(((OutboxMailTransport) transport).directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
          message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        boolean toAddress = false;
        for (Address a : message.getAllRecipients()) {
          toAddress |= ((InternetAddress) a).getAddress().equalsIgnoreCase(address);
        }
        if (toAddress && message.getSubject().contains(subject) && message.getSubject().contains(meeting.ref())) {
          collectAttachments(message, names);
        }
      }
    }
    return names;
  }

  private static void collectAttachments(Part part, List<String> names) throws Exception {
    if (part.getFileName() != null) {
      names.add(MimeUtility.decodeText(part.getFileName()));
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectAttachments(multipart.getBodyPart(i), names);
      }
    }
  }

  @Test
  void aMissedDeadlineRemindsFirstThenNotesTheSecretariatAndMarksTheItemWithoutHoldingUpTheAgenda()
      throws Exception {
    agendaWithSpeakers();
    String firstLink = linkIn(mailsTo(OUTSIDE, "Материалы к вопросу 1").get(0));

    clockAt("2026-12-04T10:00+07:00");
    meeting.executeJob(Elements.MATERIALS_REMINDER);
    meeting.executeJob(Elements.REMIND_MATERIALS);
    String reminder = mailsTo(OUTSIDE, "Напоминаем").get(0);
    String newLink = linkIn(reminder);
    assertThat(newLink).isNotEqualTo(firstLink);
    assertThat(mvc.perform(get(firstLink)).andReturn().getResponse().getStatus()).isEqualTo(403);
    assertThat(mailsTo(MEMBER + "@example.org", "Напоминаем: материалы к вопросу № 2")).hasSize(1);

    clockAt(AFTER_DEADLINE);
    meeting.executeJob(Elements.MATERIALS_DEADLINE);
    meeting.executeJob(Elements.MATERIALS_DEADLINE_PASSED);
    assertThat(mailsTo(SECRETARY + "@example.org", "Материалы не представлены по вопросам")).singleElement()
        .satisfies(text -> assertThat(text).contains("вопрос № 1 «Вопрос 1 о стандарте клиентоцентричности» — "
            + "докладчик " + OUTSIDE).contains("вопрос № 2").doesNotContain("вопрос № 3"));
    // the member's task is gone with the deadline; the link no longer works
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(meeting.instance.getId())
        .taskDefinitionKey(Elements.SUBMIT_MATERIALS).count()).isZero();
    MvcResult late = mvc.perform(multipart(newLink).file(new MockMultipartFile("file", "Поздно.pdf", "x",
        MaterialFilesTest.pdf()))).andReturn();
    assertThat(late.getResponse().getStatus()).isEqualTo(403);
    assertThat(stored()).isZero();

    // the approval form and the approved agenda say so
    assertThat(meeting.variable(Elements.APPROVE_AGENDA, AGENDA_TABLE).toString())
        .contains("материалы не представлены");
    meeting.approveAgenda(CHAIR);
    String agenda = documentText(documents.latest(meeting.key(), DocumentKind.AGENDA).orElseThrow().content());
    assertThat(agenda).contains("материалы не представлены").contains("https://example.org/plan.pdf");
  }

  @Test
  void foreignTamperedAndExpiredLinksAndBadFilesAreRefusedInRussianAndNothingIsStored() throws Exception {
    agendaWithSpeakers();
    String link = linkIn(mailsTo(OUTSIDE, "Материалы к вопросу 1").get(0));
    String token = link.substring(link.lastIndexOf('/') + 1);
    String tampered = "/materials/" + token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x')
        + token.substring(11);
    String foreign = "/materials/" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

    for (String bad : List.of(tampered, foreign)) {
      MvcResult page = mvc.perform(get(bad)).andReturn();
      assertThat(page.getResponse().getStatus()).isEqualTo(404);
      assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("Ссылка недействительна")
          .doesNotContain("Вопрос 1");
      MvcResult upload = mvc.perform(multipart(bad).file(new MockMultipartFile("file", "a.pdf", "x",
          MaterialFilesTest.pdf()))).andReturn();
      assertThat(upload.getResponse().getStatus()).isEqualTo(404);
    }

    assertRefused(link, "Доклад.pdf", MaterialFilesTest.exe(), 400, "Недопустимый тип файла");
    assertRefused(link, "Справка.docx", MaterialFilesTest.docxWithExternalEntity(), 400, "DOCTYPE");
    assertRefused(link, "Справка.docx", MaterialFilesTest.docm(), 400, "макросы");
    assertRefused(link, "Справка.docm", MaterialFilesTest.docm(), 400, "макросы");
    byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(MaterialFilesTest.pdf(), 0, tooLarge, 0, MaterialFilesTest.pdf().length);
    assertRefused(link, "Большой.pdf", tooLarge, 413, "больше допустимого размера");
    assertThat(stored()).isZero();
    assertThat(documents.history(meeting.key())).noneMatch(d -> d.kind() == DocumentKind.MATERIAL);

    clockAt(AFTER_DEADLINE);
    MvcResult expired = mvc.perform(get(link)).andReturn();
    assertThat(expired.getResponse().getStatus()).isEqualTo(403);
    assertThat(expired.getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("Срок действия ссылки истёк");
  }

  @Test
  void aSpeakerWhoIsNeitherAMemberNorAnAddressIsRefusedAndTheAgendaStaysWithTheSecretariat() {
    meeting.start(MEETING);
    meeting.confirmChairPresides();
    assertThatThrownBy(() -> meeting.complete(Elements.PREPARE_AGENDA, SECRETARY, Map.of(AGENDA_ITEMS.name(),
        json("[" + item("Вопрос 1 о стандарте клиентоцентричности", "Иванов", "nobody", "") + ","
            + item("Вопрос 2 о реестре жизненных ситуаций", "Петров", "petrov@", "") + "]"))))
        .hasMessageContaining("Вопрос № 1: докладчик «nobody» не найден среди членов Рабочей группы")
        .hasMessageContaining("вопрос № 2: адрес электронной почты докладчика «petrov@» указан неверно");
    assertThat(meeting.task(Elements.PREPARE_AGENDA)).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_material_request WHERE meeting_key = ?", Integer.class,
        meeting.key())).isZero();
  }

  @Test
  void anAgendaWithoutSpeakersMaterialsGoesOnAsTodayWithNothingAsked() {
    meeting.start(MEETING);
    meeting.prepareAndHold(2, MEETING);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(meeting.instance.getId()).activityId(Elements.REQUEST_MATERIALS).count()).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wg_material_request WHERE meeting_key = ?", Integer.class,
        meeting.key())).isZero();
    assertThat(meeting.task(Elements.RECORD_ATTENDANCE)).isNotNull();
  }

  void assertRefused(String link, String name, byte[] content, int status, String message) throws Exception {
    MvcResult result = mvc.perform(multipart(link).file(new MockMultipartFile("file", name, "application/pdf",
        content))).andReturn();
    assertThat(result.getResponse().getStatus()).as(name).isEqualTo(status);
    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(name).contains(message)
        .contains("Файл не сохранён");
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** The path of the upload link in a message's text. */
  static String linkIn(String text) {
    Matcher m = LINK.matcher(text);
    assertThat(m.find()).as("a materials link in: " + text).isTrue();
    return m.group(1);
  }

  /** The texts of this meeting's messages to {@code address} that contain {@code fragment}, oldest first. */
  List<String> mailsTo(String address, String fragment) throws Exception {
    Path outbox = ((OutboxMailTransport) transport).directory();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> files = Files.list(outbox)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".eml"))
          .sorted((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified())).toList()) {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
          message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        String text = message.getSubject() + "\n" + text(message);
        boolean toAddress = false;
        for (Address a : message.getAllRecipients()) {
          toAddress |= ((InternetAddress) a).getAddress().equalsIgnoreCase(address);
        }
        if (toAddress && text.contains(fragment) && text.contains("№ " + meeting.ref() + " от")) {
          texts.add(text);
        }
      }
    }
    return texts;
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

  /** The text of a DOCX's main part, tags removed. */
  static String documentText(byte[] docx) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        if (entry.getName().equals("word/document.xml")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", "");
        }
      }
    }
    return "";
  }
}
