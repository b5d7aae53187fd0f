package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.process.DecisionControlProcess;

import java.util.Map;
import java.util.stream.Collectors;

import static ru.nso.wg.process.DecisionControlProcess.Vars.CONTROL_AREA;
import static ru.nso.wg.process.DecisionControlProcess.Vars.DECISION_TEXT;
import static ru.nso.wg.process.DecisionControlProcess.Vars.DUE_DATE;
import static ru.nso.wg.process.DecisionControlProcess.Vars.EXECUTOR_ID;
import static ru.nso.wg.process.DecisionControlProcess.Vars.EXECUTOR_NAME;
import static ru.nso.wg.process.DecisionControlProcess.Vars.ITEM_NO;
import static ru.nso.wg.process.DecisionControlProcess.Vars.ITEM_TITLE;
import static ru.nso.wg.process.DecisionControlProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.DecisionControlProcess.Vars.MEETING_TITLE;

/**
 * § 8: every adopted decision with an executor and a due date is put under the control of the deputy chair of
 * its area — one {@code wg-decision-control} instance each. The meeting does not wait for them. Starting is
 * idempotent per decision (business key), so a retried job starts nothing twice.
 */
@Component("startDecisionControl")
public class StartDecisionControlDelegate implements JavaDelegate {

  private final MeetingConduct conduct;
  private final MeetingRecord record;
  private final RuntimeService runtime;
  private final HistoryService history;

  public StartDecisionControlDelegate(MeetingConduct conduct, MeetingRecord record, RuntimeService runtime,
                                      HistoryService history) {
    this.conduct = conduct;
    this.record = record;
    this.runtime = runtime;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String key = MEETING_KEY.get(execution);
    Map<Integer, AgendaItem> agenda = record.agenda(key).stream().collect(Collectors.toMap(AgendaItem::no, i -> i));
    for (ItemDecision decision : conduct.controlledDecisions(key)) {
      String businessKey = DecisionControlProcess.businessKey(key, decision.itemNo());
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(DecisionControlProcess.KEY)
          .processInstanceBusinessKey(businessKey).count() > 0) {
        continue;
      }
      VariableMap variables = Variables.createVariables()
          .putValue(MEETING_KEY.name(), key)
          .putValue(MEETING_TITLE.name(), MEETING_TITLE.get(execution))
          .putValue(ITEM_NO.name(), decision.itemNo())
          .putValue(ITEM_TITLE.name(), agenda.get(decision.itemNo()).title())
          .putValue(DECISION_TEXT.name(), decision.text())
          .putValue(EXECUTOR_ID.name(), decision.executorId())
          .putValue(EXECUTOR_NAME.name(), decision.executor())
          .putValue(CONTROL_AREA.name(), decision.controlArea());
      DUE_DATE.put(variables, decision.dueDate());
      runtime.startProcessInstanceByKey(DecisionControlProcess.KEY, businessKey, variables);
    }
  }
}
