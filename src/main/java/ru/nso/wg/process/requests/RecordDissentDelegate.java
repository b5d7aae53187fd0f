package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.StaffRequestProcesses.DISSENT_ID;
import static ru.nso.wg.process.StaffRequestProcesses.ITEM_NO;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;
import static ru.nso.wg.process.StaffRequestProcesses.OPINION;

/**
 * § 17: a member's written dissenting opinion on an item, entered into the minutes. Accepted from a member
 * who took part in the item, until the minutes are signed; otherwise refused in the start dialog.
 */
@Component("recordDissent")
public class RecordDissentDelegate implements JavaDelegate {

  private final MeetingConduct conduct;
  private final IdentityService identity;

  public RecordDissentDelegate(MeetingConduct conduct, IdentityService identity) {
    this.conduct = conduct;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = FormValues.currentUser(identity);
    if (user == null) {
      throw new Refusal("Особое мнение подаётся от имени вошедшего в систему члена Рабочей группы");
    }
    MeetingRef ref = MeetingRef.parse(MEETING_REF.find(execution).orElse(null));
    int itemNo = ITEM_NO.find(execution).orElseThrow(() -> new Refusal("Укажите номер вопроса повестки"));
    Dissent dissent = conduct.fileDissent(ref.key(), itemNo, user, OPINION.find(execution).orElse(null));
    execution.setProcessBusinessKey(ref.key());
    DISSENT_ID.set(execution, Math.toIntExact(dissent.id()));
  }
}
