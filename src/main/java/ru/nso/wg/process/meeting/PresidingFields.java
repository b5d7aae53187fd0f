package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.VariableScope;
import ru.nso.wg.meeting.MeetingConduct.PresidingOnTheDay;
import ru.nso.wg.meeting.rules.PresidingRules.ChairInstruction;
import ru.nso.wg.meeting.rules.PresidingRules.InstructionForm;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_FORM;
import static ru.nso.wg.process.MeetingProcess.Vars.INSTRUCTION_REF;
import static ru.nso.wg.process.MeetingProcess.Vars.PRESIDING_ON_DAY;

/**
 * The fields «Председательствует» and the chair's instruction (§ 10), shared by the attendance form and the vote form
 * of each item: what the secretariat chose, as the use case takes it.
 */
final class PresidingFields {

  private PresidingFields() {
  }

  /** Who presides from now on, as submitted ({@link PresidingOnTheDay#UNCHANGED} when the field is empty). */
  static PresidingOnTheDay read(VariableScope scope) {
    String userId = PRESIDING_ON_DAY.find(scope).filter(s -> !s.isBlank()).orElse(null);
    if (userId == null) {
      return PresidingOnTheDay.UNCHANGED;
    }
    InstructionForm form = FormValues.choice(InstructionForm.class, INSTRUCTION_FORM.find(scope).orElse(null));
    return new PresidingOnTheDay(userId, new ChairInstruction(form, INSTRUCTION_REF.find(scope).orElse(null),
        INSTRUCTION_DATE.find(scope).orElse(null)));
  }
}
