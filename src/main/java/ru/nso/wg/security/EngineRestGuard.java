package ru.nso.wg.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.nso.wg.roster.AsEngine;
import ru.nso.wg.roster.RosterGroups;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Camunda's authorizations do not cover on the engine's REST APIs — Camunda's own ({@code /engine-rest}) and
 * the webapps' ({@code /camunda/api/engine}) — decided before the call reaches the engine:
 * <ul>
 *   <li>jobs and job definitions are executed, retried, rescheduled, suspended or deleted by administrators only
 *   (Camunda checks the permission inside the job's execution, so a refused {@code execute} used up one of the
 *   job's retries);</li>
 *   <li>metrics, telemetry and {@code identity/verify} (a password oracle) are for administrators only;</li>
 *   <li>the models' XML and diagrams, and deployment resources, for administrators, the secretariat and the
 *   chair's office (who follow meetings in Cockpit) only;</li>
 *   <li>e-mail addresses of users are shown to administrators and the secretariat (who maintain the roster), and
 *   to each user his own; to anyone else they are blanked, and searching users by address is refused;</li>
 *   <li>models are deployed (created or redeployed) by administrators and analysts ({@code wg-analysts}, with
 *   CREATE on deployments) — by analysts only where {@code wg.models.rest-deployment} allows it (on by default,
 *   off in {@code prod}); every deployment is checked by {@code deployment/DeploymentCheckPlugin};</li>
 *   <li>a user who is not an administrator changes his own password (with his current one) — done here, as the
 *   engine, because the user has no UPDATE on his own user any more ({@link RosterAuthorizationProvider}) — and
 *   nobody else's.</li>
 * </ul>
 */
public class EngineRestGuard extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PREFIX =
      Pattern.compile("^(?:/engine-rest(?:/engine/[^/]+)?|/[^/]+/api/engine/engine/[^/]+)(/.*)$");
  private static final Pattern JOB_QUERY = Pattern.compile("^/job(?:-definition)?(?:/count)?/?$");
  private static final Pattern JOB = Pattern.compile("^/job(?:-definition)?/.+");
  private static final Pattern ADMIN_ONLY = Pattern.compile("^/(?:metrics|telemetry)(?:/.*)?$|^/identity/verify/?$");
  private static final Pattern MODEL = Pattern.compile(
      "^/(?:process|decision|case|decision-requirements)-definition/.+/(?:xml|diagram)/?$"
          + "|^/deployment/[^/]+/resources(?:/.*)?$");
  private static final Pattern DEPLOY = Pattern.compile("^/deployment/(?:create|[^/]+/redeploy)/?$");
  private static final Pattern USERS = Pattern.compile("^/user(?:/count)?/?$|^/user/[^/]+/profile/?$");
  private static final Pattern CREDENTIALS = Pattern.compile("^/user/([^/]+)/credentials/?$");
  /** Who follows meetings in Cockpit and so sees the diagrams. */
  private static final List<String> MODEL_READERS = List.of(RosterGroups.SECRETARIAT, RosterGroups.CHAIR,
      RosterGroups.ANALYSTS);
  /** Who maintains the roster and so sees the e-mail addresses. */
  private static final List<String> ADDRESS_READERS = List.of(RosterGroups.SECRETARIAT);

  private final IdentityService identity;
  private final AsEngine asEngine;
  private final LoginThrottle throttle;
  private final boolean restDeployment;

  public EngineRestGuard(IdentityService identity, AsEngine asEngine, LoginThrottle throttle,
                         boolean restDeployment) {
    this.identity = identity;
    this.asEngine = asEngine;
    this.throttle = throttle;
    this.restDeployment = restDeployment;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher prefixed = PREFIX.matcher(request.getRequestURI().substring(request.getContextPath().length()));
    Optional<Caller> caller = prefixed.matches() ? Caller.of(request, identity, asEngine) : Optional.empty();
    if (caller.isEmpty() || caller.get().admin()) {
      chain.doFilter(request, response); // unauthenticated: Camunda answers; administrators: Camunda decides
      return;
    }
    Caller who = caller.get();
    String path = prefixed.group(1);
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    boolean changes = Csrf.changesState(request);

    if (changes && JOB.matcher(path).matches() && !JOB_QUERY.matcher(path).matches()) {
      Answers.engine(response, 403, "AuthorizationException",
          "Выполнять задания, менять их число попыток, срок, приоритет или приостанавливать их может только "
              + "администратор");
      return;
    }
    if (ADMIN_ONLY.matcher(path).matches()) {
      Answers.engine(response, 403, "AuthorizationException", "Доступно только администратору");
      return;
    }
    if ("POST".equals(method) && DEPLOY.matcher(path).matches()) {
      if (!who.inAny(List.of(RosterGroups.ANALYSTS))) {
        Answers.engine(response, 403, "AuthorizationException",
            "Развёртывать модели процессов могут только администраторы и аналитики (группа wg-analysts)");
        return;
      }
      if (!restDeployment) {
        Answers.engine(response, 403, "AuthorizationException",
            "На этой установке модели через REST развёртывает только администратор (настройка "
                + "wg.models.rest-deployment выключена)");
        return;
      }
    }
    if (MODEL.matcher(path).matches() && !who.inAny(MODEL_READERS)) {
      Answers.engine(response, 403, "AuthorizationException",
          "Схемы процессов и ресурсы развёртываний доступны администраторам, секретариату и аппарату председателя");
      return;
    }
    Matcher credentials = CREDENTIALS.matcher(path);
    if (credentials.matches() && "PUT".equals(method)) {
      changePassword(request, response, who, credentials.group(1));
      return;
    }
    if ("GET".equals(method) && USERS.matcher(path).matches() && !who.inAny(ADDRESS_READERS)) {
      if (request.getParameter("email") != null || request.getParameter("emailLike") != null) {
        Answers.engine(response, 403, "AuthorizationException",
            "Поиск пользователей по адресу электронной почты доступен администраторам и секретариату");
        return;
      }
      withoutOthersAddresses(request, response, chain, who.userId());
      return;
    }
    chain.doFilter(request, response);
  }

  private void changePassword(HttpServletRequest request, HttpServletResponse response, Caller who, String userId)
      throws IOException {
    if (!who.userId().equals(userId)) {
      Answers.engine(response, 403, "AuthorizationException",
          "Пароль пользователя может изменить только он сам или администратор");
      return;
    }
    boolean fromWebapp = !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest");
    if (fromWebapp && !Csrf.tokenValid(request)) {
      Answers.engine(response, 403, "AuthorizationException", "Отсутствует или неверен CSRF-токен: обновите страницу");
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(request.getInputStream());
    } catch (IOException e) {
      body = null;
    }
    String password = body == null ? null : body.path("password").asText(null);
    String current = body == null ? null : body.path("authenticatedUserPassword").asText(null);
    if (password == null || password.isEmpty() || current == null) {
      Answers.engine(response, 400, "InvalidRequestException", "Укажите текущий и новый пароль");
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(userId, address, false);
    if (wait.isPresent()) {
      response.setHeader("Retry-After", Long.toString(Math.max(1, wait.get().toSeconds())));
      Answers.engine(response, 429, "InvalidRequestException", "Слишком много неудачных попыток. Повторите позже.");
      return;
    }
    if (!identity.checkPassword(userId, current)) {
      throttle.failed(userId, address, false);
      Answers.engine(response, 400, "InvalidRequestException", "Текущий пароль указан неверно");
      return;
    }
    try {
      asEngine.run(() -> {
        User user = identity.createUserQuery().userId(userId).singleResult();
        user.setPassword(password);
        identity.saveUser(user);
      });
    } catch (ProcessEngineException e) {
      if (e.getMessage() == null || !e.getMessage().contains("policy")) {
        throw e;
      }
      // Camunda's default password policy (enable-password-policy in prod)
      Answers.engine(response, 400, "InvalidRequestException", "Новый пароль не соответствует политике паролей: "
          + "не короче 10 символов, строчная и заглавная буквы, цифра и специальный символ, без имени пользователя");
      return;
    }
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /** Lets the user query answer, then blanks every e-mail address but the caller's own. */
  private void withoutOthersAddresses(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                      String userId) throws IOException, ServletException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    String type = buffered.getContentType();
    if (buffered.getStatus() != 200 || body.length == 0 || type == null || !type.contains("json")) {
      buffered.copyBodyToResponse();
      return;
    }
    JsonNode json = JSON.readTree(body);
    for (JsonNode user : json.isArray() ? json : List.of(json)) {
      if (user instanceof ObjectNode node && node.has("email") && !userId.equals(node.path("id").asText())) {
        node.putNull("email");
      }
    }
    byte[] blanked = JSON.writeValueAsBytes(json);
    buffered.resetBuffer();
    response.setContentLength(blanked.length);
    response.getOutputStream().write(blanked);
  }
}
