package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_APPROVED;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_REMARKS;
import static ru.nso.wg.process.MeetingProcess.Vars.DISTRIBUTION_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 7 (2): the presiding person approves the agenda or returns it with remarks. */
@Component("approveAgendaListener")
public class ApproveAgendaListener implements TaskListener {

  static final String APPROVE = "APPROVE";
  static final String RETURN = "RETURN";

  private final MeetingRecord record;
  private final MeetingConduct conduct;
  private final MeetingScheduling scheduling;
  private final MeetingDocuments documents;
  private final IdentityService identity;

  public ApproveAgendaListener(MeetingRecord record, MeetingConduct conduct, MeetingScheduling scheduling,
                               MeetingDocuments documents, IdentityService identity) {
    this.record = record;
    this.conduct = conduct;
    this.scheduling = scheduling;
    this.documents = documents;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    String key = MEETING_KEY.get(task);
    String actor = FormValues.currentUser(identity);
    conduct.requirePresiding(record.get(key), actor, "утвердить повестку");
    String decision = AGENDA_DECISION.find(task).orElse(null);
    if (APPROVE.equals(decision)) {
      AGENDA_APPROVED.set(task, true);
      AGENDA_REMARKS.set(task, null);
      record.setStatus(key, MeetingStatus.AGENDA_APPROVED, null);
      record.event(key, "AGENDA_APPROVED", "Повестка утверждена", actor);
      DISTRIBUTION_DUE_TEXT.set(task, scheduling.deadline(DeadlineKind.AGENDA_DISTRIBUTION,
          LocalDate.parse(MEETING_DATE.get(task))).text());
      documents.storeAgenda(key);
    } else if (RETURN.equals(decision)) {
      String remarks = AGENDA_REMARKS.find(task)
          .orElseThrow(() -> new Refusal("Укажите замечания, с которыми повестка возвращается на доработку"));
      AGENDA_APPROVED.set(task, false);
      record.event(key, "AGENDA_RETURNED", remarks, actor);
    } else {
      throw new Refusal("Выберите решение: утвердить повестку или вернуть её на доработку");
    }
    AGENDA_DECISION.set(task, null);
  }
}
