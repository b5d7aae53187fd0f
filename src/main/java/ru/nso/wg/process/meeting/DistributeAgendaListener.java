package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.MATERIALS_READY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.REFERENCE_MATERIALS;

/** § 14 (3): reference materials are prepared before the agenda goes out. */
@Component("distributeAgendaListener")
public class DistributeAgendaListener implements TaskListener {

  private final MeetingRecord record;
  private final IdentityService identity;

  public DistributeAgendaListener(MeetingRecord record, IdentityService identity) {
    this.record = record;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!MATERIALS_READY.find(task).orElse(false)) {
      throw new Refusal("Подтвердите, что информационно-справочные материалы подготовлены (п. 14)");
    }
    String materials = REFERENCE_MATERIALS.find(task)
        .orElseThrow(() -> new Refusal("Укажите информационно-справочные материалы (п. 14)"));
    record.event(MEETING_KEY.get(task), "REFERENCE_MATERIALS", materials, FormValues.currentUser(identity));
  }
}
