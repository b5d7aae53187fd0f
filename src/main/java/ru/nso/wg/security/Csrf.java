package ru.nso.wg.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The webapps' CSRF protection, applied to our own endpoints: the token Camunda's {@code CsrfPreventionFilter}
 * keeps in the session ({@value #SESSION_ATTRIBUTE}) and gives the browser in the cookie {@code XSRF-TOKEN} must
 * come back in the header {@value #HEADER}; and a request a browser sends from another site ({@code Origin}) is
 * refused whatever it carries.
 */
final class Csrf {

  static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String HEADER = "X-XSRF-TOKEN";
  private static final Pattern READING = Pattern.compile("GET|HEAD|OPTIONS|TRACE");

  private Csrf() {
  }

  static boolean changesState(HttpServletRequest request) {
    return !READING.matcher(request.getMethod().toUpperCase(Locale.ROOT)).matches();
  }

  /** Whether the request carries the token of its session. */
  static boolean tokenValid(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String sent = request.getHeader(HEADER);
    if (session == null || sent == null || sent.isBlank()) {
      return false;
    }
    Object expected = session.getAttribute(SESSION_ATTRIBUTE);
    return expected instanceof String token && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a browser sent the request from a page of another site: its {@code Origin} (browsers send it with every
   * POST, PUT, PATCH and DELETE) names neither the host the request was sent to nor this server as it sees itself
   * (behind a proxy, from the forwarded headers). Scripts send no {@code Origin}.
   */
  static boolean fromAnotherSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(origin.trim());
    } catch (URISyntaxException e) {
      return true;
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      return true; // "null": a sandboxed page, a redirect across sites, a file
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String authority = (uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
    String self = (request.getServerName() + ":" + request.getServerPort()).toLowerCase(Locale.ROOT);
    String host = request.getHeader("Host");
    String sentTo = host == null ? "" : (host.contains(":") ? host
        : host + ":" + ("https".equalsIgnoreCase(request.getScheme()) ? 443 : 80)).toLowerCase(Locale.ROOT);
    return !authority.equals(self) && !authority.equals(sentTo);
  }
}
