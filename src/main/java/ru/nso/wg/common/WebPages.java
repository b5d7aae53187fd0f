package ru.nso.wg.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the application's own HTML pages under {@code /api} share with the security headers, and how they are written:
 * a Thymeleaf template under {@code templates/web/} ({@link TemplateEngines}) given the answer's CSP nonce
 * ({@code nonce}: every {@code <script>} and {@code <style>} carries {@code th:nonce="${nonce}"}) and the session's
 * CSRF token ({@code csrf}: a page that posts sends it back in {@code X-XSRF-TOKEN}); the common head and the links
 * back to Tasklist are the fragments of {@code templates/web/fragments.html} ({@code page-head}, {@code back}).
 */
public final class WebPages {

  /**
   * The request attribute holding this answer's Content-Security-Policy nonce (set by
   * {@code security.SecurityHeadersFilter}): a page's {@code <script>} and {@code <style>} must carry it.
   */
  public static final String CSP_NONCE = "ru.nso.wg.cspNonce";

  /**
   * The request attribute holding the CSRF token of the webapp session the request came with (set by
   * {@code security.ApiAuthenticationFilter}): a page sends it back in {@code X-XSRF-TOKEN} with what it posts.
   */
  public static final String CSRF_TOKEN = "ru.nso.wg.csrfToken";

  private WebPages() {
  }

  /**
   * The page {@code templates/web/<name>.html} filled with {@code values}, the nonce and the CSRF token, as an
   * answer with this status that no cache keeps.
   */
  public static ResponseEntity<String> render(ITemplateEngine engine, String name, HttpServletRequest request,
                                              HttpStatus status, Map<String, Object> values) {
    Context context = new Context(TemplateEngines.RUSSIAN, values);
    context.setVariable("nonce", token(request == null ? null : request.getAttribute(CSP_NONCE)));
    context.setVariable("csrf", token(request == null ? null : request.getAttribute(CSRF_TOKEN)));
    String html = engine.process("web/" + name, context);
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(html);
  }

  /** A token as it may appear in a page: letters, digits, {@code +/=_-} only (hex or Base64), else nothing. */
  static String token(Object value) {
    return value instanceof String text && text.matches("[A-Za-z0-9+/=_-]+") ? text : "";
  }
}
