package ru.nso.wg.notification;

/**
 * A message could not be delivered (mail server down, refused) or composed. Thrown so that the calling job fails
 * and is retried; its message (Russian) is what Cockpit shows on the incident. Recipients delivered before the
 * failure are in the delivery log and are not sent again on the retry.
 */
public class NotificationException extends RuntimeException {

  public NotificationException(String message, Throwable cause) {
    super(message, cause);
  }

  public NotificationException(String message) {
    super(message);
  }
}
