package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The Tasklist filters show «Заседание №» and «Дата заседания» for every task. People who may see a task but
 * not its meeting's process variables (the information-policy department, a presiding deputy chair) would see
 * empty columns; so every user task gets its own copies of those values when it is created (and of the
 * quorum forecast from the attendance replies, which {@code process.meeting.AttendanceForecastVariables}
 * updates). A task's variables
 * are readable by whoever may read the task: no authorization is widened for this.
 */
@Component
public class TaskListColumns extends AbstractProcessEnginePlugin {

  static final List<Var<?>> COPIED = List.of(MeetingProcess.Vars.MEETING_NUMBER, MeetingProcess.Vars.MEETING_DATE,
      MeetingProcess.Vars.MEETING_DATE_TEXT, MeetingProcess.Vars.MEETING_TITLE,
      MeetingProcess.Vars.ATTENDANCE_FORECAST);

  private static final TaskListener COPY = (DelegateTask task) -> {
    for (Var<?> variable : COPIED) {
      Object value = task.getExecution() == null ? null : task.getExecution().getVariable(variable.name());
      if (value != null) {
        task.setVariableLocal(variable.name(), value);
      }
    }
  };

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask
            && ProcessKeys.isApplications(activity.getProcessDefinition())) {
          TaskDefinition definition = userTask.getTaskDefinition();
          definition.addTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
        }
      }
    });
  }
}
