package ru.nso.wg.meeting;

/** Whether the work a regulatory deadline governs was done in time (stored in {@code wg_deadline_event}). */
public enum DeadlineOutcome {
  /** Done up to and including the deadline's instant ({@code calendar.Deadline.inTime}). */
  MET,
  /** Done after the deadline's instant. */
  LATE,
  /** The deadline's instant passed with the work still open (its escalation fired). */
  MISSED
}
