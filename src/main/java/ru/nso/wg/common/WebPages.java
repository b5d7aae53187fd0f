package ru.nso.wg.common;

/** What the application's own HTML pages under {@code /api} share with the security headers. */
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
}
