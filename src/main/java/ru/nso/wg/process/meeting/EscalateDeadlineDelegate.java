package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.notification.MeetingMail;

import static ru.nso.wg.process.MeetingProcess.Vars.DEADLINE_KIND;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * A regulatory deadline (the step's input {@code deadlineKind}) passed with the work still open: the breach is
 * recorded and the secretariat and the chair's office are notified. The work goes on (non-interrupting).
 */
@Component("escalateDeadline")
public class EscalateDeadlineDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public EscalateDeadlineDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DeliveryGaps.show(execution,
        mail.escalate(MEETING_KEY.get(execution), DeadlineKind.of(DEADLINE_KIND.get(execution))));
  }
}
