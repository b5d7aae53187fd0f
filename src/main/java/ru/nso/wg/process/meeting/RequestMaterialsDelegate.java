package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.materials.SpeakerMaterials;

import static ru.nso.wg.process.MeetingProcess.Vars.MATERIAL_ITEM_NO;
import static ru.nso.wg.process.MeetingProcess.Vars.MATERIAL_SPEAKER;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * Asks the speaker of one agenda item for its materials (one instance of the materials subprocess per item): an
 * outside speaker gets the upload link by e-mail; a member's user id goes to the task «Представить материалы».
 */
@Component("requestMaterials")
public class RequestMaterialsDelegate implements JavaDelegate {

  private final SpeakerMaterials materials;

  public RequestMaterialsDelegate(SpeakerMaterials materials) {
    this.materials = materials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MATERIAL_SPEAKER.setLocal(execution, materials.ask(MEETING_KEY.get(execution), MATERIAL_ITEM_NO.get(execution)));
  }
}
