package ru.nso.wg.document;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.thymeleaf.ITemplateEngine;
import ru.nso.wg.api.ApiErrorHandler;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.common.WebPages;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.roster.RosterGroups;
import ru.nso.wg.signature.SignatureCheck;
import ru.nso.wg.signature.SigningMode;
import ru.nso.wg.signature.StoredSignature;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * § 18, signing the minutes ({@link MinutesSigning}):
 * <ul>
 *   <li>{@code GET /api/meetings/{key}/minutes-to-sign} — the document to sign ({@link
 *       MeetingDocuments#minutesToSign}), the same bytes every time until the minutes change;</li>
 *   <li>{@code GET …/minutes/signature/upload} and {@code POST …/minutes/signature} (multipart {@code file}) — the
 *       presiding person uploads the detached signature; the answer says what was verified or which check failed;</li>
 *   <li>{@code GET …/minutes/scan/upload} and {@code POST …/minutes/scan} — the secretariat uploads the scan of the
 *       original signed on paper (paper path);</li>
 *   <li>{@code GET …/minutes.sig} and {@code GET …/minutes-scan.pdf} — the signature or scan of the signed minutes,
 *       read as the minutes are.</li>
 * </ul>
 * The pages are the Thymeleaf template {@code templates/web/signature-upload.html}: the session's CSRF token and the
 * answer's CSP nonce in the page, a link back to Tasklist (as {@link MinutesUploadPage}).
 */
@RestController
public class MinutesSignatureController {

  private final MinutesSigning signing;
  private final MeetingDocuments documents;
  private final DocumentStore store;
  private final DocumentAccess access;
  private final ITemplateEngine templates;
  private final String tasklistUrl;

  public MinutesSignatureController(MinutesSigning signing, MeetingDocuments documents, DocumentStore store,
                                    DocumentAccess access, ITemplateEngine templates,
                                    @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.signing = signing;
    this.documents = documents;
    this.store = store;
    this.access = access;
    this.templates = templates;
    this.tasklistUrl = webappPath.replaceAll("/+$", "") + "/app/tasklist/default/";
  }

  @GetMapping("/api/meetings/{businessKey}/minutes-to-sign")
  public ResponseEntity<byte[]> toSign(@PathVariable String businessKey) {
    access.requireAny(MeetingDocumentsController.READERS, "Недостаточно прав для просмотра документов заседаний");
    StoredDocument document = documents.minutesToSign(access.known(businessKey));
    return DocumentAccess.download(document.fileName(), document.contentType(), document.content());
  }

  /** What an accepted upload answers. */
  public record Uploaded(String meetingKey, String method, String fileName, String sha256, String serialHex,
                         String owner, String issuer, String validFrom, String validTo, String signingTime,
                         String algorithm, String ownerMatch, String uploadedBy, String uploadedAt, String message) {
  }

  @PostMapping(path = "/api/meetings/{businessKey}/minutes/signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Uploaded> uploadSignature(@PathVariable String businessKey,
                                                  @RequestParam("file") MultipartFile file) throws IOException {
    Authentication user = access.requireAny(MeetingDocumentsController.READERS, "Недостаточно прав");
    access.known(businessKey);
    if (file.getSize() > MinutesSigning.MAX_SIGNATURE_BYTES) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл подписи больше 1 МБ: это не открепленная подпись");
    }
    StoredSignature stored = signing.uploadSignature(businessKey, file.getBytes(), user.getUserId());
    String checks = Stream.of(SignatureCheck.values()).map(SignatureCheck::title).collect(Collectors.joining("; "));
    return ResponseEntity.status(HttpStatus.CREATED).body(uploaded(stored, "Подпись проверена и принята: "
        + stored.owner() + ", сертификат № " + stored.serialHex() + " (" + stored.issuer() + "), действует с "
        + day(stored.validFrom()) + " по " + day(stored.validTo()) + ", подписано " + moment(stored.signingTime())
        + ", " + stored.algorithm() + ", владелец сопоставлен " + ("SNILS".equals(stored.ownerMatch())
        ? "по СНИЛС" : "по ФИО") + ".\nПройдены проверки: " + checks
        + ".\nТеперь вернитесь к задаче, выберите «Подписать протокол» и завершите её."));
  }

  @PostMapping(path = "/api/meetings/{businessKey}/minutes/scan", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Uploaded> uploadScan(@PathVariable String businessKey,
                                             @RequestParam("file") MultipartFile file) throws IOException {
    Authentication user = access.requireAny(Set.of(RosterGroups.SECRETARIAT), "Скан подписанного протокола загружает "
        + "департамент организации управления и государственной гражданской службы");
    access.known(businessKey);
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().trim();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
      throw new Refusal("Загрузите скан подписанного протокола в формате PDF (.pdf)");
    }
    if (file.getSize() > MinutesSigning.MAX_SCAN_BYTES) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл больше 20 МБ");
    }
    StoredSignature stored = signing.uploadScan(businessKey, file.getBytes(), user.getUserId());
    return ResponseEntity.status(HttpStatus.CREATED).body(uploaded(stored, "Скан подписанного на бумаге протокола "
        + "загружен (SHA-256 " + stored.sha256() + "). Председательствующий может завершить задачу подписания."));
  }

  @GetMapping("/api/meetings/{businessKey}/minutes.sig")
  public ResponseEntity<byte[]> signature(@PathVariable String businessKey) {
    return acceptedFile(businessKey, SigningMode.ELECTRONIC, "Протокол заседания " + businessKey
        + " не подписан электронной подписью");
  }

  @GetMapping("/api/meetings/{businessKey}/minutes-scan.pdf")
  public ResponseEntity<byte[]> scan(@PathVariable String businessKey) {
    return acceptedFile(businessKey, SigningMode.PAPER, "Протокол заседания " + businessKey
        + " не подписан на бумаге или скан не загружен");
  }

  private ResponseEntity<byte[]> acceptedFile(String businessKey, SigningMode method, String missing) {
    access.requireAny(MeetingDocumentsController.READERS, "Недостаточно прав для просмотра документов заседаний");
    StoredSignature accepted = signing.accepted(access.known(businessKey)).filter(s -> s.method() == method)
        .orElseThrow(() -> Refusal.notFound(missing));
    String name = store.signedMinutes(businessKey).map(d -> d.fileName().replaceFirst("\\.[^.]+$", ""))
        .orElse("Протокол") + (method == SigningMode.PAPER ? " (скан подписанного оригинала).pdf" : ".sig");
    return DocumentAccess.download(name, accepted.contentType(), accepted.content());
  }

  @GetMapping(path = "/api/meetings/{businessKey}/minutes/signature/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> signaturePage(@PathVariable String businessKey, HttpServletRequest request) {
    Map<String, Object> page = page(businessKey);
    page.put("title", "электронная подпись");
    page.put("intro", List.of(
        "Подпишите документ открепленной квалифицированной электронной подписью (CAdES-BES, ГОСТ Р 34.10-2012) и "
            + "загрузите файл подписи (.sig, .p7s; в двоичном виде или Base64).",
        "Подпись проверяется сразу: что подписан именно этот документ, срок действия и назначение сертификата, "
            + "цепочка до аккредитованного удостоверяющего центра и что сертификат выдан председательствующему."));
    page.put("documentLink", "Скачать документ для подписи");
    page.put("action", "/api/meetings/" + businessKey + "/minutes/signature");
    page.put("fileLabel", "Файл подписи");
    page.put("accept", ".sig,.p7s,.sgn,.pem,application/pkcs7-signature");
    page.put("hint", "Не больше 1 МБ. Загружает председательствующий на заседании.");
    return WebPages.render(templates, "signature-upload", request, HttpStatus.OK, page);
  }

  @GetMapping(path = "/api/meetings/{businessKey}/minutes/scan/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> scanPage(@PathVariable String businessKey, HttpServletRequest request) {
    Map<String, Object> page = page(businessKey);
    page.put("title", "скан подписанного оригинала");
    page.put("intro", List.of(
        "Протокол подписывается на бумаге. Загрузите скан подписанного председательствующим оригинала в формате PDF.",
        "После загрузки председательствующий завершает задачу подписания; копии протокола рассылаются только после "
            + "этого."));
    page.put("documentLink", "Скачать протокол для печати");
    page.put("action", "/api/meetings/" + businessKey + "/minutes/scan");
    page.put("fileLabel", "Скан подписанного протокола (PDF)");
    page.put("accept", ".pdf,application/pdf");
    page.put("hint", "Не больше 20 МБ. Загружает департамент.");
    return WebPages.render(templates, "signature-upload", request, HttpStatus.OK, page);
  }

  private Map<String, Object> page(String businessKey) {
    if (!businessKey.matches("\\d{4}-\\d{1,4}")) {
      throw Refusal.notFound("Заседание " + businessKey + " не найдено");
    }
    access.known(businessKey);
    Map<String, Object> page = new HashMap<>();
    page.put("meeting", MeetingRef.parse(businessKey).display());
    page.put("documentUrl", "/api/meetings/" + businessKey + "/minutes-to-sign");
    page.put("tasklist", tasklistUrl);
    return page;
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  public ResponseEntity<ApiErrorHandler.ApiError> missingPart(MissingServletRequestPartException e) {
    return ApiErrorHandler.body(HttpStatus.BAD_REQUEST, "Не приложен файл (поле «file»)");
  }

  private Uploaded uploaded(StoredSignature s, String message) {
    return new Uploaded(s.meetingKey(), s.method().name(), s.fileName(), s.sha256(), s.serialHex(), s.owner(),
        s.issuer(), text(s.validFrom()), text(s.validTo()), text(s.signingTime()), s.algorithm(), s.ownerMatch(),
        s.uploadedBy(), text(s.uploadedAt()), message);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String day(Instant instant) {
    return RussianDates.numeric(instant.atZone(RussianDates.ZONE));
  }

  private static String moment(Instant instant) {
    return RussianDates.numericDateTime(instant.atZone(RussianDates.ZONE)) + " (время новосибирское)";
  }

}
