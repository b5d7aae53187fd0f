package ru.nso.wg.process.requests;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.DateRequests;

import static ru.nso.wg.process.StaffRequestProcesses.DATE_REQUEST_ID;
import static ru.nso.wg.process.StaffRequestProcesses.DECIDER;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_DATE;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_DATE_TEXT;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_NUMBER;
import static ru.nso.wg.process.StaffRequestProcesses.MEETING_TITLE;
import static ru.nso.wg.process.StaffRequestProcesses.REQUEST_SUMMARY;

/**
 * What a recorded request writes into its process: the meeting (business key; number, date and title, which the
 * Tasklist columns of the decision task show), the request, who decides it.
 */
final class DateRequestVariables {

  private DateRequestVariables() {
  }

  static void write(DelegateExecution execution, DateRequests.Asked asked) {
    execution.setProcessBusinessKey(asked.request().meetingKey());
    DATE_REQUEST_ID.set(execution, Math.toIntExact(asked.request().id()));
    DECIDER.set(execution, asked.decider().userId());
    REQUEST_SUMMARY.set(execution, asked.summary());
    MEETING_NUMBER.set(execution, asked.meetingRef().number());
    MEETING_DATE.set(execution, RussianDates.localDate(asked.meetingStart()));
    MEETING_DATE_TEXT.set(execution, RussianDates.numeric(asked.meetingStart()));
    MEETING_TITLE.set(execution, asked.meetingTitle());
  }
}
