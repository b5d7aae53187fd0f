package ru.nso.wg.process.proposals;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.ProposalMail;

import static ru.nso.wg.process.AgendaProposalProcess.Vars.PROPOSAL_ID;

/**
 * The proposer is told that the deputy chair rejected the proposal, and why. A job of its own (asynchronous before,
 * retried): a mail server that is down delays the message, not the review; a retry sends nobody the message twice.
 */
@Component("notifyProposalRejected")
public class NotifyProposalRejectedDelegate implements JavaDelegate {

  private final ProposalMail mail;

  public NotifyProposalRejectedDelegate(ProposalMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.rejected(PROPOSAL_ID.get(execution));
  }
}
