package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.process.FormTask;
import ru.nso.wg.process.FormValues;
import ru.nso.wg.process.StaffRequestProcesses;
import ru.nso.wg.replies.AttendanceReplies;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import static ru.nso.wg.process.MeetingProcess.Vars.ATTENDANCE_FORECAST;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_DECISION;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_NEW_START;
import static ru.nso.wg.process.MeetingProcess.Vars.THREAT_REASON;

/**
 * «Кворум под угрозой» (§ 14, § 15): the presiding person keeps the date, or asks for a postponement — which starts
 * the normal postponement request ({@code bpmn/wg-meeting-postpone.bpmn}), checked as the secretariat's request is
 * and decided by the chair (§ 7 (3)); a refused request (a date too close, another request open) keeps this task
 * open with the reason.
 */
@Component("quorumThreatListener")
public class QuorumThreatListener extends FormTask {

  /** The choices of the form. */
  enum ThreatDecision { KEEP, POSTPONE }

  private final AttendanceReplies replies;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public QuorumThreatListener(AttendanceReplies replies, RuntimeService runtime, IdentityService identity) {
    this.replies = replies;
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  protected void prepare(DelegateTask task) {
    ATTENDANCE_FORECAST.setLocal(task, replies.forecast(MEETING_KEY.get(task)).text());
  }

  @Override
  protected void accept(DelegateTask task) {
    ThreatDecision decision = FormValues.choice(ThreatDecision.class, THREAT_DECISION.find(task).orElse(null));
    if (decision == null) {
      throw new Refusal("Выберите: сохранить дату заседания или просить о переносе");
    }
    String key = MEETING_KEY.get(task);
    String actor = FormValues.currentUser(identity);
    if (decision == ThreatDecision.POSTPONE) {
      OffsetDateTime newStart = THREAT_NEW_START.find(task).orElseThrow(() -> new Refusal(
          "Укажите новые дату и время заседания"));
      String reason = THREAT_REASON.find(task).orElseThrow(() -> new Refusal("Укажите причину переноса"));
      Map<String, Object> request = new HashMap<>();
      StaffRequestProcesses.MEETING_REF.put(request, key);
      StaffRequestProcesses.NEW_MEETING_START.put(request, newStart);
      StaffRequestProcesses.POSTPONE_REASON.put(request, reason);
      StaffRequestProcesses.INITIATOR.put(request, actor);
      runtime.startProcessInstanceByKey(StaffRequestProcesses.POSTPONE_KEY, request);
    }
    replies.threatDecided(key, decision == ThreatDecision.KEEP, actor);
  }
}
