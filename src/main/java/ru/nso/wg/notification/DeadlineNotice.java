package ru.nso.wg.notification;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A deadline of the regulation that is approaching (reminder) or has been missed (escalation).
 *
 * @param meetingKey         the meeting's business key (or the key of another subject, e.g. a decision)
 * @param subject            what it is about, e.g. «заседание Рабочей группы № 3 от 13 мая 2026 г.»
 *                           ({@link ru.nso.wg.document.model.MeetingInfo#title()})
 * @param deadlineId         a stable id of the deadline, e.g. {@code agenda}, {@code distribution}, {@code minutes}
 * @param deadlineTitle      what must be done, e.g. «Подготовка повестки заседания»
 * @param clause             the clause, e.g. «п. 13 Положения»
 * @param due                the deadline (Asia/Novosibirsk)
 * @param responsibleGroupId the Camunda group responsible, e.g. {@code wg-secretariat}
 * @param link               optional link for the recipients (e.g. Tasklist), may be empty
 */
public record DeadlineNotice(String meetingKey, String subject, String deadlineId, String deadlineTitle,
                             String clause, ZonedDateTime due, String responsibleGroupId, String link) {

  public DeadlineNotice {
    Objects.requireNonNull(meetingKey, "meetingKey");
    Objects.requireNonNull(deadlineId, "deadlineId");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(responsibleGroupId, "responsibleGroupId");
    if (!deadlineId.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("deadlineId must be a short id: " + deadlineId);
    }
    subject = subject == null ? "" : subject;
    deadlineTitle = deadlineTitle == null ? deadlineId : deadlineTitle;
    clause = clause == null ? "" : clause;
    link = link == null ? "" : link;
  }
}
