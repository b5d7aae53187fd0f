package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * § 15: without quorum the meeting is not valid and nothing is decided. It is recorded as not held; the
 * process goes back to the chair for a new date, and the agenda is kept for the next sitting.
 */
@Component("recordNotHeld")
public class RecordNotHeldDelegate implements JavaDelegate {

  private final MeetingConduct conduct;

  public RecordNotHeldDelegate(MeetingConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  public void execute(DelegateExecution execution) {
    conduct.recordNotHeld(MEETING_KEY.get(execution));
  }
}
