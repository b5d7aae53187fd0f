package ru.nso.wg.process.meeting;

import org.camunda.bpm.engine.delegate.VariableScope;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingScheduling.Schedule;
import ru.nso.wg.process.FormValues;

import java.util.Date;

import static ru.nso.wg.process.MeetingProcess.Vars.INVITEES;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_FORMAT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_PLACE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_START;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_START_AT;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.PRELIMINARY_QUESTIONS;
import static ru.nso.wg.process.MeetingProcess.Vars.VIDEO_LINK;

/** The schedule fields shared by the start form and the chair's confirmation form. */
final class ScheduleVariables {

  private ScheduleVariables() {
  }

  static Schedule read(VariableScope scope) {
    return new Schedule(MeetingScheduling.parseStart(MEETING_START.find(scope).orElse(null)),
        MeetingFormat.parse(MEETING_FORMAT.find(scope).orElse(null)), MEETING_PLACE.find(scope).orElse(null),
        VIDEO_LINK.find(scope).orElse(null), PRELIMINARY_QUESTIONS.find(scope).orElse(null),
        FormValues.invitees(INVITEES.find(scope)));
  }

  /** What timers and forms read: the instant, the Novosibirsk date deadlines count from, the title. */
  static void write(VariableScope scope, MeetingRef ref, Schedule schedule) {
    MEETING_START.set(scope, schedule.start().toString());
    MEETING_START_AT.set(scope, Date.from(schedule.start().toInstant()));
    MEETING_DATE.set(scope, schedule.date().toString());
    MEETING_TITLE.set(scope, MeetingScheduling.title(ref, schedule.start()));
  }
}
