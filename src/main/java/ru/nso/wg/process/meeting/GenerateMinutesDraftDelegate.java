package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingScheduling;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_DUE_TEXT;

/** § 18: a draft of the minutes generated from the meeting record, for the secretariat to finish. */
@Component("generateMinutesDraft")
public class GenerateMinutesDraftDelegate implements JavaDelegate {

  private final MeetingDocuments documents;
  private final MeetingScheduling scheduling;

  public GenerateMinutesDraftDelegate(MeetingDocuments documents, MeetingScheduling scheduling) {
    this.documents = documents;
    this.scheduling = scheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    documents.storeMinutesDraft(MEETING_KEY.get(execution));
    MINUTES_DUE_TEXT.set(execution, scheduling.deadline(DeadlineKind.MINUTES_DUE,
        LocalDate.parse(MEETING_DATE.get(execution))).text());
  }
}
