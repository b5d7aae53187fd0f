package ru.nso.wg.process;

/**
 * Process backing for the small processes staff start from Tasklist (or REST) to act on a decision under control:
 * {@code bpmn/wg-decision-extend.bpmn} (the chair's office extends the due date) and
 * {@code bpmn/wg-decision-withdraw.bpmn} (the secretariat records that a later decision of the working group
 * withdrew it). The start form names the decision («3/2026», item 2); a task then shows it and asks for the
 * details, unless the start already carried them (a REST call with every variable).
 */
public final class DecisionRequestProcesses {

  public static final String EXTEND_KEY = ProcessKeys.DECISION_EXTEND;
  public static final String WITHDRAW_KEY = ProcessKeys.DECISION_WITHDRAW;

  /** Element IDs of {@code wg-decision-extend}. */
  public static final class Extend {
    public static final String START = "StartEvent_ExtensionRequested";
    public static final String FIND = "Task_FindDecisionToExtend";
    public static final String DETAILS_GIVEN = "Gateway_ExtensionDetailsGiven";
    public static final String EXTEND = "Task_ExtendDueDate";
    public static final String READY = "Gateway_ExtensionReady";
    public static final String REQUEST = "Task_RequestExtension";
    public static final String END = "EndEvent_ExtensionPassed";

    private Extend() {
    }
  }

  /** Element IDs of {@code wg-decision-withdraw}. */
  public static final class Withdraw {
    public static final String START = "StartEvent_WithdrawalRequested";
    public static final String FIND = "Task_FindDecisionToWithdraw";
    public static final String DETAILS_GIVEN = "Gateway_WithdrawalDetailsGiven";
    public static final String WITHDRAW = "Task_WithdrawDecision";
    public static final String READY = "Gateway_WithdrawalReady";
    public static final String REQUEST = "Task_RequestWithdrawal";
    public static final String END = "EndEvent_WithdrawalPassed";

    private Withdraw() {
    }
  }

  /** Variables; the names shared with {@code wg-decision-control} are the same variables. */
  public static final class Vars {
    /** «3/2026»: the meeting of the decision, as staff name it. */
    public static final Var.Str MEETING_REF = StaffRequestProcesses.MEETING_REF;
    public static final Var.Int ITEM_NO = StaffRequestProcesses.ITEM_NO;
    /** The user who started the request ({@code camunda:initiator}): the task is theirs. */
    public static final Var.Str INITIATOR = Var.string("initiator");
    /** The start carried every detail (REST): no task. */
    public static final Var.Bool DETAILS_GIVEN = Var.bool("detailsGiven");
    // the decision, shown read-only in the task
    public static final Var.Str MEETING_TITLE = DecisionControlProcess.Vars.MEETING_TITLE;
    public static final Var.Str ITEM_TITLE = DecisionControlProcess.Vars.ITEM_TITLE;
    public static final Var.Str DECISION_TEXT = DecisionControlProcess.Vars.DECISION_TEXT;
    public static final Var.Str EXECUTOR_NAME = DecisionControlProcess.Vars.EXECUTOR_NAME;
    public static final Var.Str CONTROLLER = DecisionControlProcess.Vars.CONTROLLER;
    public static final Var.Str DUE_TEXT = DecisionControlProcess.Vars.DUE_TEXT;
    public static final Var.Str STATE_TEXT = Var.string("stateText");
    public static final Var.Json HISTORY_TABLE = DecisionControlProcess.Vars.HISTORY_TABLE;
    // the request
    public static final Var.Day NEW_DUE_DATE = DecisionControlProcess.Vars.NEW_DUE_DATE;
    public static final Var.Str EXTENSION_REASON = DecisionControlProcess.Vars.EXTENSION_REASON;
    public static final Var.Str WITHDRAWING_MEETING_REF = DecisionControlProcess.Vars.WITHDRAWING_MEETING_REF;
    public static final Var.Int WITHDRAWING_ITEM_NO = DecisionControlProcess.Vars.WITHDRAWING_ITEM_NO;
    public static final Var.Str WITHDRAWAL_NOTE = DecisionControlProcess.Vars.WITHDRAWAL_NOTE;

    private Vars() {
    }
  }

  private DecisionRequestProcesses() {
  }
}
