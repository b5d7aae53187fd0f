package ru.nso.wg.monitoring;

import ru.nso.wg.calendar.DeadlineKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The publication's service level of one meeting, evaluated ({@link DeadlineEvaluator#publication}): counted from
 * the day the secretariat's request to publish went out (§ 19 done), with the same "in time" rule as the
 * regulation's deadlines, but reported apart from them and never in their compliance.
 *
 * @param kind            always {@link DeadlineKind#PUBLICATION}
 * @param requestedAt     when the request to publish went out; {@code null} before § 19 was done
 * @param dueDate         the last day of the service level; {@code null} when it does not apply
 * @param dueAt           the end of the office day on that date (Novosibirsk)
 * @param doneAt          when the information was published; {@code null} while open
 * @param state           the state at the moment of evaluation
 * @param lateWorkingDays for {@link ServiceLevelState#LATE}: working days after the due date up to the day it was
 *                        published (at least 1); 0 otherwise
 * @param note            why the service level does not apply (Russian), else {@code null}
 */
public record ServiceLevelStatus(DeadlineKind kind, OffsetDateTime requestedAt, LocalDate dueDate,
                                 OffsetDateTime dueAt, OffsetDateTime doneAt, ServiceLevelState state,
                                 int lateWorkingDays, String note) {

  /** For people: «размещено в срок», «размещено с превышением на 2 раб. дня», «ожидается размещение», … */
  public String text() {
    if (state == ServiceLevelState.LATE) {
      return state.title() + " на " + lateWorkingDays + " раб. " + (lateWorkingDays % 10 == 1
          && lateWorkingDays % 100 != 11 ? "день" : lateWorkingDays % 10 >= 2 && lateWorkingDays % 10 <= 4
          && (lateWorkingDays % 100 < 12 || lateWorkingDays % 100 > 14) ? "дня" : "дней");
    }
    return note != null && state == ServiceLevelState.NOT_APPLICABLE ? note : state.title();
  }
}
