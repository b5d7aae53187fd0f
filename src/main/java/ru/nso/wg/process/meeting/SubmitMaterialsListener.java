package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.materials.SpeakerMaterials;
import ru.nso.wg.process.FormTask;

import static ru.nso.wg.process.MeetingProcess.Vars.MATERIALS_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.MATERIALS_UPLOAD_URL;
import static ru.nso.wg.process.MeetingProcess.Vars.MATERIAL_ITEM_NO;
import static ru.nso.wg.process.MeetingProcess.Vars.MATERIAL_ITEM_TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * «Представить материалы к вопросу N»: the member who speaks to the item uploads files on the page the form links
 * to, then completes the task — refused while nothing is uploaded.
 */
@Component("submitMaterialsListener")
public class SubmitMaterialsListener extends FormTask {

  private final SpeakerMaterials materials;

  public SubmitMaterialsListener(SpeakerMaterials materials) {
    this.materials = materials;
  }

  @Override
  protected void prepare(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    int itemNo = MATERIAL_ITEM_NO.get(task);
    MATERIALS_UPLOAD_URL.setLocal(task, SpeakerMaterials.uploadPath(key, itemNo));
    MATERIALS_DUE_TEXT.setLocal(task, materials.deadline(key).text());
    MATERIAL_ITEM_TITLE.setLocal(task, materials.itemTitle(key, itemNo));
  }

  @Override
  protected void accept(DelegateTask task) {
    materials.submitted(MEETING_KEY.get(task), MATERIAL_ITEM_NO.get(task));
  }
}
