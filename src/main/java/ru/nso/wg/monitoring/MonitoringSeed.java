package ru.nso.wg.monitoring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.CalendarProperties;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineCalculator;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.calendar.WorkingDayCalendar;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.roster.DeputyArea;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes meetings that already happened into the record, as the meeting and decision-control processes would have
 * written them (rows of {@code wg_meeting}, {@code wg_deadline_event}, {@code wg_meeting_event}, …, without process
 * instances: those meetings are over). For the demo and the browser tests ({@link #examples()}), and for measuring the
 * dashboard at scale ({@link #bulk(int, int, int)}). Never used by the processes themselves.
 */
@Component
public class MonitoringSeed {

  private static final String[] AREAS = Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId)
      .toArray(String[]::new);

  private final JdbcTemplate jdbc;
  private final ProductionCalendar calendar;
  private final DeadlineCalculator calculator;
  private final CalendarClock clock;

  public MonitoringSeed(JdbcTemplate jdbc, ProductionCalendar calendar, CalendarProperties properties,
                        CalendarClock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.calculator = new DeadlineCalculator(properties.deadlineSettings());
    this.clock = clock;
  }

  /**
   * Two past meetings relative to today (by the production calendar):
   * <ul>
   *   <li>«late13»: held 25 working days ago; the agenda reached the chair 2 working days after the § 13 deadline,
   *       everything else in time (§ 19 with the request to publish), information published one working day after the
   *       publication's service level; three decisions under control — executed (digital area),
   *       due within 3 working days (coordination), overdue (services);</li>
   *   <li>«missed18»: held 10 working days ago; agenda in time, the minutes are still not drafted: § 18 missed and
   *       open (the escalation recorded).</li>
   * </ul>
   *
   * @return meeting key by role ({@code late13}, {@code missed18})
   */
  @Transactional
  public Map<String, String> examples() {
    WorkingDayCalendar cal = calendar.snapshot();
    LocalDate today = clock.today();
    Map<String, String> keys = new LinkedHashMap<>();

    LocalDate dayB = cal.shift(today, -25).date();
    String b = meeting(dayB, "PUBLISHED", "Соколов Андрей Викторович");
    Deadline b13 = calculator.deadline(cal, DeadlineKind.AGENDA_TO_CHAIR, dayB);
    Deadline b14 = calculator.deadline(cal, DeadlineKind.AGENDA_DISTRIBUTION, dayB);
    Deadline b18 = calculator.deadline(cal, DeadlineKind.MINUTES_DUE, dayB);
    LocalDate agendaDone = cal.shift(b13.date(), 2).date();
    completion(b, b13, at(agendaDone, 10, 0));
    completion(b, b14, at(b14.date(), 16, 0));
    LocalDate drafted = cal.shift(dayB, 3).date();
    completion(b, b18, at(drafted, 15, 0));
    LocalDate signed = cal.shift(dayB, 4).date();
    Deadline b19 = calculator.deadline(cal, DeadlineKind.MINUTES_COPIES_DUE, signed);
    LocalDate requested = cal.shift(signed, 2).date();
    completion(b, b19, at(requested, 11, 0));
    jdbc.update("UPDATE wg_meeting SET publication_requested_at = ? WHERE business_key = ?",
        utc(at(requested, 11, 0)), b);
    // the service level (2 working days after the request) exceeded by one working day
    LocalDate published = cal.shift(requested, 3).date();
    held(b, dayB, 3, 10, 15);
    event(b, "SIGNED", "Протокол подписан: А.В. Соколов", "sokolov", at(signed, 12, 0));
    jdbc.update("UPDATE wg_meeting SET signed_on = ?, secretary_user_id = 'smirnova' WHERE business_key = ?",
        Date.valueOf(signed), b);
    mail(b, "minutes-copy", 15, at(cal.shift(signed, 1).date(), 9, 30));
    event(b, "PUBLISHED", "https://www.nso.ru/wg/" + b, "egorova", at(published, 11, 0));
    decision(b, 1, "цифровая трансформация", DeputyArea.DIGITAL, cal.shift(signed, 10).date(), "EXECUTED");
    LocalDate soon = cal.shift(today, 2).date();
    decision(b, 2, "общая координация", DeputyArea.COORDINATION, soon, "IN_PROGRESS");
    decision(b, 3, "государственные услуги", DeputyArea.SERVICES, cal.shift(today, -3).date(), "OVERDUE");
    keys.put("late13", b);

    LocalDate dayA = cal.shift(today, -10).date();
    String a = meeting(dayA, "HELD", "Лебедева Ольга Николаевна");
    Deadline a13 = calculator.deadline(cal, DeadlineKind.AGENDA_TO_CHAIR, dayA);
    Deadline a14 = calculator.deadline(cal, DeadlineKind.AGENDA_DISTRIBUTION, dayA);
    Deadline a18 = calculator.deadline(cal, DeadlineKind.MINUTES_DUE, dayA);
    completion(a, a13, at(cal.shift(a13.date(), -1).date(), 14, 0));
    completion(a, a14, at(a14.date(), 11, 0));
    held(a, dayA, 2, 9, 15);
    jdbc.update("INSERT INTO wg_deadline_event (business_key, deadline_kind, due_at, outcome, recorded_at)"
        + " VALUES (?, ?, ?, 'MISSED', ?)", a, DeadlineKind.MINUTES_DUE.code(), utc(a18.deadline()),
        utc(a18.deadline()));
    event(a, "DEADLINE_MISSED", DeadlineKind.MINUTES_DUE.description() + ": срок " + a18.text() + " истёк", null,
        a18.deadline());
    keys.put("missed18", a);
    return keys;
  }

  /**
   * Many meetings for measuring: {@code meetings} meetings spread over the working days of {@code year} (numbers after
   * the year's existing ones), each with its deadlines done (some late), events, attendance of 15, and
   * {@code decisionsPerMeeting} decisions under control in every state. Batched inserts.
   *
   * @return the number of meetings written
   */
  @Transactional
  public int bulk(int meetings, int decisionsPerMeeting, int year) {
    WorkingDayCalendar cal = calendar.snapshot();
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = LocalDate.of(year, 2, 1); d.getYear() == year && d.getMonthValue() < 12; d = d.plusDays(1)) {
      if (cal.isWorkingDay(d)) {
        days.add(d);
      }
    }
    Integer max = jdbc.queryForObject("SELECT MAX(meeting_number) FROM wg_meeting WHERE meeting_year = ?",
        Integer.class, year);
    int number = max == null ? 0 : max;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Object[]> meetingRows = new ArrayList<>();
    List<Object[]> deadlineRows = new ArrayList<>();
    List<Object[]> eventRows = new ArrayList<>();
    List<Object[]> attendanceRows = new ArrayList<>();
    List<Object[]> decisionRows = new ArrayList<>();
    String[] states = {"IN_PROGRESS", "OVERDUE", "EXECUTED", "WITHDRAWN", "IN_PROGRESS"};
    for (int i = 0; i < meetings; i++) {
      number++;
      String key = year + "-" + number;
      LocalDate day = days.get(i % days.size());
      LocalDate signedOn = i % 5 == 0 ? null : cal.shift(day, 4).date();
      meetingRows.add(new Object[] {key, year, number, utc(at(day, 14, 0)), i % 2 == 0 ? "IN_PERSON" : "VIDEO",
          "sokolov", "Соколов Андрей Викторович", i % 5 == 0 ? "HELD" : "PUBLISHED",
          signedOn == null ? null : Date.valueOf(signedOn), now, now});
      for (DeadlineKind kind : List.of(DeadlineKind.AGENDA_TO_CHAIR, DeadlineKind.AGENDA_DISTRIBUTION,
          DeadlineKind.MINUTES_DUE)) {
        Deadline d = calculator.deadline(cal, kind, day);
        boolean late = (i + kind.ordinal()) % 7 == 0;
        OffsetDateTime done = late ? at(cal.shift(d.date(), 1).date(), 10, 0) : at(d.date(), 12, 0);
        deadlineRows.add(new Object[] {key, kind.code(), utc(d.deadline()), late ? "LATE" : "MET", utc(done)});
      }
      LocalDate signed = cal.shift(day, 4).date();
      if (i % 5 != 0) {
        eventRows.add(new Object[] {key, "SIGNED", "Протокол подписан", "sokolov", utc(at(signed, 12, 0))});
        eventRows.add(new Object[] {key, "PUBLISHED", "https://www.nso.ru/wg/" + key, "egorova",
            utc(at(cal.shift(signed, 2).date(), 11, 0))});
        Deadline d19 = calculator.deadline(cal, DeadlineKind.MINUTES_COPIES_DUE, signed);
        deadlineRows.add(new Object[] {key, d19.kind().code(), utc(d19.deadline()), "MET",
            utc(at(cal.shift(signed, 2).date(), 11, 0))});
      }
      eventRows.add(new Object[] {key, "CREATED", "Заседание назначено", "smirnova", utc(at(day.minusDays(30), 9, 0))});
      for (int p = 0; p < 15; p++) {
        attendanceRows.add(new Object[] {key, "user" + p, "Участник " + p, p < 10 ? "IN_PERSON" : "ABSENT"});
      }
      for (int n = 1; n <= decisionsPerMeeting; n++) {
        String state = states[(i + n) % states.length];
        LocalDate due = cal.shift(signed, 5 + n).date();
        decisionRows.add(new Object[] {key + "/" + n, key, n, "Вопрос " + n, "Поручение " + n, "smirnova",
            AREAS[(i + n) % AREAS.length], Date.valueOf(due), Date.valueOf(due), utc(at(due, 18, 0)), state,
            state.equals("EXECUTED") || state.equals("WITHDRAWN") ? "CLOSED" : "AWAITING_REPORT",
            utc(at(signed, 13, 0)),
            state.equals("EXECUTED") || state.equals("WITHDRAWN") ? utc(at(due, 12, 0)) : null, now});
      }
    }
    jdbc.batchUpdate("INSERT INTO wg_meeting (business_key, meeting_year, meeting_number, meeting_start,"
        + " meeting_format, presiding_user_id, presiding_name, status, signed_on, created_by, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'seed', ?, ?)", meetingRows);
    jdbc.batchUpdate("INSERT INTO wg_deadline_event (business_key, deadline_kind, due_at, outcome, recorded_at)"
        + " VALUES (?, ?, ?, ?, ?)", deadlineRows);
    jdbc.batchUpdate("INSERT INTO wg_meeting_event (business_key, event_kind, details, actor, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?)", eventRows);
    jdbc.batchUpdate("INSERT INTO wg_attendance (business_key, attempt, user_id, full_name, roster_role, presence)"
        + " VALUES (?, 1, ?, ?, 'MEMBER', ?)", attendanceRows);
    jdbc.batchUpdate("INSERT INTO wg_controlled_decision (decision_key, meeting_key, item_no, item_title,"
        + " decision_text, executor_id, executor_kind, executor_name, control_area, original_due_date, due_date,"
        + " due_at, state, stage, registered_at, closed_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, 'USER', 'Смирнова Юлия Сергеевна', ?, ?, ?, ?, ?, ?, ?, ?, ?)", decisionRows);
    return meetings;
  }

  // ----------------------------------------------------------------------------------------------- helpers

  private String meeting(LocalDate day, String status, String presiding) {
    int year = day.getYear();
    Integer max = jdbc.queryForObject("SELECT MAX(meeting_number) FROM wg_meeting WHERE meeting_year = ?",
        Integer.class, year);
    int number = max == null ? 1 : max + 1;
    String key = year + "-" + number;
    OffsetDateTime start = at(day, 14, 0);
    OffsetDateTime created = at(day.minusDays(30), 9, 0);
    jdbc.update("INSERT INTO wg_meeting (business_key, meeting_year, meeting_number, meeting_start, meeting_format,"
            + " place, presiding_user_id, presiding_name, status, created_by, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, 'IN_PERSON', ?, ?, ?, ?, 'smirnova', ?, ?)",
        key, year, number, utc(start), "г. Новосибирск, Красный проспект, 18, зал заседаний",
        presiding.startsWith("Соколов") ? "sokolov" : "lebedeva", presiding, status, utc(created), utc(created));
    event(key, "CREATED", "Заседание назначено", "smirnova", created);
    return key;
  }

  private void held(String key, LocalDate day, int items, int present, int registered) {
    for (int i = 1; i <= items; i++) {
      jdbc.update("INSERT INTO wg_agenda_item (business_key, item_no, title, item_type, speaker, area)"
              + " VALUES (?, ?, ?, 'OTHER', ?, ?)", key, i, "Вопрос повестки " + i, "Докладчик " + i,
          AREAS[(i - 1) % AREAS.length]);
      jdbc.update("INSERT INTO wg_decision (business_key, item_no, decision_text, outcome, rule_applied, rule_text,"
              + " votes_for, votes_against, votes_abstain, present_count) VALUES (?, ?, ?, 'ADOPTED', 'MAJORITY',"
              + " ?, ?, 0, 0, ?)", key, i, "Решение по вопросу " + i,
          "Решение принято простым большинством голосов от числа присутствующих (п. 16 Положения)", present, present);
    }
    for (int p = 0; p < registered; p++) {
      jdbc.update("INSERT INTO wg_attendance (business_key, attempt, user_id, full_name, roster_role, presence)"
          + " VALUES (?, 1, ?, ?, 'MEMBER', ?)", key, "member" + p, "Член Рабочей группы " + (p + 1),
          p < present ? "IN_PERSON" : "ABSENT");
    }
    event(key, "ATTENDANCE", "Присутствуют " + present + " из " + registered, "smirnova", at(day, 14, 5));
  }

  private void completion(String key, Deadline deadline, OffsetDateTime done) {
    jdbc.update("INSERT INTO wg_deadline_event (business_key, deadline_kind, due_at, outcome, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?)", key, deadline.kind().code(), utc(deadline.deadline()),
        deadline.inTimeAt(done.toInstant()) ? "MET" : "LATE", utc(done));
  }

  private void event(String key, String kind, String details, String actor, OffsetDateTime at) {
    jdbc.update("INSERT INTO wg_meeting_event (business_key, event_kind, details, actor, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?)", key, kind, details, actor, utc(at));
  }

  private void mail(String key, String kind, int recipients, OffsetDateTime at) {
    for (int i = 1; i <= recipients; i++) {
      jdbc.update("INSERT INTO wg_mail_delivery (meeting_key, message_kind, recipient, recipient_name, message_id,"
              + " subject, transport, sent_at) VALUES (?, ?, ?, ?, ?, ?, 'seed', ?)", key, kind,
          "member" + i + "@example.org", "Член Рабочей группы " + i, "<" + key + "." + i + "@seed>", "Копия протокола",
          Timestamp.from(at.toInstant()));
    }
  }

  private void decision(String key, int item, String tag, DeputyArea area, LocalDate due, String state) {
    boolean closed = state.equals("EXECUTED") || state.equals("WITHDRAWN");
    jdbc.update("INSERT INTO wg_controlled_decision (decision_key, meeting_key, item_no, item_title, decision_text,"
            + " executor_id, executor_kind, executor_name, control_area, controller_name, original_due_date, due_date,"
            + " due_at, state, stage, registered_at, closed_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, 'smirnova', 'USER', 'Смирнова Юлия Сергеевна', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key + "/" + item, key, item, "Вопрос повестки " + item, "Поручение (" + tag + ") по вопросу " + item,
        area.groupId(), null, Date.valueOf(due), Date.valueOf(due), utc(at(due, 18, 0)), state,
        closed ? "CLOSED" : "AWAITING_REPORT", utc(OffsetDateTime.now()),
        closed ? utc(at(due.minusDays(1), 12, 0)) : null, utc(OffsetDateTime.now()));
    decisionEvent(key + "/" + item, "REGISTERED", "Поставлено на контроль: срок исполнения " + Texts.date(due),
        "smirnova", at(due.minusDays(20), 10, 0));
    if (state.equals("OVERDUE")) {
      decisionEvent(key + "/" + item, "ESCALATED", "Срок исполнения истёк, доложено заместителю председателя", null,
          at(due, 18, 0));
    } else if (state.equals("EXECUTED")) {
      decisionEvent(key + "/" + item, "ACCEPTED", "Отчёт принят, поручение исполнено", "kuznetsova",
          at(due.minusDays(1), 12, 0));
    }
  }

  private void decisionEvent(String key, String kind, String details, String actor, OffsetDateTime at) {
    jdbc.update("INSERT INTO wg_decision_event (decision_key, event_kind, details, actor, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?)", key, kind, details, actor, utc(at));
  }

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(RussianDates.ZONE).toOffsetDateTime();
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
