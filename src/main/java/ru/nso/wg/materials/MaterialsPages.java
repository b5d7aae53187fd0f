package ru.nso.wg.materials;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.thymeleaf.ITemplateEngine;
import ru.nso.wg.api.ApiErrorHandler;
import ru.nso.wg.api.ErrorPage;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.common.WebPages;
import ru.nso.wg.document.MaterialStore;
import ru.nso.wg.document.MaterialStore.MaterialFile;
import ru.nso.wg.document.MeetingDocumentsController;
import ru.nso.wg.document.DocumentAccess;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.notification.MailSettings;
import ru.nso.wg.roster.RosterGroups;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pages and endpoints of the speakers' materials.
 * <ul>
 *   <li>{@code GET /materials/{token}}, {@code POST /materials/{token}} (multipart {@code file}) — an outside
 *       speaker's upload page: no login, the link's token is the only credential (scoped to one item, valid until
 *       the materials deadline, {@link MaterialLinks}); a plain HTML form, the answer is the page again with the
 *       result. A refused token or file answers a Russian page with the refusal's 4xx and stores nothing.</li>
 *   <li>{@code GET /api/meetings/{key}/materials/{item}/upload}, {@code POST /api/meetings/{key}/materials/{item}} —
 *       the same for the member who speaks to the item (or the secretariat), linked from the task «Представить
 *       материалы к вопросу N»: the Tasklist session, its CSRF token in {@code X-XSRF-TOKEN}, the CSP nonce.</li>
 *   <li>{@code GET /api/meetings/{key}/materials/{documentId}/file} — a stored material, for those who may read the
 *       meeting's documents ({@link MeetingDocumentsController#READERS}).</li>
 * </ul>
 */
@RestController
public class MaterialsPages {

  private final SpeakerMaterials materials;
  private final MaterialLinks links;
  private final MaterialStore store;
  private final MeetingViews views;
  private final ITemplateEngine templates;
  private final IdentityService identityService;
  private final MaterialsProperties properties;
  private final MailSettings mailSettings;
  private final ErrorPage errorPage;
  private final String tasklistUrl;

  public MaterialsPages(SpeakerMaterials materials, MaterialLinks links, MaterialStore store, MeetingViews views,
                        ITemplateEngine templates, IdentityService identityService, MaterialsProperties properties,
                        MailSettings mailSettings, ErrorPage errorPage,
                        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.materials = materials;
    this.links = links;
    this.store = store;
    this.views = views;
    this.templates = templates;
    this.identityService = identityService;
    this.properties = properties;
    this.mailSettings = mailSettings;
    this.errorPage = errorPage;
    this.tasklistUrl = webappPath.replaceAll("/+$", "") + "/app/tasklist/default/";
  }

  /** The answer to an accepted upload through the application's API. */
  public record Uploaded(String meetingKey, int itemNo, long documentId, String fileName, String sha256,
                         String uploadedBy, String uploadedAt, String message) {
  }

  @GetMapping(path = "/materials/{token}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> linkPage(@PathVariable String token, HttpServletRequest request) {
    MaterialLinks.Scope scope = links.resolve(token);
    return page(HttpStatus.OK, scope.meetingKey(), scope.itemNo(), "/materials/" + token, null, null, null, request);
  }

  @PostMapping(path = "/materials/{token}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> linkUpload(@PathVariable String token, @RequestParam("file") MultipartFile file,
                                           HttpServletRequest request) throws IOException {
    MaterialLinks.Scope scope = links.resolve(token);
    String action = "/materials/" + token;
    try {
      StoredDocument stored = materials.uploadByLink(token, file.getOriginalFilename(), file.getBytes());
      return page(HttpStatus.CREATED, scope.meetingKey(), scope.itemNo(), action, null, accepted(stored), true,
          request);
    } catch (Refusal refusal) {
      return page(HttpStatus.valueOf(refusal.kind().status()), scope.meetingKey(), scope.itemNo(), action, null,
          refusal.getMessage() + ". Файл не сохранён", false, request);
    }
  }

  @GetMapping(path = "/api/meetings/{businessKey}/materials/{itemNo}/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> memberPage(@PathVariable String businessKey, @PathVariable int itemNo,
                                           HttpServletRequest request) {
    String user = caller().getUserId();
    SpeakerMaterials.Request r = materials.request(businessKey, itemNo).orElseThrow(() -> Refusal.notFound(
        "У вопроса № " + itemNo + " заседания " + businessKey + " нет докладчика, от которого ожидаются материалы"));
    List<String> groups = caller().getGroupIds() == null ? List.of() : caller().getGroupIds();
    if (!user.equals(r.speaker().userId()) && !groups.contains(RosterGroups.SECRETARIAT)) {
      throw Refusal.forbidden("Материалы к вопросу № " + itemNo + " загружает докладчик по вопросу или секретариат");
    }
    Object csrf = request.getAttribute(WebPages.CSRF_TOKEN);
    return page(HttpStatus.OK, businessKey, itemNo, "/api/meetings/" + businessKey + "/materials/" + itemNo,
        csrf instanceof String t && t.matches("[A-Za-z0-9+/=_-]+") ? t : "", null, null, request);
  }

