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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates calls to the application's own API ({@code /api/*}) and sets the engine's current
 * authentication for the request, so that Camunda authorizations apply to what the API reads and changes.
 * Accepted: the webapp session of a user logged into Tasklist/Cockpit, or HTTP Basic against Camunda identity.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> userId = fromSession(request).or(() -> fromBasic(request, identityService));
    if (userId.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"wg-meetings\", charset=\"UTF-8\"");
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(
          "{\"error\":\"unauthorized\",\"message\":\"Требуется вход в систему\"}".getBytes(StandardCharsets.UTF_8));
      return;
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
