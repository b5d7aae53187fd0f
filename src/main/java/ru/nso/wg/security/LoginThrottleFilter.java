package ru.nso.wg.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;
import ru.nso.wg.roster.AsEngine;
import ru.nso.wg.roster.RosterGroups;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Puts {@link LoginThrottle} in front of every place a password is tried: HTTP Basic on {@code /engine-rest},
 * {@code /api} and {@code /actuator}, and the webapps' login form ({@code POST …/api/admin/auth/user/{engine}/login/
 * {app}}). A throttled attempt is answered 429 with {@code Retry-After} and a Russian message, and the password is
 * not checked; otherwise the attempt goes on and its answer tells whether the password was wrong (401).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  /** A login form is a few hundred bytes; more is not read here (the login then fails as Camunda decides). */
  private static final int MAX_FORM = 8192;

  private final LoginThrottle throttle;
  private final IdentityService identity;
  private final AsEngine asEngine;
  private final String loginPathPrefix;

  public LoginThrottleFilter(LoginThrottle throttle, IdentityService identity, AsEngine asEngine,
                             String loginPathPrefix) {
    this.throttle = throttle;
    this.identity = identity;
    this.asEngine = asEngine;
    this.loginPathPrefix = loginPathPrefix;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest attempt = request;
    Optional<String> account = basicUser(request);
    if (account.isEmpty() && isLoginForm(request)) {
      byte[] form = request.getInputStream().readNBytes(MAX_FORM);
      attempt = replay(request, form);
      account = formField(new String(form, StandardCharsets.UTF_8), "username")
          // an earlier filter may have read the form already: then the servlet container has its fields
          .or(() -> Optional.ofNullable(request.getParameter("username")).filter(u -> !u.isEmpty()));
    }
    if (account.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String user = account.get();
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(user, address, () -> administrator(user));
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      response.setHeader("Retry-After", Long.toString(seconds));
      Answers.api(response, 429, "Too Many Requests", "Слишком много неудачных попыток входа. Повторите через "
          + seconds + " с.");
      return;
    }
    chain.doFilter(attempt, response);
    int status = response.getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(user, address, administrator(user));
    } else if (status < 400) {
      throttle.succeeded(user);
    }
  }

  private boolean isLoginForm(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equalsIgnoreCase(request.getMethod()) && path.startsWith(loginPathPrefix)
        && path.substring(loginPathPrefix.length()).matches("[^/]+/login/[^/]+");
  }

  private boolean administrator(String user) {
    try {
      return asEngine.call(() -> identity.createUserQuery().userId(user).memberOfGroup(RosterGroups.ADMINS)
          .count() > 0);
    } catch (RuntimeException databaseUnavailable) {
      return false;
    }
  }

  /** The user name of an HTTP Basic header, whether or not the password is right. */
  static Optional<String> basicUser(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> formField(String form, String name) {
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The request with its body, already read here, to be read again by the login resource. */
  private static HttpServletRequest replay(HttpServletRequest request, byte[] body) {
    return new HttpServletRequestWrapper(request) {
      private final ByteArrayInputStream in = new ByteArrayInputStream(body);

      @Override
      public ServletInputStream getInputStream() {
        return new ServletInputStream() {
          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("synchronous reads only");
          }

          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
          }
        };
      }

      @Override
      public int getContentLength() {
        return body.length;
      }

      @Override
      public long getContentLengthLong() {
        return body.length;
      }
    };
  }
}
