package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import ru.nso.wg.control.ControlledDecision;
import ru.nso.wg.control.ExecutorKind;
import ru.nso.wg.roster.RosterGroups;

import java.util.List;

/**
 * Process backing for {@code bpmn/wg-decision-control.bpmn}: control of the execution of one decision (§ 8).
 * One instance per adopted decision with an instruction, started when the minutes are signed; its business
 * key is {@code <meeting key>/<item number>}.
 *
 * <p>The work — the executor reports, the controlling deputy chair accepts or returns it — runs in the subprocess
 * {@code SubProcess_Execution}, with two non-interrupting timers attached: the executor's reminder N working days
 * before the due date and the escalation when it passes (the tasks stay open). An extension of the due date, passed by
 * message from {@code wg-decision-extend}, interrupts the subprocess, applies the new date and enters it again: the
 * open task comes back at the same step (report or review) with the new due date, and both timers are armed anew
 * from the new date — also when the escalation had already fired. A withdrawal from {@code wg-decision-withdraw}
 * ends everything (interrupting message event subprocess).
 *
 * <p>As the Spring bean {@code decisionControlProcess} it answers the model's assignment expressions.
 */
@Component("decisionControlProcess")
public class DecisionControlProcess {

  public static final String KEY = ProcessKeys.DECISION_CONTROL;

  /** Message names (BPMN {@code bpmn:message name}). */
  public static final String MESSAGE_EXTEND = "wgExtendDecisionDue";
  public static final String MESSAGE_WITHDRAW = "wgWithdrawDecision";

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_DecisionAdopted";
    public static final String REGISTER = "Task_RegisterDecision";
    public static final String EXECUTION = "SubProcess_Execution";
    public static final String REPORT_PENDING = "Gateway_ReportPending";
    public static final String REPORT = "Task_ReportExecution";
    public static final String REVIEW = "Task_ReviewReport";
    public static final String REPORT_ACCEPTED = "Gateway_ReportAccepted";
    public static final String EXECUTED = "EndEvent_DecisionExecuted";
    public static final String REMINDER_TIME = "Event_ReminderTime";
    public static final String REMIND = "Task_RemindExecutor";
    public static final String REMINDED = "EndEvent_ExecutorReminded";
    public static final String DUE_DATE_PASSED = "Event_DueDatePassed";
    public static final String ESCALATE = "Task_EscalateOverdue";
    public static final String ESCALATED = "EndEvent_OverdueEscalated";
    public static final String DUE_DATE_EXTENDED = "Event_DueDateExtended";
    public static final String APPLY_EXTENSION = "Task_ApplyExtension";
    public static final String WITHDRAWAL = "SubProcess_Withdrawal";
    public static final String WITHDRAWAL_RECEIVED = "StartEvent_WithdrawalReceived";
    public static final String APPLY_WITHDRAWAL = "Task_ApplyWithdrawal";
    public static final String WITHDRAWN = "EndEvent_DecisionWithdrawn";

