package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.QUORATE;

/** § 15: is the meeting quorate with the attendance just recorded? The gateway routes on the answer. */
@Component("checkQuorum")
public class CheckQuorumDelegate implements JavaDelegate {

  private final MeetingConduct conduct;

  public CheckQuorumDelegate(MeetingConduct conduct) {
    this.conduct = conduct;
  }

  @Override
  public void execute(DelegateExecution execution) {
    QUORATE.set(execution, conduct.checkQuorum(MEETING_KEY.get(execution)).quorate());
  }
}
