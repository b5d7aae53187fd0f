package ru.nso.wg.process.control;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.DecisionControlProcess;

import static ru.nso.wg.process.DecisionControlProcess.Vars.*;

/**
 * A later decision of the working group withdrew this one (validated by {@code wg-decision-withdraw}): the register
 * closes it as withdrawn, with the reference to that decision («№ 3/2026, вопрос 2»). Its tasks and timers were
 * cancelled by the interrupting event subprocess.
 */
@Component("applyDecisionWithdrawal")
public class ApplyWithdrawalDelegate implements JavaDelegate {

  private final DecisionControl control;

  public ApplyWithdrawalDelegate(DecisionControl control) {
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    control.applyWithdrawal(DecisionControlProcess.businessKey(execution),
        new DecisionControl.Withdrawal(MeetingRef.parse(WITHDRAWING_MEETING_REF.get(execution)),
            WITHDRAWING_ITEM_NO.get(execution)),
        WITHDRAWAL_NOTE.find(execution).orElse(null), REQUESTED_BY.find(execution).orElse(null));
  }
}
