package ru.nso.wg.monitoring;

/** A refusal of the monitoring views and reports, with its HTTP status and a Russian message for a person. */
public class MonitoringException extends RuntimeException {

  private final int status;

  public MonitoringException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static MonitoringException badRequest(String message) {
    return new MonitoringException(400, message);
  }

  public static MonitoringException forbidden(String message) {
    return new MonitoringException(403, message);
  }

  public static MonitoringException notFound(String message) {
    return new MonitoringException(404, message);
  }
}
