package ru.nso.wg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells Spring Boot's actuator who calls {@code /actuator/*}: the user of a webapp session or of a valid HTTP Basic
 * header, with his Camunda groups as roles. The actuator shows the health's components and details only to
 * {@code camunda-admin} ({@code management.endpoint.health.show-details: when-authorized}); anonymous callers (load
 * balancers, container health checks) still get {@code {"status":"UP"}} or {@code DOWN}. A wrong password is
 * refused with 401 rather than treated as anonymous.
 */
public class ActuatorAuthenticationFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  public ActuatorAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> user;
    try {
      user = ApiAuthenticationFilter.fromSession(request);
      if (user.isEmpty() && request.getHeader("Authorization") != null) {
        user = ApiAuthenticationFilter.fromBasic(request, identityService);
        if (user.isEmpty()) {
          response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
          response.setHeader("WWW-Authenticate", "Basic realm=\"wg-meetings\", charset=\"UTF-8\"");
          response.setContentType("application/json;charset=UTF-8");
          response.getOutputStream().write(("{\"error\":\"unauthorized\","
              + "\"message\":\"Неверное имя пользователя или пароль\"}").getBytes(StandardCharsets.UTF_8));
          return;
        }
      }
    } catch (RuntimeException databaseUnavailable) {
      // health must answer (DOWN) while the database is away: the caller is then simply anonymous
      user = Optional.empty();
    }
    if (user.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String userId = user.get();
    Set<String> groups;
    try {
      groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
          .collect(Collectors.toUnmodifiableSet());
    } catch (RuntimeException databaseUnavailable) {
      groups = Set.of();
    }
    Set<String> roles = groups;
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return () -> userId;
      }

      @Override
      public String getRemoteUser() {
        return userId;
      }

      @Override
      public boolean isUserInRole(String role) {
        return roles.contains(role);
      }
    }, response);
  }
}
