package ru.nso.wg.calendar;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.api.ApiErrorHandler;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The production calendar and the regulation's deadlines for planners ({@code /api/calendar}, authenticated by the
 * API filter). Dates are {@code YYYY-MM-DD}; instants are ISO-8601 with the Novosibirsk offset
 * ({@code 2026-05-05T18:00:00+07:00}). Errors are JSON with a Russian message: 400 for a bad parameter, 422 when
 * the calendar lacks a needed year or a reloaded file is invalid, 404 for a year that is not loaded.
 */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** The largest |N| accepted by {@code working-days}: more than a year of working days is surely a mistake. */
  static final int MAX_WORKING_DAYS = 366;
  private static final DateTimeFormatter INSTANT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private final ProductionCalendar calendar;
  private final MeetingDeadlines deadlines;
  private final CalendarReloadService reloadService;

  public CalendarController(ProductionCalendar calendar, MeetingDeadlines deadlines,
                            CalendarReloadService reloadService) {
    this.calendar = calendar;
    this.deadlines = deadlines;
    this.reloadService = reloadService;
  }

  public record DeadlineView(String kind, String clause, String description, String rule, String eventDate,
                             String reading, String date, String deadline, boolean provisional,
                             List<Integer> provisionalYears, String text) {

    static DeadlineView of(Deadline d) {
      return new DeadlineView(d.kind().code(), d.clause(), d.description(), d.kind().rule(),
          d.eventDate().toString(), d.reading() == null ? null : d.reading().name(), d.date().toString(),
          format(d.deadline()), d.provisional(), List.copyOf(d.provisionalYears()), d.text());
    }
  }

  /** § 13, § 14 and § 18 for a meeting date, and § 19 when the signing date is given. */
  @GetMapping("/deadlines")
  public DeadlinesView deadlines(@RequestParam String meetingDate,
                                       @RequestParam(required = false) String signedOn,
                                       @RequestParam(required = false) String reading) {
    LocalDate meeting = date("meetingDate", meetingDate);
    LocalDate signed = signedOn == null ? null : date("signedOn", signedOn);
    if (signed != null && signed.isBefore(meeting)) {
      throw new Refusal("Дата подписания протокола (signedOn = " + signed
          + ") не может быть раньше даты заседания (meetingDate = " + meeting + ")");
    }
    BackwardReading applied = reading(reading);

    Map<DeadlineKind, Deadline> meetingDeadlines = deadlines.forMeeting(meeting, applied);
    Deadline copies = signed == null ? null : deadlines.deadline(DeadlineKind.MINUTES_COPIES_DUE, signed, applied);
    boolean provisional = meetingDeadlines.values().stream().anyMatch(Deadline::provisional)
        || copies != null && copies.provisional();
    return new DeadlinesView(meeting.toString(), signed == null ? null : signed.toString(), applied.name(),
        applied.description(), DeadlineView.of(meetingDeadlines.get(DeadlineKind.AGENDA_TO_CHAIR)),
        DeadlineView.of(meetingDeadlines.get(DeadlineKind.AGENDA_DISTRIBUTION)),
        DeadlineView.of(meetingDeadlines.get(DeadlineKind.MINUTES_DUE)),
        copies == null ? null : DeadlineView.of(copies), provisional);
  }

  /** The regulation's deadlines of one meeting; the property names are the deadline kinds' codes. */
  public record DeadlinesView(String meetingDate, String signedOn, String reading, String readingDescription,
                              DeadlineView agendaToChair, DeadlineView agendaDistribution, DeadlineView minutesDue,
                              @JsonInclude(JsonInclude.Include.NON_NULL) DeadlineView minutesCopiesDue,
                              boolean provisional) {
  }

  public record WorkingDaysView(String date, String from, int add, String reading, boolean provisional,
                                List<Integer> provisionalYears) {
  }

  /**
   * The N-th working day after {@code from} (N &gt; 0) or before it (N &lt; 0; reading B counts one more working
   * day). {@code from} itself is not counted.
   */
  @GetMapping("/working-days")
  public WorkingDaysView workingDays(@RequestParam String from, @RequestParam String add,
                                     @RequestParam(required = false) String reading) {
    LocalDate start = date("from", from);
    int n;
    try {
      n = Integer.parseInt(add.strip());
    } catch (NumberFormatException e) {
      throw new Refusal("Недопустимое число рабочих дней «" + add + "» в параметре «add»: ожидается "
          + "целое число, положительное (вперёд) или отрицательное (назад)");
    }
    if (n == 0) {
      throw new Refusal("Число рабочих дней в параметре «add» не может быть равно нулю: укажите "
          + "положительное число (отсчёт вперёд) или отрицательное (отсчёт назад)");
    }
    if (Math.abs(n) > MAX_WORKING_DAYS) {
      throw new Refusal("Число рабочих дней в параметре «add» не может превышать по модулю "
          + MAX_WORKING_DAYS + ": указано " + n);
    }
    BackwardReading applied = reading(reading);
    int count = n > 0 ? n : -applied.workingDaysBefore(-n);
    WorkingDayResult result = calendar.shift(start, count);
    return new WorkingDaysView(result.date().toString(), start.toString(), n, n > 0 ? null : applied.name(),
        result.provisional(), List.copyOf(result.provisionalYears()));
  }

  public record YearSummary(int year, String status, boolean provisional, String decree, String origin,
                            int workingDays) {
  }

  /** The loaded years. */
  @GetMapping
  public List<YearSummary> years() {
    WorkingDayCalendar snapshot = calendar.snapshot();
    return snapshot.years().stream().map(year -> {
      CalendarYear data = snapshot.year(year).orElseThrow();
      return new YearSummary(year, data.status().code(), data.provisional(), data.decree(), origin(snapshot, year),
          snapshot.workingDaysIn(year));
    }).toList();
  }

  public record DayView(String date, String type, boolean working, boolean shortened, String reason) {
  }

  public record YearView(int year, String status, boolean provisional, String decree, String note, String origin,
                         int workingDays, List<DayView> days) {
  }

  /** One year's exceptions, its status and decree. */
  @GetMapping("/{year}")
  public YearView year(@PathVariable int year) {
    WorkingDayCalendar snapshot = calendar.snapshot();
    CalendarYear data = snapshot.year(year).orElseThrow(() -> Refusal.notFound(
        new MissingCalendarYearException(year).getMessage()));
    List<DayView> days = data.days().stream().map(d -> new DayView(d.date().toString(), d.type().code(),
        d.working(), d.shortened(), d.reason())).toList();
    return new YearView(year, data.status().code(), data.provisional(), data.decree(), data.note(),
        origin(snapshot, year), snapshot.workingDaysIn(year), days);
  }

  public record MovedTimerView(String jobId, String processInstanceId, String processDefinitionKey,
                               String activityId, String previousDue, String due) {
  }

  public record MovedTaskView(String taskId, String processInstanceId, String taskDefinitionKey,
                              String previousDue, String due, String previousFollowUp, String followUp) {
  }

  public record ReloadView(List<Integer> years, List<Integer> changedYears, long version, int timersRecalculated,
                           List<MovedTimerView> timersMoved, List<DeadlineTimers.FailedTimer> timersFailed,
                           int tasksRecalculated, List<MovedTaskView> tasksMoved,
                           List<OpenTaskDueDates.FailedTask> tasksFailed) {
  }

  /**
   * Re-reads this node's calendar files into the calendar of record of every node (administrators only) and
   * recalculates the waiting deadline timers and open tasks' dates.
   */
  @PostMapping("/reload")
  public ReloadView reload() {
    CalendarReloadService.Report report = reloadService.reload();
    List<MovedTimerView> moved = report.timers().moved().stream().map(m -> new MovedTimerView(m.jobId(),
        m.processInstanceId(), m.processDefinitionKey(), m.activityId(), format(m.previousDue()),
        format(m.due()))).toList();
    List<MovedTaskView> tasksMoved = report.tasks().moved().stream().map(m -> new MovedTaskView(m.taskId(),
        m.processInstanceId(), m.taskDefinitionKey(), format(m.previousDue()), format(m.due()),
        format(m.previousFollowUp()), format(m.followUp()))).toList();
    return new ReloadView(List.copyOf(report.years()), List.copyOf(report.changedYears()), report.version(),
        report.timers().recalculated(), moved, report.timers().failed(), report.tasks().recalculated(), tasksMoved,
        report.tasks().failed());
  }

  @ExceptionHandler(MissingCalendarYearException.class)
  public ResponseEntity<ApiErrorHandler.ApiError> missingYear(MissingCalendarYearException e) {
    return ApiErrorHandler.body(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }

  private static LocalDate date(String parameter, String value) {
    try {
      return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeParseException e) {
      throw new Refusal("Недопустимая дата «" + value + "» в параметре «" + parameter
          + "»: ожидается существующая дата вида ГГГГ-ММ-ДД, например 2026-05-13");
    }
  }

  private BackwardReading reading(String value) {
    if (value == null) {
      return deadlines.settings().backwardReading();
    }
    return BackwardReading.parse(value).orElseThrow(() -> new Refusal("Неизвестное толкование «"
        + value + "» в параметре «reading»: допустимы A (N-й рабочий день до заседания) и B (N полных рабочих "
        + "дней между действием и заседанием)"));
  }

  private static String origin(WorkingDayCalendar snapshot, int year) {
    return snapshot.source(year).filter(s -> s.startsWith("classpath:")).isPresent() ? "bundled" : "directory";
  }

  static String format(OffsetDateTime dateTime) {
    return INSTANT_FORMAT.format(dateTime);
  }

  static String format(Instant instant) {
    return instant == null ? null : format(instant.atZone(RussianDates.ZONE).toOffsetDateTime());
  }
}
