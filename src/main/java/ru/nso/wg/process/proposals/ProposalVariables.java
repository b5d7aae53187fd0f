package ru.nso.wg.process.proposals;

import org.camunda.bpm.engine.delegate.VariableScope;
import ru.nso.wg.meeting.AgendaProposals.Draft;
import ru.nso.wg.meeting.AgendaProposals.Proposal;
import ru.nso.wg.roster.IdentityDirectory;

import static ru.nso.wg.process.AgendaProposalProcess.Vars.AREA;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.DRAFT_DECISION;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.ITEM_TYPE;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.MATERIALS;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.PROPOSAL_ID;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.REVIEW_GROUP;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.SPEAKER;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.STATE;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.SUMMARY;
import static ru.nso.wg.process.AgendaProposalProcess.Vars.TITLE;

/** Reading a proposal from the forms' fields and writing what the forms and the model need of it. */
final class ProposalVariables {

  private ProposalVariables() {
  }

  /** The fields of the proposal form (each text checked against its column by its {@code Var}). */
  static Draft draft(VariableScope scope) {
    return new Draft(TITLE.find(scope).orElse(null), ITEM_TYPE.find(scope).orElse(null),
        SPEAKER.find(scope).orElse(null), AREA.find(scope).orElse(null), DRAFT_DECISION.find(scope).orElse(null),
        MATERIALS.find(scope).orElse(null));
  }

  /** The proposal as stored: its number, state, reviewing group and the summary the forms show. */
  static void write(VariableScope scope, Proposal p, IdentityDirectory directory) {
    PROPOSAL_ID.set(scope, Math.toIntExact(p.id()));
    REVIEW_GROUP.set(scope, p.area().groupId());
    STATE.set(scope, p.state().name());
    SUMMARY.set(scope, "**" + p.label() + "**\n\n"
        + "**Вид вопроса:** " + p.type().title() + "\n\n"
        + "**Докладчик:** " + p.speaker() + "\n\n"
        + "**Направление:** " + p.area().title() + "\n\n"
        + "**Проект решения:** " + p.draftDecision() + "\n\n"
        + "**Информационные материалы:** " + p.materials() + "\n\n"
        + "**Внёс:** " + directory.userName(p.proposedBy()));
  }
}
