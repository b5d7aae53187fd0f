package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.ProposalMail;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * The meeting is confirmed: members are told until when proposals for its agenda are taken (the cut-off,
 * {@code meeting/AgendaProposals}). A job of its own, retried; a retry sends nobody the message twice.
 */
@Component("announceProposalCutoff")
public class AnnounceProposalCutoffDelegate implements JavaDelegate {

  private final ProposalMail mail;

  public AnnounceProposalCutoffDelegate(ProposalMail mail) {
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mail.announceCutoff(MEETING_KEY.get(execution));
  }
}
