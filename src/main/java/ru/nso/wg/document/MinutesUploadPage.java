package ru.nso.wg.document;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.WebPages;
import ru.nso.wg.meeting.MeetingRef;

import java.nio.charset.StandardCharsets;

/**
 * The page behind «Загрузить исправленный протокол» of the task «Оформить протокол заседания»
 * ({@code GET /api/meetings/{key}/minutes/upload}): the secretariat picks the edited Word file and it is sent to
 * {@code POST /api/meetings/{key}/minutes} ({@link MeetingDocumentsController}), which checks who may upload and
 * what. The link opens in the Tasklist tab (Tasklist drops {@code target="_blank"}), so the page leads back to the
 * task. Authentication is the Tasklist session ({@code ApiAuthenticationFilter}); the upload sends the session's
 * CSRF token ({@link WebPages#CSRF_TOKEN}, written into the page) in {@code X-XSRF-TOKEN} as the webapps do, and the
 * page's script and style carry the answer's Content-Security-Policy nonce ({@link WebPages#CSP_NONCE}).
 */
@RestController
public class MinutesUploadPage {

  private final DocumentStore store;
  private final String tasklistUrl;

  public MinutesUploadPage(DocumentStore store,
                           @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.store = store;
    this.tasklistUrl = webappPath.replaceAll("/+$", "") + "/app/tasklist/default/";
  }

  @GetMapping(path = "/api/meetings/{businessKey}/minutes/upload", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(@PathVariable String businessKey, HttpServletRequest request) {
    if (!businessKey.matches("\\d{4}-\\d{1,4}") || !store.exists(businessKey)) {
      throw Refusal.notFound("Заседание " + businessKey + " не найдено или по нему нет документов");
    }
    String meeting = MeetingRef.parse(businessKey).display();
    String html = PAGE
        .replace("{meeting}", meeting)
        .replace("{key}", businessKey)
        .replace("{tasklist}", tasklistUrl)
        .replace("{nonce}", token(request.getAttribute(WebPages.CSP_NONCE)))
        .replace("{csrf}", token(request.getAttribute(WebPages.CSRF_TOKEN)));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(html);
  }

  /** A token as it may appear in the page: letters, digits, {@code +/=_-} only (hex or Base64), else nothing. */
  private static String token(Object value) {
    return value instanceof String text && text.matches("[A-Za-z0-9+/=_-]+") ? text : "";
  }

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="ru">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Протокол заседания {meeting}: загрузка исправленной редакции</title>
      <style nonce="{nonce}">
        body { font-family: "IBM Plex Sans", Arial, sans-serif; margin: 2rem auto; max-width: 44rem; padding: 0 1rem;
               color: #333; line-height: 1.45; }
        h1 { font-size: 1.5rem; font-weight: 500; }
        label { display: block; font-weight: 600; margin: 1.5rem 0 .5rem; }
        button { margin-top: 1rem; padding: .5rem 1.25rem; font-size: 1rem; background: #b5152b; color: #fff;
                 border: 0; border-radius: 3px; cursor: pointer; }
        button[disabled] { opacity: .6; cursor: default; }
        #result { margin-top: 1.5rem; padding: .75rem 1rem; border-radius: 3px; }
        #result.ok { background: #dff0d8; color: #3c763d; }
        #result.error { background: #f2dede; color: #a94442; }
        #result:empty { display: none; }
        .hint { color: #666; font-size: .9rem; }
      </style>
      </head>
      <body>
      <h1>Протокол заседания {meeting}: исправленная редакция</h1>
      <p>Загрузите протокол, оформленный на основании аудиозаписи (п. 18 Положения), в формате Word (.docx).
      Председательствующему на подпись направляется последняя загруженная редакция.</p>
      <p>Правьте файл, скачанный из задачи: в нём записано, из какой редакции проекта он сделан. Если после этой
      редакции поступило особое мнение, проект уже сформирован заново и загрузка будет отклонена — скачайте новую
      редакцию и внесите правки в неё.</p>
      <form id="upload">
        <label for="file">Файл протокола (.docx)</label>
        <input type="file" id="file" name="file"
               accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required>
        <div class="hint">Не больше 20 МБ.</div>
        <label for="draftVersion">Редакция проекта, из которой сделан файл</label>
        <input type="number" id="draftVersion" name="draftVersion" min="1" step="1">
        <div class="hint">Только если файл создан не из проекта, скачанного в задаче.</div>
        <button type="submit" id="send">Загрузить</button>
      </form>
      <div id="result" role="status" aria-live="polite"></div>
      <p><a href="#" id="back">← Вернуться к задаче</a> · <a href="{tasklist}">Задачи Рабочей группы</a></p>
      <script nonce="{nonce}">
        document.getElementById('back').addEventListener('click', function (e) {
          e.preventDefault();
          if (history.length > 1) { history.back(); } else { location.href = '{tasklist}'; }
        });
        document.getElementById('upload').addEventListener('submit', function (e) {
          e.preventDefault();
          var result = document.getElementById('result');
          var send = document.getElementById('send');
          var file = document.getElementById('file').files[0];
          if (!file) { return; }
          var data = new FormData();
          data.append('file', file);
          var draftVersion = document.getElementById('draftVersion').value;
          if (draftVersion) { data.append('draftVersion', draftVersion); }
          send.disabled = true;
          result.className = '';
          result.textContent = 'Загрузка…';
          fetch('/api/meetings/{key}/minutes', { method: 'POST', body: data, credentials: 'same-origin',
              headers: { 'X-XSRF-TOKEN': '{csrf}' } })
            .then(function (response) {
              return response.json().catch(function () { return {}; }).then(function (body) {
                result.className = response.ok ? 'ok' : 'error';
                result.textContent = body.message || (response.ok ? 'Протокол загружен'
                    : 'Не удалось загрузить протокол (ошибка ' + response.status + ')');
              });
            })
            .catch(function () {
              result.className = 'error';
              result.textContent = 'Нет связи с сервером: протокол не загружен';
            })
            .finally(function () { send.disabled = false; });
        });
      </script>
      </body>
      </html>
      """;
}
