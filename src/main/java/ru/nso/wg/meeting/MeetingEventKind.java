package ru.nso.wg.meeting;

/** What happened to a meeting: the kinds of the meeting record's event log ({@code wg_meeting_event}). */
public enum MeetingEventKind {
  CREATED, CONFIRMED, AGENDA_SUBMITTED, AGENDA_APPROVED, AGENDA_RETURNED, REFERENCE_MATERIALS, AGENDA_SENT,
  POSTPONED, CANCELLED, ATTENDANCE, QUORUM, NOT_HELD, VOTE, OUTCOME_CONFIRMED, DISSENT, MINUTES_RETURNED, SIGNED,
  PUBLISHED, REMINDER, DEADLINE_MISSED, DELIVERY_GAPS, PRESIDING_CHANGED,
  /** A chair's task went to the deputy chair holding the chair's powers by instruction (§ 10). */
  CHAIR_POWERS,
  /** The chair's office withdrew a chair's instruction this meeting's record named (§ 10). */
  CHAIR_INSTRUCTION_WITHDRAWN,
  /** The secretariat asked the chair to postpone or cancel the meeting (§ 7 (3)). */
  DATE_REQUESTED,
  /** The chair refused a postponement or cancellation asked by the secretariat. */
  DATE_REQUEST_REFUSED,
  /** An item not decided for lack of quorum was carried over to another meeting (§ 15). */
  ITEM_CARRIED_OVER,
  /** § 19 done: the copies and the request to the information-policy department have gone out. */
  MINUTES_DISTRIBUTED,
  /** The publication's service level (not the regulation's): a reminder, and the level exceeded. */
  PUBLICATION_REMINDER, PUBLICATION_OVERDUE,
  /** Members were told until when proposals for this meeting's agenda are taken ({@code AgendaProposals}). */
  PROPOSAL_CUTOFF,
  /** The quorum forecast from the members' attendance replies at its moment, and the reminder to silent members. */
  QUORUM_FORECAST,
  /** The presiding person decided on «Кворум под угрозой»: keep the date or ask for a postponement. */
  QUORUM_THREAT_DECIDED
}
