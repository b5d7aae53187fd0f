package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.process.MeetingProcess;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 18: a draft of the minutes generated from the meeting record, for the secretariat to finish by its deadline. */
@Component("generateMinutesDraft")
public class GenerateMinutesDraftDelegate implements JavaDelegate {

  private final MeetingDocuments documents;

  public GenerateMinutesDraftDelegate(MeetingDocuments documents) {
    this.documents = documents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MeetingProcess.writeDueTexts(execution, documents.draftMinutes(MEETING_KEY.get(execution)).minutesDue());
  }
}
