package ru.nso.wg.document;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentStoreAndApiTest {

  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String SIGNED_NAME = "Протокол № 40-2026 от 13.05.2026.docx";

  @Autowired
  DocumentStore store;
  @Autowired
  DocumentService documents;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  IdentityService identityService;
  @Autowired
  TestRestTemplate rest;
  @Autowired
  MeetingRecord record;

  @BeforeEach
  void outsider() {
    if (identityService.createUserQuery().userId("outsider").count() == 0) {
      User user = identityService.newUser("outsider");
      user.setFirstName("Посторонний");
      user.setLastName("Пользователь");
      user.setPassword("demo");
      identityService.saveUser(user);
    }
  }

  // ------------------------------------------------------------------------------------------------ the store

  @Test
  void signingFreezesTheMinutesAndLaterChangesAreRefused() {
    String key = "2026-40";
    StoredDocument draft = documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova");
    StoredDocument upload = store.saveUpload(key, "Протокол (правка).docx", documents.minutes(Fixtures.minutes(key)),
        draft, "smirnova");
    assertThat(draft.version()).isEqualTo(1);
    assertThat(draft.sha256()).hasSize(64).isEqualTo(DocumentStore.sha256(draft.content()));
    assertThat(store.currentMinutes(key).orElseThrow().id()).isEqualTo(upload.id());

    StoredDocument signed = store.sign(key, "lebedeva", SIGNED_NAME);

    assertThat(signed.kind()).isEqualTo(DocumentKind.MINUTES_SIGNED);
    assertThat(signed.content()).isEqualTo(upload.content());
    assertThat(signed.createdBy()).isEqualTo("lebedeva");
    assertThat(store.currentMinutes(key).orElseThrow().id()).isEqualTo(signed.id());
    assertThatThrownBy(() -> store.sign(key, "sokolov", SIGNED_NAME)).isInstanceOf(Refusal.class)
        .hasMessageContaining("уже подписан").hasMessageContaining("повторное подписание невозможно");
    assertThatThrownBy(() -> documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova"))
        .isInstanceOf(Refusal.class).hasMessageContaining("заменить его нельзя");
    assertThatThrownBy(() -> store.sign("2026-nothing", "lebedeva", SIGNED_NAME))
        .hasMessageContaining("нет проекта протокола");
    assertThat(store.history(key)).hasSize(3);
  }

  @Test
  void tamperingWithTheSignedBytesIsDetectedByTheHash() {
    String key = "2026-41";
    documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova");
    StoredDocument signed = store.sign(key, "lebedeva", SIGNED_NAME);
    assertThat(store.verify(key).intact()).isTrue();

    byte[] tampered = signed.content().clone();
    tampered[tampered.length / 2] ^= 0x01;
    assertThat(jdbc.update("UPDATE wg_document SET content = ? WHERE id = ?", tampered, signed.id())).isEqualTo(1);

    VerificationResult result = store.verify(key);
    assertThat(result.intact()).isFalse();
    assertThat(result.storedSha256()).isEqualTo(signed.sha256());
    assertThat(result.actualSha256()).isEqualTo(DocumentStore.sha256(tampered));
    assertThat(result.message()).contains("изменён после подписания");
  }

  // -------------------------------------------------------------------------------------------------- the API

  private ResponseEntity<byte[]> get(String user, String password, String path) {
    TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, password);
    return client.exchange(path, HttpMethod.GET, null, byte[].class);
  }

  private ResponseEntity<Map> upload(String user, String fileName, byte[] content, String key) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo")
        .postForEntity("/api/meetings/" + key + "/minutes", new HttpEntity<>(body, headers), Map.class);
  }

  private static String json(ResponseEntity<byte[]> response) {
    return new String(response.getBody() == null ? new byte[0] : response.getBody(), StandardCharsets.UTF_8);
  }

  @Test
  void downloadsAreForTheWorkingGroupWithRussianFileNames() {
    String key = "2026-42";
    StoredDocument agenda = documents.storeAgenda(Fixtures.meeting(key, 0), "smirnova");
    StoredDocument draft = documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova");

    ResponseEntity<byte[]> ok = get("smirnova", "demo", "/api/meetings/" + key + "/agenda.docx");
    assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(ok.getHeaders().getContentType()).hasToString(DOCX);
    assertThat(ok.getBody()).isEqualTo(agenda.content());
    String disposition = ok.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''"
        + "%D0%9F%D0%BE%D0%B2%D0%B5%D1%81%D1%82%D0%BA%D0%B0%20%D0%B7%D0%B0%D1%81%D0%B5%D0%B4%D0%B0%D0%BD%D0%B8%D1%8F%20"
        + "%E2%84%96%203%20%D0%BE%D1%82%2013.05.2026.docx");
    assertThat(ok.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("Повестка заседания № 3 от 13.05.2026.docx");

    ResponseEntity<byte[]> member = get("vasiliev", "demo", "/api/meetings/" + key + "/minutes.docx");
    assertThat(member.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(member.getBody()).isEqualTo(draft.content());
    assertThat(get("egorova", "demo", "/api/meetings/" + key + "/minutes.docx").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("admin", "admin", "/api/meetings/" + key + "/minutes.docx").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<byte[]> forbidden = get("outsider", "demo", "/api/meetings/" + key + "/agenda.docx");
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(forbidden)).contains("Недостаточно прав");

    ResponseEntity<byte[]> unknown = get("smirnova", "demo", "/api/meetings/2026-999/minutes.docx");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(json(unknown)).contains("не найдено");

    assertThat(get(null, null, "/api/meetings/" + key + "/agenda.docx").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("smirnova", "wrong", "/api/meetings/" + key + "/agenda.docx").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void thePresidingPersonReadsTheDraftAgendaBeforeApprovingIt() {
    MeetingRef meeting = record.create(2027, OffsetDateTime.parse("2027-02-17T14:30+07:00"), MeetingFormat.IN_PERSON,
        "г. Новосибирск, Красный проспект, 18", null, null, "smirnova");
    String draftPath = "/api/meetings/" + meeting.key() + "/agenda-draft.docx";
    // no item yet: a Russian refusal, nothing stored
    ResponseEntity<byte[]> empty = get("sokolov", "demo", draftPath);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json(empty)).contains("ещё нет вопросов");

    record.replaceAgenda(meeting.key(), List.of(new AgendaItem(1, "О плане мероприятий на 2027 год",
        AgendaItemType.values()[0], "Лебедева О.Н.", null, null)));
    ResponseEntity<byte[]> draft = get("sokolov", "demo", draftPath);
    assertThat(draft.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(draft.getHeaders().getContentType()).hasToString(DOCX);
    assertThat(draft.getHeaders().getContentDisposition().getFilename()).startsWith("Проект Повестка заседания");
    assertThat(Fixtures.docxText(draft.getBody())).contains("О плане мероприятий на 2027 год");
    assertThat(store.latest(meeting.key(), DocumentKind.AGENDA)).as("a draft is not stored").isEmpty();
    assertThat(get("morozov", "demo", draftPath).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("smirnova", "demo", draftPath).getStatusCode()).isEqualTo(HttpStatus.OK);
    // a member does not read an agenda before its approval
    assertThat(get("vasiliev", "demo", draftPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sokolov", "demo", "/api/meetings/2027-999/agenda-draft.docx").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aDocumentLinkAPersonClickedAnswersARussianPageNotJson() {
    ResponseEntity<byte[]> clicked = browse("smirnova", "demo", "/api/meetings/2026-999/agenda.docx");
    assertThat(clicked.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(clicked.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    String page = json(clicked);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"ru\">", "Документ не найден",
        "Заседание 2026-999 не найдено").doesNotContain("\"status\"", "{\"");
    ResponseEntity<byte[]> forbidden = browse("outsider", "demo", "/api/meetings/2026-999/agenda.docx");
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json(forbidden)).contains("Недостаточно прав", "<html");
    // what is typed into the address bar is shown as text, never as markup
    ResponseEntity<byte[]> hostile = browse("smirnova", "demo", "/api/meetings/<b>x</b>/agenda.docx");
    assertThat(json(hostile)).doesNotContain("<b>x</b>");
    // programs keep their JSON
    ResponseEntity<byte[]> program = get("smirnova", "demo", "/api/meetings/2026-999/agenda.docx");
    assertThat(program.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
  }

  /** As a browser follows a link: Accept names HTML first. */
  private ResponseEntity<byte[]> browse(String user, String password, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    return rest.withBasicAuth(user, password).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  @Test
  void theSecretariatUploadsItsEditedMinutesUntilTheyAreSigned() {
    String key = "2026-43";
    byte[] edited = documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova").content();

    ResponseEntity<Map> created = upload("smirnova", "Протокол №3 (ред. секретариата).docx", edited, key);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getBody()).containsEntry("kind", "MINUTES_UPLOADED").containsEntry("uploadedBy", "smirnova")
        .containsEntry("sha256", DocumentStore.sha256(edited));
    ResponseEntity<byte[]> current = get("vasiliev", "demo", "/api/meetings/" + key + "/minutes.docx");
    assertThat(current.getBody()).isEqualTo(edited);
    assertThat(current.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("Протокол № 43-2026, редакция секретариата 1.docx");

    assertThat(upload("vasiliev", "x.docx", edited, key).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> notDocx = upload("smirnova", "протокол.pdf", edited, key);
    assertThat(notDocx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(notDocx.getBody()).extractingByKey("message").asString().contains(".docx");
    ResponseEntity<Map> garbage =
        upload("smirnova", "протокол.docx", "не документ".getBytes(StandardCharsets.UTF_8), key);
    assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(upload("smirnova", "x.docx", edited, "2026-998").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    StoredDocument signed = store.sign(key, "lebedeva", SIGNED_NAME);
    ResponseEntity<Map> late = upload("smirnova", "поздно.docx", edited, key);
    assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(late.getBody()).extractingByKey("message").asString().contains("уже подписан");
    ResponseEntity<byte[]> signedDownload = get("vasiliev", "demo", "/api/meetings/" + key + "/minutes.docx");
    assertThat(signedDownload.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(signed.sha256());
    assertThat(Arrays.equals(signedDownload.getBody(), edited)).isTrue();
  }

  @Test
  void anUploadThatIsNotExactlyOneWordDocumentIsRefused() {
    String key = "2026-44";
    byte[] edited = documents.storeMinutesDraft(Fixtures.minutes(key), "smirnova").content();
    byte[] junk = new byte[1024 * 1024];
    Arrays.fill(junk, (byte) 'x');

    // a valid DOCX followed by junk (Word and POI open it; the record would keep the junk)
    byte[] trailing = Arrays.copyOf(edited, edited.length + junk.length);
    System.arraycopy(junk, 0, trailing, edited.length, junk.length);
    ResponseEntity<Map> withTrailing = upload("smirnova", "протокол.docx", trailing, key);
    assertThat(withTrailing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withTrailing.getBody()).extractingByKey("message").asString().contains("лишние данные");
    // junk in front of it
    byte[] leading = Arrays.copyOf(junk, junk.length + edited.length);
    System.arraycopy(edited, 0, leading, junk.length, edited.length);
    assertThat(upload("smirnova", "протокол.docx", leading, key).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    // more than 20 MB
    byte[] large = Arrays.copyOf(edited, 21 * 1024 * 1024);
    assertThat(upload("smirnova", "протокол.docx", large, key).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(store.latest(key, DocumentKind.MINUTES_UPLOADED)).isEmpty();

    assertThat(upload("smirnova", "протокол.docx", edited, key).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }
}
