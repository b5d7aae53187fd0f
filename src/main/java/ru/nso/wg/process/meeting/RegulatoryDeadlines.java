package ru.nso.wg.process.meeting;

import ru.nso.wg.common.RussianDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.notification.DeadlineNotice;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;

import static ru.nso.wg.process.MeetingProcess.Vars.DEADLINE_KIND;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_DATE;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_KEY;
import static ru.nso.wg.process.MeetingProcess.Vars.MEETING_TITLE;
import static ru.nso.wg.process.MeetingProcess.Vars.SIGNED_ON;

/**
 * The regulatory deadline a reminder or escalation step is about: its kind is the step's input parameter
 * {@code deadlineKind}; it counts from the meeting date, or from the signing date for § 19.
 */
@Component
public class RegulatoryDeadlines {

  private final MeetingScheduling scheduling;

  public RegulatoryDeadlines(MeetingScheduling scheduling) {
    this.scheduling = scheduling;
  }

  public record Due(String meetingKey, DeadlineKind kind, Deadline deadline, DeadlineNotice notice) {
  }

  public Due of(DelegateExecution execution) {
    DeadlineKind kind = DeadlineKind.of(DEADLINE_KIND.get(execution));
    String from = kind == DeadlineKind.MINUTES_COPIES_DUE ? SIGNED_ON.get(execution) : MEETING_DATE.get(execution);
    Deadline deadline = scheduling.deadline(kind, LocalDate.parse(from));
    String key = MEETING_KEY.get(execution);
    DeadlineNotice notice = new DeadlineNotice(key, "заседание Рабочей группы " + MEETING_TITLE.get(execution),
        kind.code(), kind.description(), kind.reference(),
        deadline.deadline().atZoneSameInstant(RussianDates.ZONE), RosterGroups.SECRETARIAT, "");
    return new Due(key, kind, deadline, notice);
  }
}
