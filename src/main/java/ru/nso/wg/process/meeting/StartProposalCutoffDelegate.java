package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.process.AgendaProposalProcess;

import java.util.HashMap;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;

/**
 * The meeting is confirmed: an instance of {@code wg-proposal-cutoff} (business key the meeting's) tells members until
 * when proposals for its agenda are taken, in a job of its own — the meeting goes on to its agenda at once.
 */
@Component("startProposalCutoff")
public class StartProposalCutoffDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    Map<String, Object> variables = new HashMap<>();
    AgendaProposalProcess.Vars.MEETING_KEY.put(variables, key);
    execution.getProcessEngineServices().getRuntimeService()
        .startProcessInstanceByKey(AgendaProposalProcess.CUTOFF_KEY, key, variables);
  }
}
