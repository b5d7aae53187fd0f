package ru.nso.wg.control;

import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.calendar.MissingCalendarYearException;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.calendar.WorkingDayCalendar;
import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.SortedSet;

/**
 * The deadlines of execution control, in working days of the production calendar, as bean {@code controlDeadlines}
 * for BPMN expressions:
 * <pre>
 * timeDate="${controlDeadlines.due(dueDate)}"            the due date's end of the office day: escalation
 * timeDate="${controlDeadlines.reminder(dueDate)}"       N (3) working days before it: the executor's reminder
 * camunda:dueDate / camunda:followUpDate                 the same two for the user tasks
 * </pre>
 * {@code dueDate} is the ISO date {@code YYYY-MM-DD} decided by the working group (or set by an extension). A due
 * date on a non-working day ends on the next working day (Civil Code art. 193; setting
 * {@code wg.control.due-on-day-off}). A year missing from the calendar is an error naming the year
 * ({@link MissingCalendarYearException}), never a fallback to weekdays.
 */
@Component("controlDeadlines")
public class ControlDeadlines {

  private final ProductionCalendar calendar;
  private final MeetingDeadlines deadlines;
  private final CalendarClock clock;
  private final ControlProperties properties;

  public ControlDeadlines(ProductionCalendar calendar, MeetingDeadlines deadlines, CalendarClock clock,
                          ControlProperties properties) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.clock = clock;
    this.properties = properties;
  }

  // ------------------------------------------------------------------------------------------- for expressions

  /** The instant the due date expires: the end of the office day (18:00, 17:00 on a shortened day) in Novosibirsk. */
  public Date due(String isoDate) {
    return Date.from(dueAt(parse(isoDate)).toInstant());
  }

  /** The executor's reminder: the end of the office day N working days before the due date. */
  public Date reminder(String isoDate) {
    return Date.from(reminderAt(parse(isoDate)).toInstant());
  }

  /** For a request dialog task (extension, withdrawal): to be done by the end of the next working day. */
  public Date requestDue() {
    return Date.from(deadlines.endOfOfficeDay(calendar.plusWorkingDays(clock.today(), 1)).toInstant());
  }

  /** For a request dialog task: follow up at the end of today's office day (or of the next working day). */
  public Date requestFollowUp() {
    LocalDate today = clock.today();
    LocalDate day = calendar.isWorkingDay(today) ? today : calendar.plusWorkingDays(today, 1);
    return Date.from(deadlines.endOfOfficeDay(day).toInstant());
  }

  // ------------------------------------------------------------------------------------------------- for Java

  /** The last day of execution: the due date, or the next working day when it is a day off (by default). */
  public LocalDate lastDay(LocalDate dueDate) {
    if (properties.dueOnDayOff() == ControlProperties.DueOnDayOff.AS_IS || calendar.isWorkingDay(dueDate)) {
      return dueDate;
    }
    return calendar.plusWorkingDays(dueDate, 1);
  }

  public OffsetDateTime dueAt(LocalDate dueDate) {
    return deadlines.endOfOfficeDay(lastDay(dueDate));
  }

  public LocalDate reminderDate(LocalDate dueDate) {
    return calendar.minusWorkingDays(lastDay(dueDate), properties.reminderWorkingDays());
  }

  public OffsetDateTime reminderAt(LocalDate dueDate) {
    return deadlines.endOfOfficeDay(reminderDate(dueDate));
  }

  public int reminderWorkingDays() {
    return properties.reminderWorkingDays();
  }

  /**
   * For people: «не позднее 01.03.2027 18:00», with « (срок 28.02.2027 приходится на нерабочий день)» when moved
   * and « — по предварительному календарю на 2027 год» when it depends on a provisional year.
   */
  public String dueText(LocalDate dueDate) {
    LocalDate last = lastDay(dueDate);
    OffsetDateTime at = deadlines.endOfOfficeDay(last);
    StringBuilder text = new StringBuilder("не позднее ").append(RussianDates.numericDateTime(at));
    if (!last.equals(dueDate)) {
      text.append(" (").append(RussianDates.numeric(dueDate)).append(" — нерабочий день)");
    }
    WorkingDayCalendar snapshot = calendar.snapshot();
    SortedSet<Integer> provisional = snapshot.provisionalYears(reminderDate(dueDate), last);
    if (!provisional.isEmpty()) {
      List<String> years = provisional.stream().map(String::valueOf).toList();
      text.append(" — по предварительному календарю на ").append(String.join(" и ", years))
          .append(years.size() == 1 ? " год" : " годы");
    }
    return text.toString();
  }

  /** «01.03.2027». */
  public static String date(LocalDate date) {
    return RussianDates.numeric(date);
  }

  static LocalDate parse(String isoDate) {
    if (isoDate == null || isoDate.isBlank()) {
      throw new IllegalArgumentException("Не указан срок исполнения поручения");
    }
    try {
      return LocalDate.parse(isoDate.strip().length() > 10 ? isoDate.strip().substring(0, 10) : isoDate.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Недопустимый срок исполнения «" + isoDate
          + "»: ожидается ГГГГ-ММ-ДД (например, 2027-03-01)");
    }
  }
}
