package ru.nso.wg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.nso.wg.common.WebPages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates calls to the application's own API ({@code /api/*}) and sets the engine's current
 * authentication for the request, so that Camunda authorizations apply to what the API reads and changes.
 * Accepted: HTTP Basic against Camunda identity, or the webapp session of a user logged into Tasklist/Cockpit.
 *
 * <p>A call that changes something (POST, PUT, PATCH, DELETE) is refused with 403 when a browser sent it from a
 * page of another site ({@code Origin}), and, when it rests on the session (no HTTP Basic), unless it carries the
 * session's CSRF token in {@code X-XSRF-TOKEN}, as the webapps' own calls do ({@link Csrf}).
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean basic = LoginThrottleFilter.basicUser(request).isPresent();
    Optional<String> userId = basic ? fromBasic(request, identityService) : fromSession(request);
    if (userId.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"wg-meetings\", charset=\"UTF-8\"");
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(
          "{\"error\":\"unauthorized\",\"message\":\"Требуется вход в систему\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (Csrf.changesState(request) && Csrf.fromAnotherSite(request)) {
      Answers.api(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
          "Запрос отправлен со страницы другого сайта и отклонён");
      return;
    }
    if (Csrf.changesState(request) && !basic && !Csrf.tokenValid(request)) {
      Answers.api(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Запрос отклонён: нет действительного "
          + "CSRF-токена сеанса (заголовок X-XSRF-TOKEN). Обновите страницу и повторите.");
      return;
    }
    if (!basic) {
      Object token = request.getSession().getAttribute(Csrf.SESSION_ATTRIBUTE);
      if (token instanceof String value) {
        request.setAttribute(WebPages.CSRF_TOKEN, value); // for our pages: Camunda's cookie is for /camunda only
      }
    }
    List<String> groups = identityService.createGroupQuery().groupMember(userId.get()).list().stream()
        .map(Group::getId).toList();
    identityService.setAuthentication(userId.get(), groups);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The user logged into the webapps in this request's session, if any. */
  static Optional<String> fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return authentications.getAuthentications().stream()
        .map(UserAuthentication::getIdentityId)
        .findFirst();
  }

  /** The user of a valid HTTP Basic header, if any. */
  static Optional<String> fromBasic(HttpServletRequest request, IdentityService identityService) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    return identityService.checkPassword(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
  }
}
