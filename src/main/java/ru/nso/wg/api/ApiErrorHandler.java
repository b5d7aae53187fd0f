package ru.nso.wg.api;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import ru.nso.wg.common.Refusal;

/**
 * Every error of the application's API ({@code /api}) is JSON {@code {"status": …, "error": …, "message": …}} with a
 * message in Russian; a refusal answers with the status of its kind, a bad parameter is a 400, never a 500. A link a
 * person clicked (a browser's navigation) gets the same message as a Russian HTML page instead ({@link ErrorPage}).
 */
@RestControllerAdvice(basePackages = "ru.nso.wg")
public class ApiErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

  private final ErrorPage errorPage;

  public ApiErrorHandler(ErrorPage errorPage) {
    this.errorPage = errorPage;
  }

  /** The body of every error answer of {@code /api}. */
  public record ApiError(int status, String error, String message) {
  }

  public static ResponseEntity<ApiError> body(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
  }

  /** JSON for programs, a Russian page for a person's click ({@link ErrorPage#wanted}). */
  ResponseEntity<?> answer(HttpServletRequest request, HttpStatus status, String message) {
    return ErrorPage.wanted(request) ? errorPage.of(request, status, message) : body(status, message);
  }

  @ExceptionHandler(Refusal.class)
  public ResponseEntity<?> refused(Refusal e, HttpServletRequest request) {
    return answer(request, HttpStatus.valueOf(e.kind().status()), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<?> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST, "Не указан обязательный параметр «" + e.getParameterName() + "»");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<?> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST,
        "Недопустимое значение параметра «" + e.getName() + "»: " + e.getValue());
  }

  /** A database error is logged with its statement; the person gets a short message, never the SQL. */
  @ExceptionHandler(DataAccessException.class)
  public ResponseEntity<ApiError> database(DataAccessException e) {
    LOG.error("Database error answered as 500", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера: изменения не сохранены. "
        + "Сообщите администратору время, когда это произошло");
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<?> forbidden(AuthorizationException e, HttpServletRequest request) {
    return answer(request, HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия");
  }
}
