package ru.nso.wg.cluster;

import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A failed job whose retries an operator increments (Cockpit's "Retry" on an incident, {@code PUT
 * /engine-rest/job/{id}/retries}, {@code ManagementService.setJobRetries}) runs now: the engine would otherwise
 * keep the due date of its last failed attempt, which the retry cycle may have put hours ahead. When the caller
 * sets a due date together with the retries (REST {@code dueDate}, {@code setJobRetries(..).dueDate(..)}), that
 * date is applied after this one and wins.
 *
 * <p>Done in the incident handler of failed jobs: the engine resolves a job's incident exactly when its retries go
 * up from 0.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RetryRunsNowPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new RetryRunsNowHandler());
    configuration.setCustomIncidentHandlers(handlers);
  }

  /** Camunda's handler for failed jobs, plus: a resolved incident's job is due now. */
  static final class RetryRunsNowHandler extends DefaultIncidentHandler {

    RetryRunsNowHandler() {
      super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      super.resolveIncident(context);
      CommandContext commandContext = Context.getCommandContext();
      if (commandContext == null || context.getConfiguration() == null) {
        return;
      }
      // called from JobEntity.setRetries while the job still has 0 retries: going up from 0 is what resolves it
      JobEntity job = commandContext.getJobManager().findJobById(context.getConfiguration());
      if (job != null) {
        job.setDuedate(ClockUtil.getCurrentTime());
      }
    }
  }
}
