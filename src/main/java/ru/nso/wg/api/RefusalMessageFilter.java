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
 * ({@link Refusal}), the engine REST API answers {@code {"type":"RestException","message":"Cannot submit task
 * form 4f…: ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Exception while invoking
 * TaskListener: Васильев П.А. отмечен(а) одновременно очно и по ВКС'"}} and Tasklist prints that message as it is.
 * This filter, on the engine REST APIs of Tasklist ({@code /camunda/api/engine/*}) and of clients
 * ({@code /engine-rest/*}), replaces such an error's message by the refusal's own text and its type by
 * {@code Refusal}; status and everything else stay as they were. Only form submissions, completions and
 * starts are looked at, and only an error whose message contains the text of a refusal raised by the engine while
 * the request ran ({@link RefusalCapture}).
 */
public class RefusalMessageFilter extends OncePerRequestFilter {

  /** POSTs that run task listeners or start processes: submit-form, complete, start, resolve. */
  private static final Pattern SUBMISSION = Pattern.compile(".*/(submit-form|complete|start|resolve)$");

  private final ObjectMapper json = new ObjectMapper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !SUBMISSION.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try (RefusalCapture capture = RefusalCapture.open()) {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400) {
        capture.last().flatMap(refusal -> rewritten(wrapper.getContentAsByteArray(), refusal))
            .ifPresent(body -> {
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
