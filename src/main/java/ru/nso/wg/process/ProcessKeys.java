package ru.nso.wg.process;

import java.util.List;

/** The keys of every process the application deploys; each process-backing class refers to its own. */
public final class ProcessKeys {

  public static final String MEETING = "wg-meeting";
  public static final String POSTPONE = "wg-meeting-postpone";
  public static final String CANCEL = "wg-meeting-cancel";
  public static final String DISSENT = "wg-dissenting-opinion";
  public static final String ATTENDANCE_REPLY = "wg-attendance-reply";
  public static final String DECISION_CONTROL = "wg-decision-control";
  public static final String DECISION_EXTEND = "wg-decision-extend";
  public static final String DECISION_WITHDRAW = "wg-decision-withdraw";
  public static final String CHAIR_INSTRUCTION = "wg-chair-instruction";
  public static final String CHAIR_INSTRUCTION_WITHDRAW = "wg-chair-instruction-withdraw";
  public static final String AGENDA_PROPOSAL = "wg-agenda-proposal";
  public static final String PROPOSAL_CUTOFF = "wg-proposal-cutoff";

  /** Processes the secretariat starts and monitors. */
  public static final List<String> SECRETARIAT_STARTS = List.of(MEETING, POSTPONE, CANCEL);

  private ProcessKeys() {
  }
}
