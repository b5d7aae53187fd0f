package ru.nso.wg.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.thymeleaf.spring6.SpringTemplateEngine;
import ru.nso.wg.api.ErrorPage;
import ru.nso.wg.common.TemplateEngines;
import ru.nso.wg.common.WebPages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The application's pages are Thymeleaf templates ({@code templates/web/}): escaped, with nonce and token. */
class WebPageTemplatesTest {

  @TempDir
  Path overrides;

  private static MockHttpServletRequest request(String nonce, String csrf) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/meetings/2026-7/minutes/upload");
    request.setAttribute(WebPages.CSP_NONCE, nonce);
    request.setAttribute(WebPages.CSRF_TOKEN, csrf);
    return request;
  }

  @Test
  void theErrorPageShowsAHostileMessageAsTextAndCarriesTheNonce() {
    ErrorPage page = new ErrorPage(TemplateEngines.create(overrides));

    ResponseEntity<String> answer = page.of(request("n0nce+/=", null), HttpStatus.NOT_FOUND,
        "Заседание <script>alert(1)</script> не найдено");

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(answer.getBody()).startsWith("<!DOCTYPE html>").contains("<html lang=\"ru\">",
        "<title>Документ не найден</title>", "<style nonce=\"n0nce+/=\">",
        "Заседание &lt;script&gt;alert(1)&lt;/script&gt; не найдено", "кнопка «Назад» браузера")
        .doesNotContain("<script>", " th:", "??");
    assertThat(page.of(request(null, null), HttpStatus.CONFLICT, "x").getBody())
        .contains("<title>Действие сейчас невозможно</title>");
    assertThat(page.of(request(null, null), HttpStatus.INTERNAL_SERVER_ERROR, "x").getBody())
        .contains("<title>Ошибка сервера</title>");
    // a nonce that is not a token is left out rather than written into the page
    assertThat(page.of(request("\"><script>alert(1)</script>", null), HttpStatus.FORBIDDEN, "x").getBody())
        .contains("<style>", "Недостаточно прав").doesNotContain("<script>", "nonce=");
  }

  @Test
  void theUploadPageCarriesTokenNonceAndTheWayBack() {
    DocumentStore store = mock(DocumentStore.class);
    when(store.exists("2026-7")).thenReturn(true);
    MinutesUploadPage upload = new MinutesUploadPage(store, TemplateEngines.create(overrides), "/camunda/");

    String html = upload.page("2026-7", request("abc123", "0123abcd")).getBody();

    assertThat(html).contains("<title>Протокол заседания № 7/2026: загрузка исправленной редакции</title>",
        "data-csrf=\"0123abcd\"",
        "data-action=\"/api/meetings/2026-7/minutes\"", "<script nonce=\"abc123\">", "<style nonce=\"abc123\">",
        "href=\"/camunda/app/tasklist/default/\"", "← Вернуться к задаче", "Не больше 20 МБ.",
        "data-failed=\"Не удалось загрузить протокол (ошибка {status})\"").doesNotContain(" th:", "??");
  }

  @Test
  void anAdministratorsCopyOfAPageAndOfTheBundleWins() throws IOException {
    Files.createDirectories(overrides.resolve("web"));
    Files.writeString(overrides.resolve("messages.properties"), "error.title.404=Не найдено\n",
        StandardCharsets.UTF_8);
    SpringTemplateEngine engine = TemplateEngines.create(overrides);
    assertThat(new ErrorPage(engine).of(request(null, null), HttpStatus.NOT_FOUND, "<b>нет</b>").getBody())
        .contains("<title>Не найдено</title>", "&lt;b&gt;нет&lt;/b&gt;", "кнопка «Назад» браузера");

    Files.writeString(overrides.resolve("web/error.html"), "<!DOCTYPE html><html lang=\"ru\"><body>"
        + "<p>Служба поддержки: 8-800.</p><p th:text=\"${message}\">…</p></body></html>", StandardCharsets.UTF_8);
    assertThat(new ErrorPage(engine).of(request(null, null), HttpStatus.NOT_FOUND, "<b>нет</b>").getBody())
        .contains("Служба поддержки: 8-800.", "<p>&lt;b&gt;нет&lt;/b&gt;</p>");
  }
}
