package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.AgendaProposals;
import ru.nso.wg.meeting.CarriedItems;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.materials.SpeakerMaterials;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_ITEMS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_PROPOSALS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_TABLE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.PROPOSAL_CUTOFF_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.PROPOSAL_OPTIONS;

/**
 * § 13: the secretariat builds the agenda (at least one item, each with its materials). Carried-over items come
 * prefilled; accepted proposals for the agenda are offered to take (those accepted after this meeting's cut-off
 * marked «поступило после срока»), the ones taken are added at the end of the agenda.
 */
@Component("prepareAgendaListener")
public class PrepareAgendaListener extends FormTask {

  private final MeetingScheduling scheduling;
  private final CarriedItems carriedItems;
  private final AgendaProposals proposals;
  private final IdentityService identity;
  private final SpeakerMaterials materials;

  public PrepareAgendaListener(MeetingScheduling scheduling, CarriedItems carriedItems, AgendaProposals proposals,
                               IdentityService identity, SpeakerMaterials materials) {
    this.materials = materials;
    this.scheduling = scheduling;
    this.proposals = proposals;
    this.carriedItems = carriedItems;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    MeetingProcess.writeDueTexts(task, scheduling.deadline(DeadlineKind.AGENDA_TO_CHAIR, MEETING_DATE.get(task)));
    // § 15: the items the chair carried over come prefilled (once: an item already in the list is not added again)
    SpinJsonNode agenda = AGENDA_ITEMS.find(task).filter(SpinJsonNode::isArray).orElse(Spin.JSON("[]"));
    Set<String> titles = new HashSet<>();
    agenda.elements().forEach(row -> titles.add(row.hasProp("title") ? row.prop("title").stringValue().trim() : ""));
    for (CarriedItems.Carried c : carriedItems.carriedTo(MEETING_KEY.get(task))) {
      if (titles.add(c.item().title().trim())) {
        agenda.append(Spin.JSON("{}").prop("title", c.item().title()).prop("itemType", c.item().type().name())
            .prop("speaker", c.item().speaker()).prop("materials", c.item().materials() == null ? ""
                : c.item().materials()).prop("area", c.item().area() == null ? "" : c.item().area()));
      }
    }
    if (!agenda.elements().isEmpty()) {
      AGENDA_ITEMS.set(task, agenda);
    }
    // § 9 (2), § 13: the accepted proposals; those placed on this agenda before (a returned agenda) come checked
    Map<String, String> offered = new LinkedHashMap<>();
    SpinJsonNode taken = Spin.JSON("[]");
    for (AgendaProposals.Offered o : proposals.offered(MEETING_KEY.get(task))) {
      offered.put(o.value(), o.label());
      if (MEETING_KEY.get(task).equals(o.proposal().placedKey())) {
        taken.append(o.value());
      }
    }
    PROPOSAL_OPTIONS.set(task, FormValues.options(offered));
    AGENDA_PROPOSALS.set(task, taken);
    PROPOSAL_CUTOFF_TEXT.set(task, "Предложения к этому заседанию принимались до "
        + proposals.cutoffText(MEETING_DATE.get(task)) + " включительно (за " + proposals.cutoffWorkingDays()
        + " рабочих дня до срока п. 13)");
  }

  /**
   * The agenda goes to the presiding person (§ 13); the speakers named by login or e-mail are recorded for their
   * materials (checked in the same transaction: a bad contact refuses the whole submission).
   */
  @Override
  protected void accept(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    Map<Integer, String> speakers = FormValues.agendaSpeakers(AGENDA_ITEMS, task);
    List<AgendaItem> items = scheduling.submitAgenda(key, FormValues.agenda(AGENDA_ITEMS, task),
        FormValues.strings(AGENDA_PROPOSALS, task), speakers.keySet(), FormValues.currentUser(identity));
    materials.speakersNamed(key, speakers);
    AGENDA_TABLE.set(task, FormValues.agendaTable(items));
    // the proposals taken are now rows of the agenda: a returned agenda shows them in the list
    AGENDA_ITEMS.set(task, FormValues.agendaRows(items));
  }
}
