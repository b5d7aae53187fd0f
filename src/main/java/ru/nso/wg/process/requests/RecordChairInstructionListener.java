package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.ChairInstruction;
import ru.nso.wg.meeting.ChairPowers;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.roster.Roster;

import java.util.LinkedHashMap;
import java.util.Map;

import static ru.nso.wg.process.ChairInstructionProcess.Vars.DEPUTY_OPTIONS;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_DEPUTY;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_FORM;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_FROM;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_REFERENCE;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_TEXT;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTION_TO;
import static ru.nso.wg.process.ChairInstructionProcess.Vars.INSTRUCTIONS_IN_FORCE;

/** § 10: the chair's office records the chair's instruction: a deputy chair holds the chair's powers for a period. */
@Component("recordChairInstructionListener")
public class RecordChairInstructionListener extends FormTask {

  private final ChairPowers chairPowers;
  private final Roster roster;
  private final IdentityService identity;

  public RecordChairInstructionListener(ChairPowers chairPowers, Roster roster, IdentityService identity) {
    this.chairPowers = chairPowers;
    this.roster = roster;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    Map<String, String> deputies = new LinkedHashMap<>();
    roster.deputies().forEach(d -> deputies.put(d.id(), d.fullName() + " — "
        + (d.position() == null ? "заместитель председателя" : d.position())));
    DEPUTY_OPTIONS.set(task, FormValues.options(deputies));
    INSTRUCTIONS_IN_FORCE.set(task, chairPowers.currentAndFutureText());
  }

  @Override
  protected void accept(DelegateTask task) {
    ChairInstruction instruction = chairPowers.instruct(INSTRUCTION_DEPUTY.find(task).orElse(null),
        INSTRUCTION_FROM.find(task).orElse(null), INSTRUCTION_TO.find(task).orElse(null),
        FormValues.choice(ChairInstruction.Form.class, INSTRUCTION_FORM.find(task).orElse(null)),
        INSTRUCTION_REFERENCE.find(task).orElse(null), FormValues.currentUser(identity));
    INSTRUCTION_TEXT.set(task, instruction.deputyName() + ": " + instruction.describe());
  }
}
