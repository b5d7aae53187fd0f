package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.materials.SpeakerMaterials;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * The materials deadline passed: items without materials are marked «материалы не представлены» and the secretariat
 * is told; the agenda's approval is not held up.
 */
@Component("materialsDeadline")
public class MaterialsDeadlineDelegate implements JavaDelegate {

  private final SpeakerMaterials materials;

  public MaterialsDeadlineDelegate(SpeakerMaterials materials) {
    this.materials = materials;
  }

  @Override
  public void execute(DelegateExecution execution) {
    materials.deadlinePassed(MEETING_KEY.get(execution));
  }
}
