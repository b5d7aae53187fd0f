package ru.nso.wg.meeting;

import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Invitee;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.Roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Planning a meeting (§§ 7, 10, 11, 13): when and how it is held, who presides, who is invited, its agenda;
 * postponement and cancellation. Every refusal is a {@link Refusal} with a Russian message, raised
 * before anything is written.
 */
@Service
public class MeetingScheduling {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern HTTPS = Pattern.compile("^https://\\S+$");

  private final MeetingRecord record;
  private final MeetingDeadlines deadlines;
  private final CalendarClock clock;
  private final Roster roster;

  public MeetingScheduling(MeetingRecord record, MeetingDeadlines deadlines, CalendarClock clock, Roster roster) {
    this.record = record;
    this.deadlines = deadlines;
    this.clock = clock;
    this.roster = roster;
  }

  /** When, where and how; invitees. */
  public record Schedule(OffsetDateTime start, MeetingFormat format, String place, String videoLink,
                         String preliminaryQuestions, List<Invitee> invitees) {
    public LocalDate date() {
      return RussianDates.localDate(start);
    }

    public String startText() {
      return MeetingScheduling.startText(start);
    }
  }

  /** Parses what the datetime field of a form submits ({@code 2026-12-15T14:30+07:00}). */
  public static OffsetDateTime parseStart(String value) {
    if (value == null || value.isBlank()) {
      throw new Refusal("Укажите дату и время заседания");
    }
    try {
      return OffsetDateTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new Refusal("Дата и время заседания «" + value + "» не распознаны");
    }
  }

  /** «15.12.2026 14:30» in Novosibirsk time. */
  public static String startText(OffsetDateTime start) {
    return RussianDates.numericDateTime(start);
  }

  public static String title(MeetingRef ref, OffsetDateTime start) {
    return ref.display() + " от " + startText(start);
  }

  /**
   * Checks a schedule against the regulation: the meeting is in the future, and far enough ahead that the
   * agenda can still reach the chair in time (§ 13); place for an in-person meeting, an https link for ВКС.
   */
  public Schedule validate(Schedule schedule) {
    Instant now = clock.now();
    if (!schedule.start().toInstant().isAfter(now)) {
      throw new Refusal("Дата и время заседания (" + schedule.startText() + ") уже прошли");
    }
    Deadline agenda = deadline(DeadlineKind.AGENDA_TO_CHAIR, schedule.date());
    if (agenda.passedAt(now)) {
      throw new Refusal("Заседание " + schedule.startText() + " назначить нельзя: повестку нужно передать "
          + "председателю " + agenda.text() + ", а этот срок уже прошёл. Выберите более позднюю дату");
    }
    List<String> problems = new ArrayList<>();
    if (schedule.format() == MeetingFormat.IN_PERSON && blank(schedule.place())) {
      problems.add("укажите место проведения очного заседания");
    }
    if (schedule.format() == MeetingFormat.VIDEO
        && (blank(schedule.videoLink()) || !HTTPS.matcher(schedule.videoLink().trim()).matches())) {
      problems.add("укажите ссылку на видеоконференцию, начинающуюся с https://");
    }
    for (int i = 0; i < schedule.invitees().size(); i++) {
      Invitee invitee = schedule.invitees().get(i);
      if (blank(invitee.fullName())) {
        problems.add("у приглашённого № " + (i + 1) + " не указаны ФИО");
      }
      if (!blank(invitee.email()) && !EMAIL.matcher(invitee.email().trim()).matches()) {
        problems.add("адрес электронной почты «" + invitee.email() + "» указан неверно");
      }
    }
    refuseIf(problems);
    return new Schedule(schedule.start(), schedule.format(),
        schedule.format() == MeetingFormat.IN_PERSON ? schedule.place().trim() : null,
        schedule.format() == MeetingFormat.VIDEO ? schedule.videoLink().trim() : null,
        trimToNull(schedule.preliminaryQuestions()), schedule.invitees());
  }

  /** § 7, § 12: the secretariat (or the chair's office) decides to hold a meeting; it gets its number. */
  public MeetingRef create(Schedule requested, String processInstanceId, String actor) {
    Schedule schedule = validate(requested);
    MeetingRef ref = record.create(schedule.date().getYear(), schedule.start(), schedule.format(), schedule.place(),
        schedule.videoLink(), schedule.preliminaryQuestions(), actor);
    record.attachProcess(ref.key(), processInstanceId);
    record.replaceInvitees(ref.key(), schedule.invitees());
    record.event(ref.key(), "CREATED", "Заседание назначено на " + schedule.startText(), actor);
    return ref;
  }

  /** The presiding person (§ 10): the chair, or a deputy chair on the chair's instruction. */
  public record Presiding(Roster.Person person, String instruction) {
    public String describe() {
      return person.role() == Roster.Role.CHAIR ? "председатель Рабочей группы " + person.shortName()
          : "заместитель председателя Рабочей группы " + person.shortName() + " по поручению председателя"
              + (instruction == null ? "" : " (" + instruction + ")");
    }
  }

