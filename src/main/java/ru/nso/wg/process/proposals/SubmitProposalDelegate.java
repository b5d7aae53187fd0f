package ru.nso.wg.process.proposals;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.roster.IdentityDirectory;

/**
 * The proposal form was submitted: the proposal enters the pool, to be reviewed by the deputy chair of its area. Runs
 * in the start's transaction (not asynchronous), so a refusal — a field missing or too long, a proposer outside the
 * working group — is shown in the start dialog and nothing is stored.
 */
@Component("submitProposal")
public class SubmitProposalDelegate implements JavaDelegate {

  private final AgendaProposals proposals;
  private final IdentityService identity;
  private final IdentityDirectory directory;

  public SubmitProposalDelegate(AgendaProposals proposals, IdentityService identity, IdentityDirectory directory) {
    this.proposals = proposals;
    this.identity = identity;
    this.directory = directory;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Proposal p = proposals.submit(ProposalVariables.draft(execution), FormValues.currentUser(identity),
        execution.getProcessInstanceId());
    execution.setProcessBusinessKey("proposal-" + p.id());
    ProposalVariables.write(execution, p, directory);
  }
}
