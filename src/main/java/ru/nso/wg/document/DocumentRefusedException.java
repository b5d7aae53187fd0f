package ru.nso.wg.document;

import org.springframework.http.HttpStatus;
import ru.nso.wg.api.ApiException;

/** A change of a meeting's documents that is not allowed (e.g. after signing); 409 with a Russian message. */
public class DocumentRefusedException extends ApiException {

  public DocumentRefusedException(String message) {
    super(HttpStatus.CONFLICT, message);
  }
}
