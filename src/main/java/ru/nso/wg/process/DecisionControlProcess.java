package ru.nso.wg.process;

/**
 * Process backing for {@code bpmn/wg-decision-control.bpmn}: control of the execution of one decision (§ 8).
 * One instance per adopted decision with an instruction, started when the minutes are signed; its business
 * key is {@code <meeting key>/<item number>}.
 */
public final class DecisionControlProcess {

  public static final String KEY = ProcessKeys.DECISION_CONTROL;

  /** Input variables, set by the meeting process when it starts the control. */
  public static final class Vars {
    public static final Var.Str MEETING_KEY = MeetingProcess.Vars.MEETING_KEY;
    public static final Var.Str MEETING_TITLE = MeetingProcess.Vars.MEETING_TITLE;
    public static final Var.Int ITEM_NO = MeetingProcess.Vars.ITEM_NO;
    public static final Var.Str ITEM_TITLE = MeetingProcess.Vars.ITEM_TITLE;
    public static final Var.Str DECISION_TEXT = MeetingProcess.Vars.DECISION_TEXT;
    /** A user id or a group id (see {@code Roster.executors()}). */
    public static final Var.Str EXECUTOR_ID = Var.string("executorId");
    public static final Var.Str EXECUTOR_NAME = Var.string("executorName");
    /** ISO date {@code YYYY-MM-DD}. */
    public static final Var.Str DUE_DATE = Var.string("dueDate");
    /** The deputy-chair area group that controls execution, e.g. {@code wg-area-digital}. */
    public static final Var.Str CONTROL_AREA = MeetingProcess.Vars.CONTROL_AREA;

    private Vars() {
    }
  }

  public static String businessKey(String meetingKey, int itemNo) {
    return meetingKey + "/" + itemNo;
  }

  private DecisionControlProcess() {
  }
}
