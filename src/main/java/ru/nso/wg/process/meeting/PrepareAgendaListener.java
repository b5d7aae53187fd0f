package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.MeetingProcess;

import java.util.List;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_ITEMS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_TABLE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 13: the secretariat builds the agenda (at least one item, each with its materials). */
@Component("prepareAgendaListener")
public class PrepareAgendaListener extends FormTask {

  private final MeetingScheduling scheduling;
  private final IdentityService identity;

  public PrepareAgendaListener(MeetingScheduling scheduling, IdentityService identity) {
    this.scheduling = scheduling;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    MeetingProcess.writeDueTexts(task, scheduling.deadline(DeadlineKind.AGENDA_TO_CHAIR, MEETING_DATE.get(task)));
  }

  @Override
  protected void accept(DelegateTask task) {
    List<AgendaItem> items = scheduling.submitAgenda(MEETING_KEY.get(task), FormValues.agenda(AGENDA_ITEMS, task),
        FormValues.currentUser(identity));
    AGENDA_TABLE.set(task, FormValues.agendaTable(items));
  }
}
