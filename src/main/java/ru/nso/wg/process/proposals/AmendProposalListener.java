package ru.nso.wg.process.proposals;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.AgendaProposals.Amendment;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.roster.IdentityDirectory;

import static ru.nso.wg.process.AgendaProposalProcess.Vars.AMENDMENT;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.PROPOSAL_ID;

/**
 * The proposer answers the deputy chair's remarks: the amended proposal goes to review again (to the deputy chair of
 * the area it now names), or it is withdrawn. Only the proposer.
 */
@Component("amendProposalListener")
public class AmendProposalListener extends FormTask {

  private final AgendaProposals proposals;
  private final IdentityService identity;
  private final IdentityDirectory directory;

  public AmendProposalListener(AgendaProposals proposals, IdentityService identity, IdentityDirectory directory) {
    this.proposals = proposals;
    this.identity = identity;
    this.directory = directory;
  }

  @Override
  protected void accept(DelegateTask task) {
    Proposal p = proposals.amend(PROPOSAL_ID.get(task), FormValues.currentUser(identity),
        FormValues.choice(Amendment.class, AMENDMENT.find(task).orElse(null)), ProposalVariables.draft(task));
    ProposalVariables.write(task.getExecution(), p, directory);
    AMENDMENT.set(task, null);
  }
}
