package ru.nso.wg.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import ru.nso.wg.common.Refusal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Shows staff the refusal, not the engine's wrapping of it. When a task listener refuses a submitted form
 * ({@link Refusal}), the engine REST API answers {@code 500 {"type":"RestException","message":"Cannot submit task
 * form 4f…: ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Exception while invoking
 * TaskListener: Васильев П.А. отмечен(а) одновременно очно и по ВКС'"}} and Tasklist prints that message as it is.
 * This filter, on the engine REST APIs of Tasklist ({@code /camunda/api/engine/*}) and of clients
 * ({@code /engine-rest/*}), replaces such an error's message by the refusal's own text, its type by
 * {@code Refusal} and its status by the refusal kind's (400, 403, 404, 409, 413, 422; never 401, which would log
 * Tasklist out); everything else stays as it was. Only requests that change something (not GET) are looked at, and
 * only an error whose message contains the text of a refusal raised by the engine while the request ran
 * ({@link RefusalCapture}). A server error of such a request whose message shows SQL (a statement, a driver's
 * exception) is answered with a short Russian message instead: the statement is in the log, not in the answer.
 */
public class RefusalMessageFilter extends OncePerRequestFilter {

  /** What shows that an error message carries SQL or the database's own error. */
  private static final Pattern SQL = Pattern.compile("(?is).*(### SQL|### Error|### Cause|SQLException|JdbcSQL"
      + "|org\\.h2\\.|org\\.postgresql|PSQLException|SQL statement|insert into |update \\w+ set |select .* from ).*");

  /** The message of a server error that showed SQL. */
  static final String SERVER_ERROR = "Внутренняя ошибка сервера: изменения не сохранены. Сообщите администратору "
      + "время, когда это произошло";

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try (RefusalCapture capture = RefusalCapture.open()) {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400) {
        Optional<Refusal> refusal = capture.last();
        Optional<byte[]> rewritten = refusal.flatMap(r -> rewritten(wrapper.getContentAsByteArray(), r));
        if (rewritten.isPresent()) {
          wrapper.setStatus(status(refusal.get()));
        } else if (wrapper.getStatus() >= 500) {
          rewritten = withoutSql(wrapper.getContentAsByteArray());
        }
        rewritten.ifPresent(body -> {
          wrapper.resetBuffer();
          wrapper.setContentType("application/json;charset=UTF-8");
          wrapper.setContentLength(body.length);
          try {
            wrapper.getOutputStream().write(body);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  /** The HTTP status of a refusal: its kind's, but never 401 (Tasklist would take it for an ended session). */
  static int status(Refusal refusal) {
    return refusal.kind() == Refusal.Kind.UNAUTHENTICATED ? 403 : refusal.kind().status();
  }

  /** A server error whose message shows SQL, with a short Russian message instead; other answers unchanged. */
  Optional<byte[]> withoutSql(byte[] body) {
    try {
      if (!(json.readTree(body) instanceof ObjectNode error) || !error.path("message").isTextual()
          || !SQL.matcher(error.path("message").asText()).matches()) {
        return Optional.empty();
      }
      error.put("type", "ServerError");
      error.put("message", SERVER_ERROR);
      return Optional.of(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  /** The error body with the refusal's message, when the error is that refusal. */
  Optional<byte[]> rewritten(byte[] body, Refusal refusal) {
    try {
      if (!(json.readTree(body) instanceof ObjectNode error) || !error.path("message").isTextual()
          || !error.path("message").asText().contains(refusal.getMessage())) {
        return Optional.empty();
      }
      error.put("type", Refusal.class.getSimpleName());
      error.put("message", refusal.getMessage());
      return Optional.of(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }
}
