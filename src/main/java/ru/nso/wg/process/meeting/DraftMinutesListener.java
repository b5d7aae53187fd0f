package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.MeetingProcess;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_READY;

/** § 18: the secretariat passes the minutes to the presiding person; whether on time is recorded. */
@Component("draftMinutesListener")
public class DraftMinutesListener extends FormTask {

  private final MeetingConduct conduct;
  private final MeetingDocuments documents;

  public DraftMinutesListener(MeetingConduct conduct, MeetingDocuments documents) {
    this.conduct = conduct;
    this.documents = documents;
  }

  /** The current edition of the minutes, the opinions filed so far and what the secretariat must know. */
  @Override
  protected void prepare(DelegateTask task) {
    task.setVariables(MeetingProcess.minutesVariables(documents.minutesState(MEETING_KEY.get(task))));
  }

  @Override
  protected void accept(DelegateTask task) {
    conduct.minutesReady(MEETING_KEY.get(task), MINUTES_READY.find(task).orElse(false));
    MINUTES_READY.set(task, false);
  }
}
