package ru.nso.wg.document;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import ru.nso.wg.api.ApiErrorHandler;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.roster.RosterGroups;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Downloads of a meeting's documents and the secretariat's upload of the edited minutes.
 * <ul>
 *   <li>{@code GET /api/meetings/{key}/agenda.docx} — the latest agenda;</li>
 *   <li>{@code GET /api/meetings/{key}/minutes.docx} — the signed minutes if signed, else the newest draft or
 *       upload; {@code ?document={id}} — exactly that stored edition (the signing task links the one it shows);</li>
 *   <li>{@code GET /api/meetings/{key}/agenda.pdf} — the approved agenda as PDF/A;</li>
 *   <li>{@code GET /api/meetings/{key}/minutes.pdf} — the minutes to sign: the PDF/A of the current edition, made
 *       once per edition ({@link MeetingDocuments#minutesToSign}); {@code ?document={id}} — the PDF/A of that edition
 *       (the id of the DOCX edition the signing task shows, or of a stored PDF);</li>
 *   <li>{@code GET /api/meetings/{key}/public.html}, {@code …/public.pdf} — the public version of the signed minutes
 *       for the website (§ 19; {@link MeetingDocuments#publicVersion}), as a download;</li>
 *   <li>{@code POST /api/meetings/{key}/minutes} (multipart, part {@code file}, a {@code .docx}; optional
 *       {@code draftVersion} when the file does not carry the mark of the draft it was made from) — the secretariat
 *       uploads its edited version ({@link MeetingDocuments#upload}); refused after signing or when stale.</li>
 * </ul>
 * Who may read: members of the roster, the chair's office, deputy chairs, the secretariat, the information-policy
 * department and administrators; anyone else gets 403. A meeting with no documents is 404. Authentication
 * (401 otherwise) is done by {@code ApiAuthenticationFilter}.
 */
@RestController
@RequestMapping("/api/meetings/{businessKey}")
public class MeetingDocumentsController {

  public static final Set<String> READERS = Set.of(RosterGroups.MEMBERS, RosterGroups.SECRETARIAT,
      RosterGroups.INFO_POLICY, RosterGroups.CHAIR, RosterGroups.DEPUTY_CHAIRS, RosterGroups.ADMINS);
  /** Who may read the draft of an agenda before its approval. */
  static final Set<String> DRAFT_READERS = Set.of(RosterGroups.SECRETARIAT, RosterGroups.CHAIR,
      RosterGroups.DEPUTY_CHAIRS, RosterGroups.ADMINS);
  /** The largest minutes accepted (README, "Input limits"); the multipart limit in application.yaml is the same. */
  static final long MAX_UPLOAD_BYTES = 20L * 1024 * 1024;

  private final DocumentStore store;
  private final MeetingDocuments meetingDocuments;
  private final DocumentAccess access;

  public MeetingDocumentsController(DocumentStore store, MeetingDocuments meetingDocuments, DocumentAccess access) {
    this.store = store;
    this.meetingDocuments = meetingDocuments;
    this.access = access;
  }

  @GetMapping("/agenda.docx")
  public ResponseEntity<byte[]> agenda(@PathVariable String businessKey) {
    access.requireAny(READERS, "Недостаточно прав для просмотра документов заседаний");
    StoredDocument document = store.latest(access.known(businessKey), DocumentKind.AGENDA)
        .orElseThrow(() -> Refusal.notFound("Повестка заседания " + businessKey + " ещё не сформирована"));
    return DocumentAccess.download(document);
  }

  /**
   * The agenda as it stands, generated on each request and not stored: the presiding person reads it in the task
   * «Утвердить повестку заседания» before approving (the stored agenda exists only after approval). Only those
   * who prepare or approve an agenda may read a draft.
   */
  @GetMapping("/agenda-draft.docx")
  public ResponseEntity<byte[]> agendaDraft(@PathVariable String businessKey) {
    access.requireAny(DRAFT_READERS, "Проект повестки доступен председателю, его заместителям и департаменту");
    if (!businessKey.matches("\\d{4}-\\d{1,4}")) {
      throw Refusal.notFound("Заседание " + businessKey + " не найдено");
    }
    MeetingDocuments.AgendaDraft draft = meetingDocuments.agendaDraft(businessKey);
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename(draft.fileName(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(DocumentStore.DOCX))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(draft.docx());
  }

  @GetMapping("/minutes.docx")
  public ResponseEntity<byte[]> minutes(@PathVariable String businessKey,
                                        @RequestParam(name = "document", required = false) Long documentId) {
    access.requireAny(READERS, "Недостаточно прав для просмотра документов заседаний");
    String key = access.known(businessKey);
    StoredDocument document = (documentId == null ? store.currentMinutes(key)
        : store.find(key, documentId).filter(d -> d.kind().isMinutesDocx()))
        .orElseThrow(() -> Refusal.notFound("Протокол заседания " + businessKey + " в этой редакции не найден"));
    return DocumentAccess.download(document);
  }

  @GetMapping("/agenda.pdf")
  public ResponseEntity<byte[]> agendaPdf(@PathVariable String businessKey) {
    access.requireAny(READERS, "Недостаточно прав для просмотра документов заседаний");
    return DocumentAccess.download(meetingDocuments.agendaPdf(access.known(businessKey))
        .orElseThrow(() -> Refusal.notFound("Повестка заседания " + businessKey + " ещё не утверждена")));
  }

  @GetMapping("/minutes.pdf")
  public ResponseEntity<byte[]> minutesPdf(@PathVariable String businessKey,
                                           @RequestParam(name = "document", required = false) Long documentId) {
    access.requireAny(READERS, "Недостаточно прав для просмотра документов заседаний");
    String key = access.known(businessKey);
    if (store.currentMinutes(key).isEmpty()) {
      throw Refusal.notFound("Протокол заседания " + businessKey + " ещё не сформирован");
    }
    if (documentId == null) {
      return DocumentAccess.download(meetingDocuments.minutesToSign(key));
    }
    StoredDocument named = store.find(key, documentId)
        .orElseThrow(() -> Refusal.notFound("Протокол заседания " + businessKey + " в этой редакции не найден"));
    if (named.kind() == DocumentKind.MINUTES_PDF) {
      return DocumentAccess.download(named);
    }
    if (!named.kind().isMinutesDocx()) {
      throw Refusal.notFound("Протокол заседания " + businessKey + " в этой редакции не найден");
    }
    if (named.kind() == DocumentKind.MINUTES_SIGNED) {
      return DocumentAccess.download(meetingDocuments.minutesToSign(key));
    }
    Optional<StoredDocument> made = store.madeFrom(key, DocumentKind.MINUTES_PDF, named.id());
    if (made.isEmpty()) {
      // the current edition's PDF is made on its first download; an edition replaced since gets none
      meetingDocuments.minutesToSign(key);
      made = store.madeFrom(key, DocumentKind.MINUTES_PDF, named.id());
    }
    return DocumentAccess.download(made.orElseThrow(() -> Refusal.notFound("PDF этой редакции протокола не "
        + "сформирован: она заменена более новой. Обновите страницу задачи и откройте протокол снова.")));
  }

  @GetMapping("/public.html")
  public ResponseEntity<byte[]> publicHtml(@PathVariable String businessKey) {
    return DocumentAccess.download(publicVersion(businessKey).html());
  }

  @GetMapping("/public.pdf")
  public ResponseEntity<byte[]> publicPdf(@PathVariable String businessKey) {
    return DocumentAccess.download(publicVersion(businessKey).pdf());
  }

  private MeetingDocuments.PublicVersion publicVersion(String businessKey) {
    access.requireAny(READERS, "Недостаточно прав для просмотра документов заседаний");
    String key = access.known(businessKey);
    if (store.signedMinutes(key).isEmpty()) {
      throw Refusal.notFound("Протокол заседания " + businessKey + " ещё не подписан: публичной версии нет");
    }
    return meetingDocuments.publicVersion(key);
  }

  @PostMapping(path = "/minutes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Uploaded> upload(@PathVariable String businessKey,
                                         @RequestParam("file") MultipartFile file,
                                         @RequestParam(name = "draftVersion", required = false) Integer draftVersion)
      throws IOException {
    Authentication user = access.requireAny(Set.of(RosterGroups.SECRETARIAT),
        "Загружать протокол может только департамент организации управления и государственной гражданской службы");
    access.known(businessKey);
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().trim();
    if (file.isEmpty() || !name.toLowerCase(Locale.ROOT).endsWith(".docx")) {
      throw new Refusal("Загрузите протокол в формате Word (.docx)");
    }
    if (file.getSize() > MAX_UPLOAD_BYTES) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, "Файл больше 20 МБ");
    }
    byte[] bytes = file.getBytes();
    DocxPackage.requireWordDocument(bytes);
    if (store.signedMinutes(businessKey).isPresent()) {
      throw Refusal.conflict("Протокол заседания " + businessKey
          + " уже подписан: загрузить новую редакцию нельзя.");
    }
    StoredDocument stored = meetingDocuments.upload(businessKey, bytes, draftVersion, user.getUserId());
    return ResponseEntity.status(HttpStatus.CREATED).body(new Uploaded(stored.meetingKey(), stored.kind().name(),
        stored.version(), stored.fileName(), stored.sha256(), stored.createdBy(), stored.createdAt().toString(),
        "Протокол загружен (редакция " + stored.version() + ") — сделан из проекта протокола в редакции "
            + stored.basedOnVersion()));
  }

  /** The answer to an accepted upload. */
  public record Uploaded(String meetingKey, String kind, int version, String fileName, String sha256,
                         String uploadedBy, String uploadedAt, String message) {
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<ApiErrorHandler.ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return ApiErrorHandler.body(HttpStatus.PAYLOAD_TOO_LARGE, "Файл слишком большой для загрузки");
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  public ResponseEntity<ApiErrorHandler.ApiError> missingPart(MissingServletRequestPartException e) {
    return ApiErrorHandler.body(HttpStatus.BAD_REQUEST, "Не приложен файл протокола (поле «file»)");
  }

}
