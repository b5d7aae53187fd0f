package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.materials.SpeakerMaterials;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** Before the materials deadline: every speaker whose item has no materials yet is reminded. */
@Component("remindMaterials")
public class RemindMaterialsDelegate implements JavaDelegate {

  private final SpeakerMaterials materials;

  public RemindMaterialsDelegate(SpeakerMaterials materials) {
    this.materials = materials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    materials.remind(MEETING_KEY.get(execution));
  }
}
