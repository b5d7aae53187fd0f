package ru.nso.wg.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import ru.nso.wg.common.WebPages;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A refusal of {@code /api} answered to a person rather than to a program: a link clicked in a form (a document of a
 * meeting, the upload page) is a browser navigation, which asks for HTML first. It gets a short Russian page with
 * the message and a way back, never the JSON body programs read ({@link ApiErrorHandler.ApiError}). Programs
 * ({@code fetch}, the webapps' AJAX, curl) do not ask for {@code text/html} and keep getting JSON.
 */
public final class ErrorPage {

  private ErrorPage() {
  }

  /** A browser's navigation: a GET whose Accept names {@code text/html} (programs send JSON or {@code *}/{@code *}). */
  public static boolean wanted(HttpServletRequest request) {
    String accept = request == null ? null : request.getHeader("Accept");
    return accept != null && "GET".equalsIgnoreCase(request.getMethod())
        && accept.toLowerCase(Locale.ROOT).contains(MediaType.TEXT_HTML_VALUE);
  }

  /** The page for a refusal with this status and Russian message. */
  public static ResponseEntity<String> of(HttpServletRequest request, HttpStatus status, String message) {
    String nonce = request.getAttribute(WebPages.CSP_NONCE) instanceof String n && n.matches("[A-Za-z0-9+/=_-]+")
        ? n : "";
    String html = PAGE.replace("{nonce}", nonce)
        .replace("{title}", title(status))
        .replace("{message}", escape(message));
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(html);
  }

  private static String title(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "Документ не найден";
      case FORBIDDEN -> "Недостаточно прав";
      case UNAUTHORIZED -> "Требуется вход в систему";
      case CONFLICT -> "Действие сейчас невозможно";
      default -> status.is5xxServerError() ? "Ошибка сервера" : "Запрос не выполнен";
    };
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="ru">
      <head>
      <meta charset="utf-8">
      <title>{title}</title>
      <style nonce="{nonce}">
        body { font-family: Arial, sans-serif; margin: 40px auto; max-width: 720px; color: #333; }
        h1 { font-size: 22px; }
        p.message { font-size: 16px; border-left: 4px solid #c0392b; padding: 8px 12px; background: #fdf2f1; }
      </style>
      </head>
      <body>
      <h1>{title}</h1>
      <p class="message">{message}</p>
      <p>Вернитесь на предыдущую страницу (кнопка «Назад» браузера) или закройте эту вкладку.</p>
      </body>
      </html>
      """;
}
