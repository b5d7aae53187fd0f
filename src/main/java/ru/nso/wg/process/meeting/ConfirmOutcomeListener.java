package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.CONFIRMED_OUTCOME;
import static ru.nso.wg.process.MeetingProcess.Vars.ITEM_NO;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 16: the presiding person confirms the outcome of a tie that the rule leaves open. */
@Component("confirmOutcomeListener")
public class ConfirmOutcomeListener extends FormTask {

  private final MeetingConduct conduct;
  private final IdentityService identity;

  public ConfirmOutcomeListener(MeetingConduct conduct, IdentityService identity) {
    this.conduct = conduct;
    this.identity = identity;
  }

  @Override
  protected void accept(DelegateTask task) {
    conduct.confirmOutcome(MEETING_KEY.get(task), ITEM_NO.get(task),
        FormValues.choice(Decision.class, CONFIRMED_OUTCOME.find(task).orElse(null)), FormValues.currentUser(identity));
  }
}
