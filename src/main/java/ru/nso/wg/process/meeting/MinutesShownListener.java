package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import ru.nso.wg.document.MeetingDocuments.MinutesChanged;
import ru.nso.wg.process.MeetingProcess;
import ru.nso.wg.roster.AsEngine;

/**
 * Keeps what the drafting and signing tasks show of the minutes current: when the current minutes change (a new
 * draft after a dissenting opinion, an upload by the secretariat), the meeting's instance gets the new edition, link,
 * opinions and notice, so a task opened or reloaded afterwards shows them. Runs as the engine: the member who filed
 * the opinion may not write the meeting's variables.
 */
@Component
public class MinutesShownListener {

  private final RuntimeService runtime;
  private final AsEngine asEngine;

  public MinutesShownListener(RuntimeService runtime, AsEngine asEngine) {
    this.runtime = runtime;
    this.asEngine = asEngine;
  }

  @EventListener
  public void minutesChanged(MinutesChanged changed) {
    String instance = changed.processInstanceId();
    if (instance == null) {
      return;
    }
    asEngine.run(() -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance).active().count() > 0) {
        runtime.setVariables(instance, MeetingProcess.minutesVariables(changed.state()));
      }
    });
  }
}
