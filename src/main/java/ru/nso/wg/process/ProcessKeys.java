package ru.nso.wg.process;

import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;

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

  /** What every key above begins with: how the application's parse listeners tell its own models. */
  public static final String PREFIX = "wg-";

  /** Processes the secretariat starts and monitors. */
  public static final List<String> SECRETARIAT_STARTS = List.of(MEETING, POSTPONE, CANCEL);

  private ProcessKeys() {
  }

  /**
   * Whether a process is one of the application's own (its key begins with {@value #PREFIX}): only those get the
   * behaviour the application adds to every user task ({@link TaskNotices}, {@link TaskListColumns}), not a model
   * someone else deploys into the same engine.
   */
  public static boolean isApplications(String processKey) {
    return processKey != null && processKey.startsWith(PREFIX);
  }

  /** {@link #isApplications(String)} of a process definition being parsed (its key is known, its id not yet). */
  static boolean isApplications(ProcessDefinitionImpl definition) {
    return definition instanceof ProcessDefinitionEntity entity && isApplications(entity.getKey());
  }
}
