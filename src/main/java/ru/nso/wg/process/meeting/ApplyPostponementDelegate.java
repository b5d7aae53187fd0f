package ru.nso.wg.process.meeting;

import ru.nso.wg.common.RussianDates;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.DeadlineExpressions;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.notification.NotificationService;
import ru.nso.wg.process.MeetingProcess.Elements;

import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.AGENDA_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.DISTRIBUTION_DUE_TEXT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.NEW_MEETING_START;
import static ru.nso.wg.process.MeetingProcess.Vars.POSTPONE_REASON;

/**
 * Postponement: the new date goes into the record and the process; every deadline (§ 13, § 14) and the
 * meeting's own timer are recomputed — waiting timer jobs get new due dates, open tasks new due and follow-up
 * dates; members and invitees who already received the invitation get an update (same UID, higher SEQUENCE).
 */
@Component("applyPostponement")
public class ApplyPostponementDelegate implements JavaDelegate {

  private static final Map<String, DeadlineKind> TASK_DEADLINES = Map.of(
      Elements.PREPARE_AGENDA, DeadlineKind.AGENDA_TO_CHAIR,
      Elements.DISTRIBUTE_AGENDA, DeadlineKind.AGENDA_DISTRIBUTION);

  private final MeetingScheduling scheduling;
  private final MeetingRecord record;
  private final DeadlineExpressions deadlines;
  private final ManagementService management;
  private final TaskService tasks;
  private final NotificationService notifications;
  private final MeetingViews views;
  private final DeliveryGaps gaps;

  public ApplyPostponementDelegate(MeetingScheduling scheduling, MeetingRecord record, DeadlineExpressions deadlines,
                                   ManagementService management, TaskService tasks,
                                   NotificationService notifications, MeetingViews views, DeliveryGaps gaps) {
    this.scheduling = scheduling;
    this.record = record;
    this.deadlines = deadlines;
    this.management = management;
    this.tasks = tasks;
    this.notifications = notifications;
    this.views = views;
    this.gaps = gaps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    Meeting before = record.get(key);
    String reason = POSTPONE_REASON.get(execution);
    MeetingScheduling.Schedule schedule = scheduling.postpone(key,
        MeetingScheduling.parseStart(NEW_MEETING_START.get(execution)), reason, null);
    ScheduleVariables.write(execution, before.ref(), schedule);
    String date = MEETING_DATE.get(execution);
    AGENDA_DUE_TEXT.set(execution, deadlines.dueText(DeadlineKind.AGENDA_TO_CHAIR.code(), date));
    DISTRIBUTION_DUE_TEXT.set(execution, deadlines.dueText(DeadlineKind.AGENDA_DISTRIBUTION.code(), date));

    String processInstanceId = execution.getProcessInstanceId();
    for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      management.recalculateJobDuedate(timer.getId(), false);
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      DeadlineKind kind = TASK_DEADLINES.get(task.getTaskDefinitionKey());
      if (kind != null) {
        task.setDueDate(deadlines.due(kind.code(), date));
        task.setFollowUpDate(deadlines.followUp(kind.code(), date));
        tasks.saveTask(task);
      }
    }
    if (before.status() == MeetingStatus.AGENDA_SENT) {
      gaps.record(execution, "Уведомление о переносе", notifications.notifyPostponement(views.meeting(key),
          before.start().atZoneSameInstant(RussianDates.ZONE), reason));
    }
  }
}