  @PostMapping(path = "/api/meetings/{businessKey}/materials/{itemNo}",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<Uploaded> memberUpload(@PathVariable String businessKey, @PathVariable int itemNo,
                                               @RequestParam("file") MultipartFile file) throws IOException {
    String user = caller().getUserId();
    StoredDocument stored = materials.uploadAsMember(businessKey, itemNo, file.getOriginalFilename(),
        file.getBytes(), user);
    return ResponseEntity.status(HttpStatus.CREATED).body(new Uploaded(businessKey, itemNo, stored.id(),
        stored.fileName(), stored.sha256(), stored.createdBy(), stored.createdAt().toString(), accepted(stored)));
  }

  @GetMapping("/api/meetings/{businessKey}/materials/{documentId}/file")
  public ResponseEntity<byte[]> download(@PathVariable String businessKey, @PathVariable long documentId) {
    Authentication caller = caller();
    Set<String> readers = MeetingDocumentsController.READERS;
    if (caller.getGroupIds() == null || caller.getGroupIds().stream().noneMatch(readers::contains)) {
      throw Refusal.forbidden("Недостаточно прав для просмотра документов заседаний");
    }
    StoredDocument document = store.file(businessKey, documentId)
        .orElseThrow(() -> Refusal.notFound("Материал не найден"));
    return DocumentAccess.download(document);
  }

  /** A refused link on the public page: a Russian page with the refusal's status (the API answers as usual). */
  @ExceptionHandler(Refusal.class)
  public ResponseEntity<?> refused(Refusal refusal, HttpServletRequest request) {
    return message(HttpStatus.valueOf(refusal.kind().status()), refusal.getMessage(), request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return message(HttpStatus.PAYLOAD_TOO_LARGE, "Файл слишком большой для загрузки: не сохранён", request);
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  public ResponseEntity<?> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
    return message(HttpStatus.BAD_REQUEST, "Не приложен файл (поле «file»)", request);
  }

  private ResponseEntity<?> message(HttpStatus status, String text, HttpServletRequest request) {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/materials/")) {
      return ErrorPage.wanted(request) ? errorPage.of(request, status, text) : ApiErrorHandler.body(status, text);
    }
    Map<String, Object> values = new HashMap<>();
    values.put("title", "Материалы к вопросу повестки");
    values.put("message", text);
    values.put("contact", mailSettings.from());
    return WebPages.render(templates, "materials-message", request, status, values);
  }

  private ResponseEntity<String> page(HttpStatus status, String key, int itemNo, String action, String csrf,
                                      String message, Boolean ok, HttpServletRequest request) {
    MeetingInfo meeting = views.meeting(key);
    SpeakerMaterials.Request r = materials.request(key, itemNo).orElseThrow(() -> Refusal.notFound(
        "Вопрос не найден"));
    List<MaterialFile> files = store.ofItem(key, itemNo);
    Map<String, Object> values = new HashMap<>();
    values.put("meetingTitle", meeting.title());
    values.put("meetingDateTime", RussianDates.dateTime(meeting.start()));
    values.put("itemNo", itemNo);
    values.put("itemTitle", meeting.items().stream().filter(i -> i.number() == itemNo).map(AgendaItem::title)
        .findFirst().orElse(""));
    values.put("dueDate", RussianDates.numericDateTime(r.dueAt().atZone(RussianDates.ZONE)));
    values.put("maxSize", (properties.maxFileBytes() / (1024 * 1024)) + " МБ");
    values.put("action", action);
    values.put("tasklist", csrf == null ? null : tasklistUrl);
    values.put("message", message);
    values.put("ok", ok);
    values.put("files", files.stream().map(f -> new FileLine(f.fileName(),
        RussianDates.numericDateTime(f.uploadedAt().atZone(RussianDates.ZONE)))).toList());
    return WebPages.render(templates, "materials-upload", request, status, values);
  }

  /** A file as the page lists it. */
  public record FileLine(String fileName, String uploadedAt) {
  }

  private static String accepted(StoredDocument stored) {
    return "Файл «" + stored.fileName() + "» принят (SHA-256 " + stored.sha256() + ")";
  }

  private Authentication caller() {
    return CurrentCaller.require(identityService);
  }
}
