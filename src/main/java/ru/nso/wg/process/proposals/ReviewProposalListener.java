package ru.nso.wg.process.proposals;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.meeting.AgendaProposals.Review;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.roster.IdentityDirectory;

import static ru.nso.wg.process.AgendaProposalProcess.Vars.PROPOSAL_ID;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.RETURN_REMARKS;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.REVIEW_DECISION;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.REVIEW_REMARKS;

/**
 * § 8: the deputy chair of the proposal's area accepts it, returns it with remarks or rejects it with a reason. Anyone
 * else is refused and the task stays open.
 */
@Component("reviewProposalListener")
public class ReviewProposalListener extends FormTask {

  private final AgendaProposals proposals;
  private final IdentityService identity;
  private final IdentityDirectory directory;

  public ReviewProposalListener(AgendaProposals proposals, IdentityService identity, IdentityDirectory directory) {
    this.proposals = proposals;
    this.identity = identity;
    this.directory = directory;
  }

  @Override
  protected void prepare(DelegateTask task) {
    ProposalVariables.write(task.getExecution(), proposals.get(PROPOSAL_ID.get(task)), directory);
  }

  @Override
  protected void accept(DelegateTask task) {
    Proposal p = proposals.review(PROPOSAL_ID.get(task), FormValues.currentUser(identity),
        FormValues.choice(Review.class, REVIEW_DECISION.find(task).orElse(null)),
        REVIEW_REMARKS.find(task).orElse(null));
    ProposalVariables.write(task.getExecution(), p, directory);
    RETURN_REMARKS.set(task, p.remarks());
    REVIEW_DECISION.set(task, null);
    REVIEW_REMARKS.set(task, null);
  }
}