    private Elements() {
    }
  }

  /** Variables. Form field keys in {@code forms/report-execution.form} and {@code forms/review-report.form}. */
  public static final class Vars {
    // input, set by the meeting process when it starts the control (the contract of StartDecisionControlDelegate)
    public static final Var.Str MEETING_KEY = MeetingProcess.Vars.MEETING_KEY;
    public static final Var.Str MEETING_TITLE = MeetingProcess.Vars.MEETING_TITLE;
    public static final Var.Int ITEM_NO = MeetingProcess.Vars.ITEM_NO;
    public static final Var.Str ITEM_TITLE = MeetingProcess.Vars.ITEM_TITLE;
    public static final Var.Str DECISION_TEXT = MeetingProcess.Vars.DECISION_TEXT;
    /** A user id or a group id (see {@code Roster.executors()}). */
    public static final Var.Str EXECUTOR_ID = Var.string("executorId");
    public static final Var.Str EXECUTOR_NAME = Var.string("executorName");
    /** ISO date {@code YYYY-MM-DD}: the due date in force (an extension changes it). Timers count from it. */
    public static final Var.Day DUE_DATE = Var.day("dueDate", "Срок исполнения");
    /** The deputy-chair area group that controls execution, e.g. {@code wg-area-digital}. */
    public static final Var.Str CONTROL_AREA = MeetingProcess.Vars.CONTROL_AREA;

    // set at registration, for the assignment, the forms and the Tasklist filter's column
    public static final Var.Int MEETING_NUMBER = MeetingProcess.Vars.MEETING_NUMBER;
    /** {@code USER} or {@code GROUP}: who gets the report task (assignee or candidate group). */
    public static final Var.Str EXECUTOR_KIND = Var.string("executorKind");
    /** The controlling deputy chair and the area, for people. */
    public static final Var.Str CONTROLLER = Var.string("controller");
    /** «не позднее 01.03.2027 18:00». */
    public static final Var.Str DUE_TEXT = Var.string("dueText");
    /** The due date passed without an accepted report (the tasks stay open). */
    public static final Var.Bool OVERDUE = Var.bool("overdue");
    /** The register's history of the decision, a read-only table in the forms. */
    public static final Var.Json HISTORY_TABLE = Var.json("historyTable");

    // the executor's report
    public static final Var.Str REPORT_TEXT = Var.text("reportText", "Отчёт об исполнении поручения", 8000);
    public static final Var.Str REPORT_LINKS = Var.text("reportLinks", "Ссылки на документы", 4000);
    // the deputy chair's review
    public static final Var.Str REVIEW_DECISION = Var.string("reviewDecision");
    public static final Var.Str REVIEW_REMARKS = Var.text("reviewRemarks", "Замечания", 4000);
    public static final Var.Bool REPORT_ACCEPTED = Var.bool("reportAccepted");
    /** A report waits for the deputy chair: after an extension the subprocess resumes at the review. */
    public static final Var.Bool REPORT_UNDER_REVIEW = Var.bool("reportUnderReview");
    /** The remarks of the last return, shown to the executor. */
    public static final Var.Str RETURN_REMARKS = Var.string("returnRemarks");

    // set by message correlation from the request processes
    public static final Var.Day NEW_DUE_DATE = Var.day("newDueDate", "Новый срок исполнения");
    public static final Var.Str EXTENSION_REASON = Var.text("extensionReason", "Причина продления", 2000);
    public static final Var.Str WITHDRAWING_MEETING_REF = Var.text("withdrawingMeetingRef",
        "Заседание, решением которого отменено поручение", 20);
    public static final Var.Int WITHDRAWING_ITEM_NO = Var.integer("withdrawingItemNo");
    public static final Var.Str WITHDRAWAL_NOTE = Var.text("withdrawalNote", "Примечание", 2000);
    /** The staff member whose request was correlated. */
    public static final Var.Str REQUESTED_BY = Var.string("requestedBy");

    private Vars() {
    }
  }

  public static String businessKey(String meetingKey, int itemNo) {
    return ControlledDecision.keyOf(meetingKey, itemNo);
  }

  /** The business key of the decision an execution or task of this process is about. */
  public static String businessKey(VariableScope scope) {
    return businessKey(Vars.MEETING_KEY.get(scope), Vars.ITEM_NO.get(scope));
  }

  /** {@code camunda:assignee} of the report task: the executor when it is a person. */
  public String assignee(String executorKind, String executorId) {
    return ExecutorKind.USER.name().equals(executorKind) ? executorId : null;
  }

  /** {@code camunda:candidateGroups} of the report task: the executor group, or the secretariat for a body. */
  public List<String> candidateGroups(String executorKind, String executorId) {
    if (ExecutorKind.BODY.name().equals(executorKind)) {
      return List.of(RosterGroups.SECRETARIAT); // an executive body has no account: the secretariat reports for it
    }
    return ExecutorKind.GROUP.name().equals(executorKind) ? List.of(executorId) : List.of();
  }
}
