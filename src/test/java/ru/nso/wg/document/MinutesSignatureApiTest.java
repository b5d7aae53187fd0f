package ru.nso.wg.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.signature.SignatureSettings;
import ru.nso.wg.signature.TestCa;
import ru.nso.wg.signature.TestSigning;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web side of § 18 and of the meeting's file: the signature upload (verified at once, the answer says what was
 * checked or which check failed), its page, the download of the accepted {@code .sig} with the minutes' access
 * rules, and {@code dossier.zip} (secretariat only; entries and manifest hashes match the bytes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MinutesSignatureApiTest {

  static final String CHAIR_NAME = "Соколов Андрей Викторович";

  @Autowired TestRestTemplate rest;
  @Autowired MeetingRecord record;
  @Autowired DocumentService documents;
  @Autowired MeetingDocuments meetingDocuments;
  @Autowired MinutesSigning signing;
  @Autowired SignatureSettings settings;

  private String meetingWithMinutes() {
    MeetingRef meeting = record.create(2027, OffsetDateTime.parse("2027-02-17T14:30+07:00"), MeetingFormat.IN_PERSON,
        "г. Новосибирск, Красный проспект, 18", null, null, "smirnova");
    record.setPresiding(meeting.key(), "sokolov", CHAIR_NAME, null);
    record.replaceAgenda(meeting.key(), List.of(new AgendaItem(1, "О плане мероприятий на 2027 год",
        AgendaItemType.values()[0], "Лебедева О.Н.", "Проект плана, 12 л.", null)));
    documents.storeMinutesDraft(Fixtures.minutes(meeting.key()), "smirnova");
    return meeting.key();
  }

  private ResponseEntity<String> upload(String user, String key, String what, String fileName, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").postForEntity("/api/meetings/" + key + "/minutes/" + what,
        new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<byte[]> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, byte[].class);
  }

  private byte[] signatureBy(String fullName, byte[] document) {
    return TestSigning.sign(settings, fullName, null, document, Instant.now());
  }

  @Test
  void thePresidingPersonUploadsASignatureVerifiedAtOnceAndTheSigIsOfferedLikeTheMinutes() throws Exception {
    String key = meetingWithMinutes();
    ResponseEntity<byte[]> toSign = get("sokolov", "/api/meetings/" + key + "/minutes-to-sign");
    assertThat(toSign.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(toSign.getBody()).isEqualTo(meetingDocuments.minutesToSign(key).content());

    // the page: Thymeleaf, the session's tokens, the meeting, where it posts
    ResponseEntity<byte[]> page = get("sokolov", "/api/meetings/" + key + "/minutes/signature/upload");
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(new String(page.getBody(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>")
        .contains("Протокол заседания " + MeetingRef.parse(key).display() + ": электронная подпись")
        .contains("data-action=\"/api/meetings/" + key + "/minutes/signature\"")
        .contains("href=\"/api/meetings/" + key + "/minutes-to-sign\"")
        .containsPattern("<script nonce=\"[A-Za-z0-9+/=_-]+\">")
        .containsPattern("<style nonce=\"[A-Za-z0-9+/=_-]+\">");
    assertThat(get("sokolov", "/api/meetings/2027-999/minutes/signature/upload").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // someone else's certificate: 422, the check named, nothing kept
    ResponseEntity<String> foreign = upload("sokolov", key, "signature", "protocol.sig",
        signatureBy("Лебедева Ольга Николаевна", toSign.getBody()));
    assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(json(foreign).get("message").asText()).startsWith("Подпись не принята. Проверка «владелец сертификата»");
    // a corrupted file
    ResponseEntity<String> corrupted = upload("sokolov", key, "signature", "protocol.sig",
        "garbage".getBytes(StandardCharsets.UTF_8));
    assertThat(json(corrupted).get("message").asText()).contains("«формат файла подписи»");
    // only the presiding person uploads it
    byte[] good = signatureBy(CHAIR_NAME, toSign.getBody());
    assertThat(upload("vasiliev", key, "signature", "protocol.sig", good).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(get("sokolov", "/api/meetings/" + key + "/minutes.sig").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<String> accepted = upload("sokolov", key, "signature", "protocol.sig", TestCa.pem(good));
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode answer = json(accepted);
    assertThat(answer.get("owner").asText()).isEqualTo(CHAIR_NAME);
    assertThat(answer.get("message").asText()).startsWith("Подпись проверена и принята: " + CHAIR_NAME)
        .contains("владелец сопоставлен по ФИО", "цепочка сертификатов до доверенного удостоверяющего центра");

    String edition = meetingDocuments.minutesState(key).edition();
    signing.sign(key, "sokolov", edition);
    ResponseEntity<byte[]> sig = get("vasiliev", "/api/meetings/" + key + "/minutes.sig");
    assertThat(sig.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sig.getBody()).isEqualTo(TestCa.pem(good));
    assertThat(sig.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(DocumentStore.sha256(sig.getBody()));
    assertThat(sig.getHeaders().getContentDisposition().getFilename()).endsWith(".sig").startsWith("Протокол");
    assertThat(get("outsider-" + key, "/api/meetings/" + key + "/minutes.sig").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("sokolov", "/api/meetings/2027-999/minutes.sig").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // the paper path's scan is refused while the setting says electronic
    ResponseEntity<String> scan = upload("smirnova", key, "scan", "scan.pdf", SCAN);
    assertThat(scan.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void theDossierHasEveryDocumentAndAManifestWhoseHashesMatchForTheSecretariatOnly() throws Exception {
    String key = meetingWithMinutes();
    byte[] toSign = meetingDocuments.minutesToSign(key).content();
    signing.uploadSignature(key, signatureBy(CHAIR_NAME, toSign), "sokolov");
    signing.sign(key, "sokolov", meetingDocuments.minutesState(key).edition());

    assertThat(get("vasiliev", "/api/meetings/" + key + "/dossier.zip").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sokolov", "/api/meetings/" + key + "/dossier.zip").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("smirnova", "/api/meetings/2027-999/dossier.zip").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<byte[]> zip = get("smirnova", "/api/meetings/" + key + "/dossier.zip");
    assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(zip.getHeaders().getContentType()).hasToString("application/zip");
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(entries.remove("manifest.json"));
    assertThat(manifest.get("meetingKey").asText()).isEqualTo(key);
    assertThat(manifest.get("files")).hasSize(entries.size());
    Map<String, String> kinds = new HashMap<>();
    for (JsonNode file : manifest.get("files")) {
      byte[] bytes = entries.get(file.get("name").asText());
      assertThat(bytes).as(file.get("name").asText()).isNotNull();
      assertThat(file.get("sha256").asText()).isEqualTo(DocumentStore.sha256(bytes));
      assertThat(file.get("size").asLong()).isEqualTo(bytes.length);
      kinds.put(file.get("kind").asText(), file.get("name").asText());
    }
    assertThat(kinds).containsKeys("MINUTES_DRAFT", "MINUTES_PDF", "MINUTES_SIGNED", "MINUTES_SIGNATURE", "MATERIALS");
    // the PDF/A that was signed is in the file as it was signed
    assertThat(entries.values()).anySatisfy(bytes -> assertThat(bytes).isEqualTo(toSign));
    assertThat(entries.get(kinds.get("MINUTES_SIGNATURE"))).isEqualTo(signing.accepted(key).orElseThrow().content());
    assertThat(new String(entries.get(kinds.get("MATERIALS")), StandardCharsets.UTF_8)).contains("Проект плана, 12 л.");
    for (JsonNode file : manifest.get("files")) {
      if (file.get("kind").asText().startsWith("MINUTES_S")) {
        assertThat(file.get("author").asText()).isEqualTo("sokolov");
      }
    }
  }

  private static JsonNode json(ResponseEntity<String> response) throws Exception {
    return new ObjectMapper().readTree(response.getBody());
  }

  /** A minimal PDF. */
  static final byte[] SCAN = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
}
