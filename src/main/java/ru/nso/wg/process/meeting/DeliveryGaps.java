package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.VariableScope;

import static ru.nso.wg.process.MeetingProcess.Vars.DELIVERY_GAPS;

/**
 * A person without an e-mail address never stops the process: the gap (already in the meeting record) is shown to
 * the secretariat in its next form, so someone can inform that person another way.
 */
final class DeliveryGaps {

  private DeliveryGaps() {
  }

  /** Adds the gaps of one step to those shown; nothing when everyone was reached. */
  static void show(VariableScope scope, String gaps) {
    if (gaps != null) {
      String previous = DELIVERY_GAPS.find(scope).orElse(null);
      DELIVERY_GAPS.set(scope, previous == null ? gaps : previous + "\n" + gaps);
    }
  }
}
