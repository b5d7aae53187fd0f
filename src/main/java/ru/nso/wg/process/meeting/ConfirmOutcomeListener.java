package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.CONFIRMED_OUTCOME;
import static ru.nso.wg.process.MeetingProcess.Vars.ITEM_NO;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 16: the presiding person confirms the outcome of a tie that the rule leaves open. */
@Component("confirmOutcomeListener")
public class ConfirmOutcomeListener implements TaskListener {

  private final MeetingConduct conduct;
  private final IdentityService identity;

  public ConfirmOutcomeListener(MeetingConduct conduct, IdentityService identity) {
    this.conduct = conduct;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String choice = CONFIRMED_OUTCOME.find(task)
        .orElseThrow(() -> new Refusal("Выберите результат голосования: решение принято или не принято"));
    conduct.confirmOutcome(MEETING_KEY.get(task), ITEM_NO.get(task), "ADOPTED".equals(choice),
        FormValues.currentUser(identity));
  }
}
