package ru.nso.wg.process;

/**
 * Process backing for the small processes staff start from Tasklist to act on a running meeting:
 * {@code bpmn/wg-meeting-postpone.bpmn}, {@code bpmn/wg-meeting-cancel.bpmn}, {@code bpmn/wg-dissenting-opinion.bpmn}.
 * A postponement or cancellation asked by the secretariat goes to the chair (or the deputy holding the chair's
 * powers) as a task; only an approved request is passed to the meeting (§ 7 (3)).
 */
public final class StaffRequestProcesses {

  public static final String POSTPONE_KEY = ProcessKeys.POSTPONE;
  public static final String CANCEL_KEY = ProcessKeys.CANCEL;
  public static final String DISSENT_KEY = ProcessKeys.DISSENT;
  /** A member replies whether he will attend a meeting (§ 14, § 15), for himself only. */
  public static final String ATTENDANCE_REPLY_KEY = ProcessKeys.ATTENDANCE_REPLY;

  /** Element IDs of {@code wg-meeting-postpone} and {@code wg-meeting-cancel}. */
  public static final class Elements {
    public static final String REQUEST_POSTPONEMENT = "Task_RequestPostponement";
    public static final String DECIDE_POSTPONEMENT = "Task_DecidePostponement";
    public static final String PASS_POSTPONEMENT = "Task_PassPostponement";
    public static final String POSTPONEMENT_REFUSED = "EndEvent_PostponementRefused";
    public static final String REQUEST_CANCELLATION = "Task_RequestCancellation";
    public static final String DECIDE_CANCELLATION = "Task_DecideCancellation";
    public static final String PASS_CANCELLATION = "Task_PassCancellation";
    public static final String CANCELLATION_REFUSED = "EndEvent_CancellationRefused";

    private Elements() {
    }
  }

  /** «3/2026»: the meeting as staff name it (number/year). */
  public static final Var.Str MEETING_REF = Var.text("meetingRef", "Номер заседания", 20);
  public static final Var.Moment NEW_MEETING_START = MeetingProcess.Vars.NEW_MEETING_START;
  public static final Var.Str POSTPONE_REASON = MeetingProcess.Vars.POSTPONE_REASON;
  /** The new date on a non-working day or at night is confirmed (the postponement form's checkbox). */
  public static final Var.Bool OFF_HOURS_CONFIRMED = MeetingProcess.Vars.OFF_HOURS_CONFIRMED;
  public static final Var.Str CANCEL_REASON = MeetingProcess.Vars.CANCEL_REASON;
  public static final Var.Int ITEM_NO = MeetingProcess.Vars.ITEM_NO;
  public static final Var.Str OPINION = Var.text("opinion", "Особое мнение", 8000);
  /** The meeting a request is about, as the Tasklist columns show it ({@code process.TaskListColumns}). */
  public static final Var.Int MEETING_NUMBER = MeetingProcess.Vars.MEETING_NUMBER;
  public static final Var.Day MEETING_DATE = MeetingProcess.Vars.MEETING_DATE;
  public static final Var.Str MEETING_DATE_TEXT = MeetingProcess.Vars.MEETING_DATE_TEXT;
  public static final Var.Str MEETING_TITLE = MeetingProcess.Vars.MEETING_TITLE;
  /** Who asked ({@code camunda:initiator}). */
  public static final Var.Str INITIATOR = Var.string("initiator");
  /** The chair, or the deputy holding the chair's powers: the decision task is theirs. */
  public static final Var.Str DECIDER = Var.string("decider");
  /** The request in the record ({@code wg_date_request}); it goes with the message to the meeting. */
  public static final Var.Int DATE_REQUEST_ID = MeetingProcess.Vars.DATE_REQUEST_ID;
  /** What the decider reads: who asks what, and why. */
  public static final Var.Str REQUEST_SUMMARY = Var.string("requestSummary");
  /** The decision form's choice: APPROVE or REFUSE. */
  public static final Var.Str REQUEST_DECISION = Var.string("requestDecision");
  public static final Var.Str REFUSAL_REASON = Var.text("refusalReason", "Причина отказа", 2000);
  public static final Var.Bool REQUEST_APPROVED = Var.bool("requestApproved");
  /** The opinion as recorded, for the message to the secretariat. */
  public static final Var.Int DISSENT_ID = Var.integer("dissentId");
  // the attendance reply from Tasklist
  public static final Var.Str REPLY_ANSWER = Var.string("replyAnswer");
  public static final Var.Str REPLY_POSITION = Var.text("replyPosition", "Причина или позиция по вопросам", 4000);

  private StaffRequestProcesses() {
  }
}
