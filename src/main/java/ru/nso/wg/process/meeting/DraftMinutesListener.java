package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingScheduling;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MINUTES_READY;

/** § 18: the secretariat passes the minutes to the presiding person; whether on time is recorded. */
@Component("draftMinutesListener")
public class DraftMinutesListener implements TaskListener {

  private final MeetingScheduling scheduling;

  public DraftMinutesListener(MeetingScheduling scheduling) {
    this.scheduling = scheduling;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!MINUTES_READY.find(task).orElse(false)) {
      throw new Refusal("Подтвердите, что протокол оформлен и готов к подписанию");
    }
    MINUTES_READY.set(task, false);
    scheduling.recordCompletion(MEETING_KEY.get(task), DeadlineKind.MINUTES_DUE, LocalDate.parse(MEETING_DATE.get(task)));
  }
}
