package ru.nso.wg.calendar;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The deadlines for BPMN expressions, as bean {@code deadlines}:
 * <pre>
 * timeDate="${deadlines.due('agendaToChair', meetingDate)}"
 * camunda:dueDate="${deadlines.due('minutesDue', meetingDate)}"
 * camunda:followUpDate="${deadlines.followUp('minutesDue', meetingDate)}"
 * ${deadlines.dueText('minutesCopiesDue', signedOn)}
 * </pre>
 * The kind is one of {@code agendaToChair}, {@code agendaDistribution}, {@code minutesDue}, {@code minutesCopiesDue};
 * the date is {@code YYYY-MM-DD} (or an ISO-8601 date-time with offset, taken as its date in Novosibirsk).
 * Unknown kinds, bad dates and missing calendar years throw {@link IllegalArgumentException} or
 * {@link MissingCalendarYearException} with a Russian message.
 */
@Component("deadlines")
public class DeadlineExpressions {

  private final MeetingDeadlines deadlines;
  private final int quorumForecastWorkingDays;

  /** With the quorum forecast at the § 14 deadline (3 working days before the meeting). */
  public DeadlineExpressions(MeetingDeadlines deadlines) {
    this(deadlines, 3);
  }

  /** @param quorumForecastWorkingDays {@code wg.replies.forecast-working-days}: see {@link #quorumForecast} */
  @Autowired
  public DeadlineExpressions(MeetingDeadlines deadlines,
                             @Value("${wg.replies.forecast-working-days:3}") int quorumForecastWorkingDays) {
    if (quorumForecastWorkingDays < 1 || quorumForecastWorkingDays > 30) {
      throw new IllegalArgumentException("Момент прогноза кворума (wg.replies.forecast-working-days) должен быть от 1"
          + " до 30 рабочих дней до заседания: " + quorumForecastWorkingDays);
    }
    this.deadlines = deadlines;
    this.quorumForecastWorkingDays = quorumForecastWorkingDays;
  }

  /**
   * When the quorum forecast is checked (§ 14, § 15: «Кворум под угрозой», the reminder to silent members): the end
   * of the office day {@code wg.replies.forecast-working-days} (default 3: the § 14 deadline) working days before
   * the meeting.
   */
  public Date quorumForecast(String isoDate) {
    return Date.from(deadlines.workingDaysBefore(eventDate(isoDate), quorumForecastWorkingDays).toInstant());
  }

  /** The deadline instant (end of the office day in Novosibirsk) of {@code kind} for the meeting or signing date. */
  public Date due(String kind, String isoDate) {
    return Date.from(deadlines.deadline(DeadlineKind.of(kind), eventDate(isoDate)).instant());
  }

  /** The reminder: the end of the office day of the working day before the deadline's date. */
  public Date followUp(String kind, String isoDate) {
    return Date.from(deadlines.followUp(DeadlineKind.of(kind), eventDate(isoDate)).toInstant());
  }

  /** When the reminder e-mail goes out: two working days before the deadline's date, end of the office day. */
  public Date reminder(String kind, String isoDate) {
    return Date.from(deadlines.reminder(DeadlineKind.of(kind), eventDate(isoDate)).toInstant());
  }

  /**
   * For forms and e-mails, e.g. «не позднее 05.05.2026 18:00 (п. 13 Положения)», with
   * « — по предварительному календарю на 2027 год» when the result depends on a provisional year.
   */
  public String dueText(String kind, String isoDate) {
    return deadlines.deadline(DeadlineKind.of(kind), eventDate(isoDate)).text();
  }

  static LocalDate eventDate(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("Не указана дата, от которой отсчитывается срок");
    }
    String value = text.strip();
    try {
      return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .atZoneSameInstant(RussianDates.ZONE).toLocalDate();
      } catch (DateTimeParseException notADateTime) {
        throw new IllegalArgumentException("Недопустимая дата «" + value
            + "»: ожидается ГГГГ-ММ-ДД (например, 2026-05-13)");
      }
    }
  }
}
