package ru.nso.wg.process.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.DecisionControl;
import ru.nso.wg.control.DecisionControl.Request;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static ru.nso.wg.process.DecisionRequestProcesses.Vars.*;

/**
 * The synchronous steps of {@code wg-decision-extend} and {@code wg-decision-withdraw}: they run while the staff
 * member submits the start form or the task form, so a refusal is shown there and nothing is started or changed.
 * <ul>
 *   <li>{@code findDecisionToExtend}, {@code findDecisionToWithdraw}: the decision named («3/2026», item 2) must be
 *       under control and the caller must be allowed the request; the decision is shown in the task;</li>
 *   <li>{@code requestExtension}, {@code requestWithdrawal}: the details are checked and the message is sent to the
 *       decision's control process.</li>
 * </ul>
 */
@Configuration
public class DecisionRequestDelegates {

  private final DecisionControl control;
  private final DecisionViews views;
  private final DecisionCorrelation correlation;
  private final IdentityService identity;

  public DecisionRequestDelegates(DecisionControl control, DecisionViews views, DecisionCorrelation correlation,
                                  IdentityService identity) {
    this.control = control;
    this.views = views;
    this.correlation = correlation;
    this.identity = identity;
  }

  private ControlledDecision decision(DelegateExecution execution, Request request) {
    return control.forRequest(request, FormValues.currentUser(identity), MEETING_REF.find(execution).orElse(null),
        ITEM_NO.find(execution).orElse(null));
  }

  private ControlledDecision find(DelegateExecution execution, Request request) {
    ControlledDecision d = decision(execution, request);
    execution.setProcessBusinessKey(d.key());
    views.writeForRequest(execution, d);
    return d;
  }

  @Bean("findDecisionToExtend")
  public JavaDelegate findDecisionToExtend() {
    return execution -> {
      find(execution, Request.EXTEND);
      DETAILS_GIVEN.set(execution, NEW_DUE_DATE.find(execution).isPresent()
          && EXTENSION_REASON.find(execution).isPresent());
    };
  }

  @Bean("findDecisionToWithdraw")
  public JavaDelegate findDecisionToWithdraw() {
    return execution -> {
      find(execution, Request.WITHDRAW);
      DETAILS_GIVEN.set(execution, WITHDRAWING_MEETING_REF.find(execution).isPresent()
          && WITHDRAWING_ITEM_NO.find(execution).isPresent());
    };
  }

  @Bean("requestExtension")
  public JavaDelegate requestExtension() {
    return execution -> {
      ControlledDecision d = decision(execution, Request.EXTEND);
      LocalDate newDueDate = FormValues.date(NEW_DUE_DATE.find(execution).orElse(null), "Новый срок исполнения");
      String reason = EXTENSION_REASON.find(execution).orElse(null);
      control.checkExtension(d, newDueDate, reason);
      Map<String, Object> variables = new HashMap<>();
      variables.put(NEW_DUE_DATE.name(), newDueDate.toString());
      variables.put(EXTENSION_REASON.name(), reason);
      variables.put(DecisionControlProcess.Vars.REQUESTED_BY.name(), FormValues.currentUser(identity));
      correlation.correlate(d, DecisionControlProcess.MESSAGE_EXTEND, variables);
    };
  }

  @Bean("requestWithdrawal")
  public JavaDelegate requestWithdrawal() {
    return execution -> {
      ControlledDecision d = decision(execution, Request.WITHDRAW);
      DecisionControl.Withdrawal withdrawal = control.checkWithdrawal(d,
          WITHDRAWING_MEETING_REF.find(execution).orElse(null), WITHDRAWING_ITEM_NO.find(execution).orElse(null));
      Map<String, Object> variables = new HashMap<>();
      variables.put(WITHDRAWING_MEETING_REF.name(), withdrawal.meeting().key());
      variables.put(WITHDRAWING_ITEM_NO.name(), withdrawal.itemNo());
      variables.put(WITHDRAWAL_NOTE.name(), WITHDRAWAL_NOTE.find(execution).orElse(null));
      variables.put(DecisionControlProcess.Vars.REQUESTED_BY.name(), FormValues.currentUser(identity));
      correlation.correlate(d, DecisionControlProcess.MESSAGE_WITHDRAW, variables);
    };
  }
}
