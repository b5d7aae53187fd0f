package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.process.FormTask;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_READY;

/** § 18: the secretariat passes the minutes to the presiding person; whether on time is recorded. */
@Component("draftMinutesListener")
public class DraftMinutesListener extends FormTask {

  private final MeetingConduct conduct;

  public DraftMinutesListener(MeetingConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  protected void accept(DelegateTask task) {
    conduct.minutesReady(MEETING_KEY.get(task), MINUTES_READY.find(task).orElse(false));
    MINUTES_READY.set(task, false);
  }
}
