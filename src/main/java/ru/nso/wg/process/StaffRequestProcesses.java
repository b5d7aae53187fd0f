package ru.nso.wg.process;

/**
 * Process backing for the small processes staff start from Tasklist to act on a running meeting:
 * {@code bpmn/wg-meeting-postpone.bpmn}, {@code bpmn/wg-meeting-cancel.bpmn}, {@code bpmn/wg-dissenting-opinion.bpmn}.
 */
public final class StaffRequestProcesses {

  public static final String POSTPONE_KEY = ProcessKeys.POSTPONE;
  public static final String CANCEL_KEY = ProcessKeys.CANCEL;
  public static final String DISSENT_KEY = ProcessKeys.DISSENT;

  /** «3/2026»: the meeting as staff name it (number/year). */
  public static final Var.Str MEETING_REF = Var.text("meetingRef", "Номер заседания", 20);
  public static final Var.Moment NEW_MEETING_START = MeetingProcess.Vars.NEW_MEETING_START;
  public static final Var.Str POSTPONE_REASON = MeetingProcess.Vars.POSTPONE_REASON;
  /** The new date on a non-working day or at night is confirmed (the postponement form's checkbox). */
  public static final Var.Bool OFF_HOURS_CONFIRMED = MeetingProcess.Vars.OFF_HOURS_CONFIRMED;
  public static final Var.Str CANCEL_REASON = MeetingProcess.Vars.CANCEL_REASON;
  public static final Var.Int ITEM_NO = MeetingProcess.Vars.ITEM_NO;
  public static final Var.Str OPINION = Var.text("opinion", "Особое мнение", 8000);
  /** The opinion as recorded, for the message to the secretariat. */
  public static final Var.Int DISSENT_ID = Var.integer("dissentId");

  private StaffRequestProcesses() {
  }
}
