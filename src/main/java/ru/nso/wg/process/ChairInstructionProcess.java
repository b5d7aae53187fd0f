package ru.nso.wg.process;

/**
 * Process backing for {@code bpmn/wg-chair-instruction.bpmn}: the chair's office records the chair's instruction
 * (§ 10) by which a deputy chair holds the chair's powers for a period. The start form explains; the task, the
 * initiator's, chooses the deputy among the roster's deputy chairs and gives the period, the form and the reference.
 */
public final class ChairInstructionProcess {

  public static final String KEY = ProcessKeys.CHAIR_INSTRUCTION;

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_InstructionRequested";
    public static final String RECORD = "Task_RecordInstruction";
    public static final String END = "EndEvent_InstructionRecorded";

    private Elements() {
    }
  }

  /** Variables. */
  public static final class Vars {
    /** The user who started the request ({@code camunda:initiator}): the task is theirs. */
    public static final Var.Str INITIATOR = Var.string("initiator");
    public static final Var.Json DEPUTY_OPTIONS = MeetingProcess.Vars.DEPUTY_OPTIONS;
    public static final Var.Str INSTRUCTION_DEPUTY = Var.string("instructionDeputy");
    public static final Var.Day INSTRUCTION_FROM = Var.day("instructionFrom", "Действует с");
    public static final Var.Day INSTRUCTION_TO = Var.day("instructionTo", "Действует по");
    /** ORAL or WRITTEN. */
    public static final Var.Str INSTRUCTION_FORM = Var.string("instructionForm");
    public static final Var.Str INSTRUCTION_REFERENCE = Var.text("instructionReference", "Реквизиты поручения", 500);
    /** The instruction as recorded, «письменное поручение председателя … (с … по …)». */
    public static final Var.Str INSTRUCTION_TEXT = Var.string("instructionText");

    private Vars() {
    }
  }

  private ChairInstructionProcess() {
  }
}
