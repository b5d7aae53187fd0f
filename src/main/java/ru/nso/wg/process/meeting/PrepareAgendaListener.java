package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.process.FormValues;

import java.time.LocalDate;
import java.util.List;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_ITEMS;
import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_TABLE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/** § 13: the secretariat builds the agenda (at least one item, each with its materials). */
@Component("prepareAgendaListener")
public class PrepareAgendaListener implements TaskListener {

  private final MeetingScheduling scheduling;
  private final IdentityService identity;

  public PrepareAgendaListener(MeetingScheduling scheduling, IdentityService identity) {
    this.scheduling = scheduling;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    LocalDate meetingDate = LocalDate.parse(MEETING_DATE.get(task));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      AGENDA_DUE_TEXT.set(task, scheduling.deadline(DeadlineKind.AGENDA_TO_CHAIR, meetingDate).text());
      return;
    }
    String key = MEETING_KEY.get(task);
    List<AgendaItem> items = scheduling.setAgenda(key, FormValues.agenda(AGENDA_ITEMS.find(task)),
        FormValues.currentUser(identity));
    AGENDA_TABLE.set(task, FormValues.agendaTable(items, AgendaItemType.labels()));
    scheduling.recordCompletion(key, DeadlineKind.AGENDA_TO_CHAIR, meetingDate);
  }
}
