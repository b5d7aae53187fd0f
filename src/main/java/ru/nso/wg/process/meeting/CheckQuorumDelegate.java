package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.rules.Quorum;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.QUORATE;

/** § 15: is the meeting quorate with the attendance just recorded? The gateway routes on the answer. */
@Component("checkQuorum")
public class CheckQuorumDelegate implements JavaDelegate {

  private final MeetingConduct conduct;
  private final MeetingRecord record;

  public CheckQuorumDelegate(MeetingConduct conduct, MeetingRecord record) {
    this.conduct = conduct;
    this.record = record;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    Quorum quorum = conduct.quorum(key);
    record.event(key, "QUORUM", quorum.minutesText(), null);
    if (quorum.quorate()) {
      conduct.markHeld(key);
    }
    QUORATE.set(execution, quorum.quorate());
  }
}
