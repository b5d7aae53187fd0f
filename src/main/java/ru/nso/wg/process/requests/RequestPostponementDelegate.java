package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingScheduling;

import java.util.Map;

import static ru.nso.wg.process.StaffRequestProcesses.MEETING_REF;
import static ru.nso.wg.process.StaffRequestProcesses.NEW_MEETING_START;
import static ru.nso.wg.process.StaffRequestProcesses.POSTPONE_REASON;

/**
 * Postponement requested from Tasklist (or REST): the new date is checked like a new meeting's (not past,
 * § 13 still achievable) before the meeting is told; a refusal is shown in the start dialog.
 */
@Component("requestPostponement")
public class RequestPostponementDelegate implements JavaDelegate {

  private final MeetingCorrelation correlation;
  private final MeetingScheduling scheduling;

  public RequestPostponementDelegate(MeetingCorrelation correlation, MeetingScheduling scheduling) {
    this.correlation = correlation;
    this.scheduling = scheduling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Meeting meeting = correlation.meetingBeforeStart(MEETING_REF.find(execution).orElse(null), "перенести");
    MeetingScheduling.Schedule schedule = scheduling.validate(new MeetingScheduling.Schedule(
        MeetingScheduling.parseStart(NEW_MEETING_START.find(execution).orElse(null)), meeting.format(),
        meeting.place(), meeting.videoLink(), meeting.preliminaryQuestions(), java.util.List.of()));
    String reason = POSTPONE_REASON.find(execution)
        .orElseThrow(() -> new Refusal("Укажите причину переноса заседания"));
    execution.setProcessBusinessKey(meeting.key());
    correlation.correlate(meeting, ru.nso.wg.process.MeetingProcess.MESSAGE_POSTPONE, Map.of(
        NEW_MEETING_START.name(), schedule.start().toString(), POSTPONE_REASON.name(), reason));
  }
}
