package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import ru.nso.wg.notification.TaskMessages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Issue 16, point 4: every user task of every model in {@code bpmn/} tells its holder that it waits
 * ({@link TaskMessages#taskCreated}), without a listener in each model: a parse listener adds a {@code create}
 * listener to every user task (as {@link TaskListColumns} does), which only adds a job to the transaction that
 * creates the task. The job runs after that transaction committed (a task rolled back is told to nobody), on one
 * node, retried by the job executor when the mail server fails (the delivery log keeps a retry from sending a
 * message twice), and becomes an incident in Cockpit when its retries are used up. The daily digest
 * ({@link DailyDigestTrigger}) runs as a job of the same kind.
 */
@Component
public class TaskNotices extends AbstractProcessEnginePlugin {

  /** The job that tells a task's holders; its configuration is the task's id. */
  public static final String TASK_NOTICE = "wg-task-notice";
  /** The job that sends a day's digests; its configuration is the day (ISO). */
  public static final String TASK_DIGEST = "wg-task-digest";
  /** Attempts of a notice job before it becomes an incident. */
  static final int RETRIES = 5;

  private final ObjectProvider<TaskMessages> messages;

  public TaskNotices(ObjectProvider<TaskMessages> messages) {
    this.messages = messages;
  }

  private static final TaskListener ADD_NOTICE = (DelegateTask task) -> send(TASK_NOTICE, task.getId());

  /** Adds a job of {@code type} to the current command's transaction. */
  static void send(String type, String configuration) {
    send(Context.getCommandContext(), type, configuration);
  }

  static void send(CommandContext commandContext, String type, String configuration) {
    MessageEntity message = new MessageEntity();
    message.setJobHandlerType(type);
    message.setJobHandlerConfigurationRaw(configuration);
    message.setRetries(RETRIES);
    commandContext.getJobManager().send(message);
  }

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
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, ADD_NOTICE);
        }
      }
    });
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(new Handler(TASK_NOTICE, taskId -> messages.getObject().taskCreated(taskId)));
    handlers.add(new Handler(TASK_DIGEST, day -> messages.getObject().digest(LocalDate.parse(day))));
    configuration.setCustomJobHandlers(handlers);
  }

  /** The configuration of a notice job: one string (a task id, a day). */
  record Config(String value) implements JobHandlerConfiguration {
    @Override
    public String toCanonicalString() {
      return value;
    }
  }

  /** Runs the notification named by the job's configuration. */
  static final class Handler implements JobHandler<Config> {

    private final String type;
    private final Consumer<String> action;

    Handler(String type, Consumer<String> action) {
      this.type = type;
      this.action = action;
    }

    @Override
    public String getType() {
      return type;
    }

    @Override
    public void execute(Config configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
      action.accept(configuration.value());
    }

    @Override
    public Config newConfiguration(String canonicalString) {
      return new Config(canonicalString);
    }

    @Override
    public void onDelete(Config configuration, JobEntity jobEntity) {
      // nothing kept besides the job
    }
  }
}
