package ru.nso.wg.process;

import ru.nso.wg.meeting.ChairPowers;

/**
 * Process backing for {@code bpmn/wg-chair-instruction.bpmn}: the chair's office records the chair's instruction
 * (§ 10) by which a deputy chair holds the chair's powers for a period. The start form explains; the task, the
 * initiator's, shows the instructions in force and to come, chooses the deputy among the roster's deputy chairs and
 * gives the period, the form and the reference. And for {@code bpmn/wg-chair-instruction-withdraw.bpmn}: the chair's
 * office withdraws an instruction in force or to come (the chair returns early) from a day, with a reason.
 */
public final class ChairInstructionProcess {

  public static final String KEY = ProcessKeys.CHAIR_INSTRUCTION;
  public static final String WITHDRAW_KEY = ProcessKeys.CHAIR_INSTRUCTION_WITHDRAW;

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_InstructionRequested";
    public static final String RECORD = "Task_RecordInstruction";
    public static final String END = "EndEvent_InstructionRecorded";

    private Elements() {
    }
  }

  /** Element IDs of {@code wg-chair-instruction-withdraw}. */
  public static final class Withdraw {
    public static final String START = "StartEvent_WithdrawalRequested";
    public static final String WITHDRAW = "Task_WithdrawInstruction";
    public static final String END = "EndEvent_InstructionWithdrawn";

    private Withdraw() {
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
    /** What the forms show: the instructions in force and to come, one line each (markdown list). */
    public static final Var.Str INSTRUCTIONS_IN_FORCE = Var.string("instructionsInForce");
    /** The instructions that may be withdrawn (in force or to come): id → description. */
    public static final Var.Json INSTRUCTION_OPTIONS = Var.json("instructionOptions");
    /** The id of the instruction withdrawn. */
    public static final Var.Str WITHDRAWN_INSTRUCTION = Var.string("withdrawnInstruction");
    public static final Var.Day WITHDRAWN_FROM = Var.day("withdrawnFrom", "Не действует с");
    public static final Var.Str WITHDRAWAL_REASON = Var.text("withdrawalReason", "Причина отзыва",
        ChairPowers.MAX_REASON);

    private Vars() {
    }
  }

  private ChairInstructionProcess() {
  }
}
