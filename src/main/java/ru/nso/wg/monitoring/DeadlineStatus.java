package ru.nso.wg.monitoring;

import ru.nso.wg.calendar.DeadlineKind;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One regulatory deadline of one meeting, evaluated.
 *
 * @param kind             which deadline (§ 13, § 14, § 18, § 19)
 * @param dueDate          its last day; {@code null} when it does not apply or cannot be computed yet
 * @param dueAt            the end of the office day on that date (Novosibirsk)
 * @param doneAt           when the work was recorded as done; {@code null} while open
 * @param state            the state at the moment of evaluation
 * @param lateWorkingDays  for {@link DeadlineState#LATE}: working days after the due date up to the day it was done
 *                         (at least 1); 0 otherwise
 * @param note             why the deadline does not apply or cannot be computed (Russian), else {@code null}
 */
public record DeadlineStatus(DeadlineKind kind, LocalDate dueDate, OffsetDateTime dueAt, OffsetDateTime doneAt,
                             DeadlineState state, int lateWorkingDays, String note) {

  /** For people: «выполнено с опозданием на 2 раб. дн.», «срок нарушен, не выполнено», … */
  public String text() {
    if (state == DeadlineState.LATE) {
      return "выполнено с опозданием на " + lateWorkingDays + " раб. " + (lateWorkingDays == 1 ? "день"
          : lateWorkingDays >= 2 && lateWorkingDays <= 4 ? "дня" : "дней");
    }
    return note != null && state == DeadlineState.NOT_APPLICABLE ? note : state.title();
  }
}
