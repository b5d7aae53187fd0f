package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingConduct.MinutesDistributed;
import ru.nso.wg.notification.MeetingMail;
import ru.nso.wg.process.MeetingProcess;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PUBLICATION_REQUESTED_ON;

/**
 * § 19 done: the copies and the request to the information-policy department have gone out; met or late is recorded
 * by when they left. Writes the day of the request, from which the publication's service level counts.
 */
@Component("recordMinutesDistributed")
public class RecordMinutesDistributedDelegate implements JavaDelegate {

  private final MeetingMail mail;

  public RecordMinutesDistributedDelegate(MeetingMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MinutesDistributed distributed = mail.minutesDistributed(MEETING_KEY.get(execution));
    PUBLICATION_REQUESTED_ON.set(execution, LocalDate.ofInstant(distributed.publicationRequestedAt(),
        RussianDates.ZONE));
    MeetingProcess.writeDueTexts(execution, distributed.publicationDue());
  }
}
