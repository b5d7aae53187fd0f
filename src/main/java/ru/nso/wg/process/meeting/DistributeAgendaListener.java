package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.MATERIALS_READY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.REFERENCE_MATERIALS;

/** § 14 (3): reference materials are prepared before the agenda goes out. */
@Component("distributeAgendaListener")
public class DistributeAgendaListener extends FormTask {

  private final MeetingScheduling scheduling;
  private final IdentityService identity;

  public DistributeAgendaListener(MeetingScheduling scheduling, IdentityService identity) {
    this.scheduling = scheduling;
    this.identity = identity;
  }

  @Override
  protected void accept(DelegateTask task) {
    scheduling.prepareReferenceMaterials(MEETING_KEY.get(task), MATERIALS_READY.find(task).orElse(false),
        REFERENCE_MATERIALS.find(task).orElse(null), FormValues.currentUser(identity));
  }
}
