package ru.nso.wg.meeting;

/**
 * A request that the regulation or the record does not allow, with a short Russian message for the person
 * who made it. Thrown from a task listener or a start, it leaves the task open (or starts nothing) and
 * rolls back everything of that transaction.
 */
public class MeetingRefusal extends RuntimeException {

  public MeetingRefusal(String message) {
    super(message);
  }
}
