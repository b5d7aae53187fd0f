package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.meeting.ChairPowers;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_APPROVED;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_REMARKS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_TABLE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 7 (2): the presiding person approves the agenda or returns it with remarks. */
@Component("approveAgendaListener")
public class ApproveAgendaListener extends FormTask {

  /** The choices of the approval form. */
  enum AgendaDecision { APPROVE, RETURN }

  private final MeetingScheduling scheduling;
  private final ChairPowers chairPowers;
  private final IdentityService identity;
  private final MeetingViews views;

  public ApproveAgendaListener(MeetingScheduling scheduling, ChairPowers chairPowers, IdentityService identity,
                               MeetingViews views) {
    this.views = views;
    this.scheduling = scheduling;
    this.chairPowers = chairPowers;
    this.identity = identity;
  }

  /** § 10: while the chair's instruction covers today, the chair's approval goes to the deputy it names. */
  /**
   * The table shows each item's materials as they stand: typed, uploaded by the speaker (file names), or
   * «материалы не представлены».
   */
  @Override
  protected void prepare(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    chairPowers.agendaApprovalCreated(key).ifPresent(holder -> task.setAssignee(holder.userId()));
    Map<Integer, String> materials = new HashMap<>();
    views.meeting(key).items().forEach(i -> materials.put(i.number(),
        i.materials().stream().map(Material::title).collect(Collectors.joining("; "))));
    AGENDA_TABLE.find(task).filter(SpinJsonNode::isArray).ifPresent(table -> {
      table.elements().forEach(row -> {
        if (row.hasProp("no") && row.prop("no").isNumber()) {
          row.prop("materials", materials.getOrDefault(row.prop("no").numberValue().intValue(), ""));
        }
      });
      AGENDA_TABLE.set(task, table);
    });
  }

  @Override
  protected void accept(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    String actor = FormValues.currentUser(identity);
    AgendaDecision decision = FormValues.choice(AgendaDecision.class, AGENDA_DECISION.find(task).orElse(null));
    if (decision == AgendaDecision.APPROVE) {
      MeetingProcess.writeDueTexts(task, scheduling.approveAgenda(key, actor));
      AGENDA_REMARKS.set(task, null);
    } else if (decision == AgendaDecision.RETURN) {
      scheduling.returnAgenda(key, AGENDA_REMARKS.find(task).orElse(null), actor);
    } else {
      throw new Refusal("Выберите решение: утвердить повестку или вернуть её на доработку");
    }
    AGENDA_APPROVED.set(task, decision == AgendaDecision.APPROVE);
    AGENDA_DECISION.set(task, null);
  }
}
