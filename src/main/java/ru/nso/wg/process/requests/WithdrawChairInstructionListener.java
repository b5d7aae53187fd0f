package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.ChairInstruction;
import ru.nso.wg.meeting.ChairPowers;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTIONS_IN_FORCE;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_OPTIONS;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_TEXT;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.WITHDRAWAL_REASON;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.WITHDRAWN_FROM;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.WITHDRAWN_INSTRUCTION;

/**
 * § 10: the chair's office withdraws a chair's instruction in force or to come (the chair returns early): from the day
 * given the chair's tasks go to the chair again.
 */
@Component("withdrawChairInstructionListener")
public class WithdrawChairInstructionListener extends FormTask {

  private final ChairPowers chairPowers;
  private final IdentityService identity;

  public WithdrawChairInstructionListener(ChairPowers chairPowers, IdentityService identity) {
    this.chairPowers = chairPowers;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    LocalDate today = chairPowers.today();
    Map<String, String> options = new LinkedHashMap<>();
    chairPowers.currentAndFuture().forEach(i -> options.put(String.valueOf(i.id()), i.line(today)));
    INSTRUCTION_OPTIONS.set(task, FormValues.options(options));
    INSTRUCTIONS_IN_FORCE.set(task, chairPowers.currentAndFutureText());
  }

  @Override
  protected void accept(DelegateTask task) {
    ChairInstruction withdrawn = chairPowers.withdraw(instructionId(WITHDRAWN_INSTRUCTION.find(task).orElse(null)),
        WITHDRAWN_FROM.find(task).orElse(null), WITHDRAWAL_REASON.find(task).orElse(null),
        FormValues.currentUser(identity));
    INSTRUCTION_TEXT.set(task, withdrawn.deputyName() + ": " + withdrawn.line(chairPowers.today()));
  }

  private static Long instructionId(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new Refusal("Поле «Поручение»: выберите поручение председателя из списка (п. 10 Положения)");
    }
  }
}
