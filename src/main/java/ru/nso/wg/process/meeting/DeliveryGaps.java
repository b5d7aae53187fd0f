package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.notification.DeliveryResult;

import java.util.ArrayList;
import java.util.List;

import static ru.nso.wg.process.MeetingProcess.Vars.DELIVERY_GAPS;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * A person without an e-mail address never stops the process: the gap is recorded in the meeting record and
 * shown to the secretariat in its next form, so someone can inform that person another way.
 */
@Component
public class DeliveryGaps {

  private final MeetingRecord record;

  public DeliveryGaps(MeetingRecord record) {
    this.record = record;
  }

  public void record(DelegateExecution execution, String what, DeliveryResult... results) {
    List<String> gaps = new ArrayList<>();
    for (DeliveryResult result : results) {
      gaps.addAll(result.gapTexts());
    }
    if (gaps.isEmpty()) {
      return;
    }
    String text = what + ": не доставлено — " + String.join("; ", gaps);
    record.event(MEETING_KEY.get(execution), "DELIVERY_GAPS", text, null);
    String previous = DELIVERY_GAPS.find(execution).orElse(null);
    DELIVERY_GAPS.set(execution, previous == null ? text : previous + "\n" + text);
  }
}
