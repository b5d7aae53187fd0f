package ru.nso.wg.api;

import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/**
 * Every error of the application's API ({@code /api}) is JSON {@code {"error": ..., "message": ...}} with a
 * message in Russian; a bad parameter is a 400, never a 500.
 */
@RestControllerAdvice(basePackages = "ru.nso.wg")
public class ApiErrorHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

  public static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of(
        "status", status.value(),
        "error", status.getReasonPhrase(),
        "message", message));
  }

  @ExceptionHandler(ApiException.class)
  public ResponseEntity<Map<String, Object>> api(ApiException e) {
    return body(e.status(), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
    return body(HttpStatus.BAD_REQUEST, "Не указан обязательный параметр «" + e.getParameterName() + "»");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
    return body(HttpStatus.BAD_REQUEST, "Недопустимое значение параметра «" + e.getName() + "»: " + e.getValue());
  }

  @ExceptionHandler(AuthorizationException.class)
  public ResponseEntity<Map<String, Object>> forbidden(AuthorizationException e) {
    return body(HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия");
  }
}
