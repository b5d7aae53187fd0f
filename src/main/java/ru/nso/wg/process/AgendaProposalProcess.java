package ru.nso.wg.process;

/**
 * Process backing for {@code bpmn/wg-agenda-proposal.bpmn}: a proposal for the agenda (§ 9 (2), § 13, § 8). Started
 * from Tasklist by a member, a deputy chair or the secretariat; the proposal enters the pool
 * ({@code meeting/AgendaProposals}), the deputy chair of its area reviews it: accepted (it waits to be taken into an
 * agenda), returned with remarks (the proposer amends and resubmits it, or withdraws it) or rejected with a reason (the
 * proposer is told by e-mail). The instance's business key is {@code proposal-<number>}.
 */
public final class AgendaProposalProcess {

  public static final String KEY = ProcessKeys.AGENDA_PROPOSAL;
  /**
   * {@code bpmn/wg-proposal-cutoff.bpmn}: started by a meeting when it is confirmed ({@code Task_StartProposalCutoff}
   * of {@code wg-meeting}), business key the meeting's; its one step, a job of its own, tells members until when
   * proposals for the meeting's agenda are taken. A separate instance, so the meeting never waits for the mail.
   */
  public static final String CUTOFF_KEY = ProcessKeys.PROPOSAL_CUTOFF;

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_ProposalSubmitted";
    public static final String SUBMIT = "Task_SubmitProposal";
    public static final String REVIEW = "Task_ReviewProposal";
    public static final String AMEND = "Task_AmendProposal";
    public static final String NOTIFY_REJECTION = "Task_NotifyRejection";
    public static final String ACCEPTED = "EndEvent_ProposalAccepted";
    public static final String REJECTED = "EndEvent_ProposalRejected";
    public static final String WITHDRAWN = "EndEvent_ProposalWithdrawn";
    /** Of {@code wg-proposal-cutoff}. */
    public static final String ANNOUNCE_CUTOFF = "Task_AnnounceProposalCutoff";

    private Elements() {
    }
  }

  /** Variables. Form field keys in {@code forms/propose-agenda-item.form}, {@code review-agenda-proposal.form}, … */
  public static final class Vars {
    public static final Var.Str TITLE = Var.text("proposalTitle", "Формулировка вопроса", 2000);
    /** An {@code meeting.AgendaItemType} name. */
    public static final Var.Str ITEM_TYPE = Var.text("proposalType", "Вид вопроса", 40);
    public static final Var.Str SPEAKER = Var.text("proposalSpeaker", "Докладчик", 500);
    /** A deputy-chair area group ({@code roster.DeputyArea}). */
    public static final Var.Str AREA = Var.text("proposalArea", "Направление заместителя председателя", 64);
    public static final Var.Str DRAFT_DECISION = Var.text("draftDecision", "Проект решения", 4000);
    public static final Var.Str MATERIALS = Var.text("proposalMaterials", "Информационные материалы", 4000);
    /** Who proposed ({@code camunda:initiator}): the amendment task is his. */
    public static final Var.Str INITIATOR = Var.string("initiator");
    /** The proposal in the pool ({@code wg_agenda_proposal}). */
    public static final Var.Int PROPOSAL_ID = Var.integer("proposalId");
    /** The area group whose deputy chair reviews the proposal (the review task's candidate group). */
    public static final Var.Str REVIEW_GROUP = Var.string("reviewGroup");
    /** What the forms show of the proposal. */
    public static final Var.Str SUMMARY = Var.string("proposalSummary");
    /** The review form's choice: ACCEPT, RETURN or REJECT ({@code AgendaProposals.Review}). */
    public static final Var.Str REVIEW_DECISION = Var.string("proposalReview");
    public static final Var.Str REVIEW_REMARKS = Var.text("reviewRemarks", "Замечания или причина отклонения", 2000);
    /** The remarks the proposal was returned with, for the amendment form. */
    public static final Var.Str RETURN_REMARKS = Var.string("returnRemarks");
    /** The amendment form's choice: RESUBMIT or WITHDRAW ({@code AgendaProposals.Amendment}). */
    public static final Var.Str AMENDMENT = Var.string("amendment");
    /** Where the proposal stands after a step ({@code AgendaProposals.State}): what the gateways route on. */
    public static final Var.Str STATE = Var.string("proposalState");
    /** Of {@code wg-proposal-cutoff}: the meeting whose cut-off is announced. */
    public static final Var.Str MEETING_KEY = MeetingProcess.Vars.MEETING_KEY;

    private Vars() {
    }
  }

  private AgendaProposalProcess() {
  }
}
