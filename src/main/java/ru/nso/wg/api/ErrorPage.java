package ru.nso.wg.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import ru.nso.wg.common.WebPages;

import java.util.Locale;
import java.util.Map;

/**
 * A refusal of {@code /api} answered to a person rather than to a program: a link clicked in a form (a document of a
 * meeting, the upload page) is a browser navigation, which asks for HTML first. It gets a short Russian page with
 * the message and a way back ({@code templates/web/error.html}, the title from {@code messages.properties}), never
 * the JSON body programs read ({@link ApiErrorHandler.ApiError}). Programs ({@code fetch}, the webapps' AJAX, curl)
 * do not ask for {@code text/html} and keep getting JSON.
 */
@Component
public class ErrorPage {

  private final ITemplateEngine engine;

  public ErrorPage(ITemplateEngine engine) {
    this.engine = engine;
  }

  /** A browser's navigation: a GET whose Accept names {@code text/html} (programs send JSON or {@code *}/{@code *}). */
  public static boolean wanted(HttpServletRequest request) {
    String accept = request == null ? null : request.getHeader("Accept");
    return accept != null && "GET".equalsIgnoreCase(request.getMethod())
        && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
  }

  /** The page for a refusal with this status and Russian message (escaped like every value of a page). */
  public ResponseEntity<String> of(HttpServletRequest request, HttpStatus status, String message) {
    return WebPages.render(engine, "error", request, status,
        Map.of("titleKey", titleKey(status), "message", message == null ? "" : message));
  }

  /** The key of the page's title in {@code messages.properties}. */
  static String titleKey(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT -> "error.title." + status.value();
      default -> status.is5xxServerError() ? "error.title.500" : "error.title.400";
    };
  }
}
