package ru.nso.wg.document;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.WebPages;
import ru.nso.wg.meeting.MeetingRef;

import java.util.Map;

/**
 * The page behind «Загрузить исправленный протокол» of the task «Оформить протокол заседания»
 * ({@code GET /api/meetings/{key}/minutes/upload}): the secretariat picks the edited Word file and it is sent to
 * {@code POST /api/meetings/{key}/minutes} ({@link MeetingDocumentsController}), which checks who may upload and
 * what. The link opens in the Tasklist tab (Tasklist drops {@code target="_blank"}), so the page leads back to the
 * task. Authentication is the Tasklist session ({@code ApiAuthenticationFilter}); the upload sends the session's
 * CSRF token ({@link WebPages#CSRF_TOKEN}, written into the page) in {@code X-XSRF-TOKEN} as the webapps do, and the
 * page's script and style carry the answer's Content-Security-Policy nonce ({@link WebPages#CSP_NONCE}). The page is
 * {@code templates/web/minutes-upload.html}, its texts in {@code messages.properties}.
 */
@RestController
public class MinutesUploadPage {

  private final DocumentStore store;
  private final ITemplateEngine engine;
  private final String tasklistUrl;

  public MinutesUploadPage(DocumentStore store, ITemplateEngine engine,
                           @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.store = store;
    this.engine = engine;
    this.tasklistUrl = webappPath.replaceAll("/+$", "") + "/app/tasklist/default/";
  }

  @GetMapping(path = "/api/meetings/{businessKey}/minutes/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(@PathVariable String businessKey, HttpServletRequest request) {
    if (!businessKey.matches("\\d{4}-\\d{1,4}") || !store.exists(businessKey)) {
      throw Refusal.notFound("Заседание " + businessKey + " не найдено или по нему нет документов");
    }
    return WebPages.render(engine, "minutes-upload", request, HttpStatus.OK, Map.of(
        "meeting", MeetingRef.parse(businessKey).display(),
        "uploadUrl", "/api/meetings/" + businessKey + "/minutes",
        "tasklist", tasklistUrl));
  }
}
