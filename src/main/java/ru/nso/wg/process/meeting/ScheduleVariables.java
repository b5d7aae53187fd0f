package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.VariableScope;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingScheduling.Schedule;
import ru.nso.wg.process.FormValues;

import static ru.nso.wg.process.MeetingProcess.Vars.INVITEES;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_FORMAT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_PLACE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_START;
import static ru.nso.wg.process.MeetingProcess.Vars.OFF_HOURS_CONFIRMED;
import static ru.nso.wg.process.MeetingProcess.Vars.PRELIMINARY_QUESTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.VIDEO_LINK;

/** The schedule fields shared by the start form and the chair's confirmation form. */
final class ScheduleVariables {

  private ScheduleVariables() {
  }

  static Schedule read(VariableScope scope) {
    return new Schedule(MEETING_START.find(scope).orElse(null),
        MeetingFormat.parse(MEETING_FORMAT.find(scope).orElse(null)), MEETING_PLACE.find(scope).orElse(null),
        VIDEO_LINK.find(scope).orElse(null), PRELIMINARY_QUESTIONS.find(scope).orElse(null),
        FormValues.invitees(INVITEES, scope),
        OFF_HOURS_CONFIRMED.find(scope).orElse(false));
  }
}
