package ru.nso.wg.api;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import ru.nso.wg.common.Refusal;

/**
 * Every error of the application's API ({@code /api}) is JSON {@code {"status": …, "error": …, "message": …}} with a
 * message in Russian; a refusal answers with the status of its kind, a bad parameter is a 400, never a 500.
 */
@RestControllerAdvice(basePackages = "ru.nso.wg")
public class ApiErrorHandler {

  /** The body of every error answer of {@code /api}. */
  public record ApiError(int status, String error, String message) {
  }

  public static ResponseEntity<ApiError> body(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message));
  }

  @ExceptionHandler(Refusal.class)
  public ResponseEntity<ApiError> refused(Refusal e) {
    return body(HttpStatus.valueOf(e.kind().status()), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<ApiError> missing(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, "Не указан обязательный параметр «" + e.getParameterName() + "»");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ApiError> mismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, "Недопустимое значение параметра «" + e.getName() + "»: " + e.getValue());
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<ApiError> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия");
  }
}