  /** § 7: the chair confirms date, format and invitees and names who presides. */
  public Presiding confirm(String key, Schedule requested, boolean chairPresides, String deputyId, String instruction,
                           String actor) {
    Schedule schedule = validate(requested);
    Presiding presiding;
    if (chairPresides) {
      Roster.Person chair = roster.chair().orElseThrow(() -> new Refusal(
          "В составе Рабочей группы не указан председатель (группа wg-chair): обратитесь к администратору"));
      presiding = new Presiding(chair, null);
    } else {
      Roster.Person deputy = roster.deputies().stream().filter(d -> d.id().equals(deputyId)).findFirst()
          .orElseThrow(() -> new Refusal("Выберите заместителя председателя, которому поручено председательствовать"));
      presiding = new Presiding(deputy, trimToNull(instruction));
    }
    record.updateSchedule(key, schedule.start(), schedule.format(), schedule.place(), schedule.videoLink(),
        schedule.preliminaryQuestions());
    record.replaceInvitees(key, schedule.invitees());
    record.setPresiding(key, presiding.person().id(), presiding.person().fullName(), presiding.describe());
    record.setStatus(key, MeetingStatus.PREPARATION, null);
    record.event(key, "CONFIRMED", "Дата " + schedule.startText() + "; председательствует " + presiding.describe(), actor);
    return presiding;
  }

  /** § 13: the agenda, with information materials for each item. */
  public List<AgendaItem> setAgenda(String key, List<AgendaItem> items, String actor) {
    if (items.isEmpty()) {
      throw new Refusal("В повестке нет ни одного вопроса: добавьте хотя бы один вопрос");
    }
    List<String> problems = new ArrayList<>();
    for (AgendaItem item : items) {
      String n = "вопрос № " + item.no() + ": ";
      if (blank(item.title())) {
        problems.add(n + "не указана формулировка");
      }
      if (blank(item.speaker())) {
        problems.add(n + "не указан докладчик");
      }
      if (blank(item.materials())) {
        problems.add(n + "не приложены информационные материалы (п. 13)");
      }
      if (!AgendaItemType.isKnown(item.type())) {
        problems.add(n + "не выбран вид вопроса");
      }
      if (item.area() == null || DeputyArea.byGroupId(item.area()).isEmpty()) {
        problems.add(n + "не выбрано направление заместителя председателя");
      }
    }
    refuseIf(problems);
    record.replaceAgenda(key, items);
    record.event(key, "AGENDA_SUBMITTED", items.size() + " вопрос(ов) повестки", actor);
    return items;
  }

  /** Records whether a regulatory deadline was met, when the work it governs is done. */
  public void recordCompletion(String key, DeadlineKind kind, LocalDate from) {
    Deadline deadline = deadline(kind, from);
    // done at the deadline's instant is late: that is when its escalation timer fires
    record.deadlineEvent(key, kind.code(), deadline.instant(), clock.now().isBefore(deadline.instant()) ? "MET" : "LATE");
  }

  public Deadline deadline(DeadlineKind kind, LocalDate from) {
    try {
      return deadlines.deadline(kind, from);
    } catch (RuntimeException e) {
      // a missing calendar year: its message names the year (in Russian)
      throw new Refusal(e.getMessage());
    }
  }

  /** Postponement (before the meeting): the new schedule is checked like a new meeting's. */
  public Schedule postpone(String key, OffsetDateTime newStart, String reason, String actor) {
    MeetingData.Meeting meeting = record.get(key);
    if (blank(reason)) {
      throw new Refusal("Укажите причину переноса заседания");
    }
    Schedule schedule = validate(new Schedule(newStart, meeting.format(), meeting.place(), meeting.videoLink(),
        meeting.preliminaryQuestions(), record.invitees(key)));
    record.updateSchedule(key, schedule.start(), schedule.format(), schedule.place(), schedule.videoLink(),
        schedule.preliminaryQuestions());
    record.event(key, "POSTPONED", "Перенесено с " + startText(meeting.start()) + " на " + schedule.startText()
        + ". Причина: " + reason.trim(), actor);
    return schedule;
  }

  public void cancel(String key, String reason, String actor) {
    if (blank(reason)) {
      throw new Refusal("Укажите причину отмены заседания");
    }
    record.setStatus(key, MeetingStatus.CANCELLED, reason.trim());
    record.event(key, "CANCELLED", reason.trim(), actor);
  }

  /** How many postponements a meeting has had: the SEQUENCE of its calendar invitation. */
  public int postponements(String key) {
    return (int) record.events(key).stream().filter(e -> e.kind().equals("POSTPONED")).count();
  }

  static void refuseIf(List<String> problems) {
    if (!problems.isEmpty()) {
      String text = String.join("; ", problems);
      throw new Refusal(Character.toUpperCase(text.charAt(0)) + text.substring(1));
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String trimToNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
