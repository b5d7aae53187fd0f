package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.replies.AttendanceReplies;
import ru.nso.wg.replies.AttendanceReplies.ReplyRecorded;
import ru.nso.wg.roster.AsEngine;

import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_FORECAST;

/**
 * The quorum forecast follows the replies: on every reply (in its transaction), the meeting's process variable and
 * the copy each open task of the meeting holds ({@code process.TaskListColumns}) are written anew.
 */
@Component
public class AttendanceForecastVariables {

  private final AttendanceReplies replies;
  private final MeetingRecord record;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AsEngine asEngine;

  public AttendanceForecastVariables(AttendanceReplies replies, MeetingRecord record, RuntimeService runtime,
                                     TaskService tasks, AsEngine asEngine) {
    this.asEngine = asEngine;
    this.replies = replies;
    this.record = record;
    this.runtime = runtime;
    this.tasks = tasks;
  }

  /** As the engine: whoever replied (a link without login, a member in Tasklist) may not write the meeting. */
  @EventListener
  public void on(ReplyRecorded recorded) {
    asEngine.run(() -> write(recorded));
  }

  private void write(ReplyRecorded recorded) {
    String instance = record.get(recorded.meetingKey()).processInstanceId();
    if (instance == null || runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0) {
      return;
    }
    String text = replies.forecast(recorded.meetingKey()).text();
    runtime.setVariable(instance, ATTENDANCE_FORECAST.name(), text);
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      tasks.setVariableLocal(task.getId(), ATTENDANCE_FORECAST.name(), text);
    }
  }
}
