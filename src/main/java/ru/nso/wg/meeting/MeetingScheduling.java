package ru.nso.wg.meeting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Invitee;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.Roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Planning a meeting (§§ 7, 10, 11, 13, 14): when and how it is held, who presides, who is invited, its agenda and
 * its distribution; postponement and cancellation. Each use case checks everything first and refuses with a
 * {@link Refusal} (a Russian message) before anything is written; then it changes the record's status, logs its
 * event and records whether its deadline was met, in one method.
 */
@Service
public class MeetingScheduling {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern HTTPS = Pattern.compile("^https://\\S+$");
  /** The most invitees of one meeting (README, "Input limits"). */
  public static final int MAX_INVITEES = 50;
  /** How far ahead {@link #earliestDate} looks: beyond it the calendar is not asked any more. */
  private static final int EARLIEST_SEARCH_DAYS = 60;
  /** The most items of one agenda (README, "Input limits"). */
  public static final int MAX_AGENDA_ITEMS = 20;
  /** A meeting starting before this time or at/after {@link #EVENING} (Novosibirsk) needs a confirmation. */
  static final LocalTime MORNING = LocalTime.of(7, 0);
  static final LocalTime EVENING = LocalTime.of(22, 0);

  private final MeetingRecord record;
  private final MeetingDeadlines deadlines;
  private final ProductionCalendar calendar;
  private final CalendarClock clock;
  private final Roster roster;
  private final ApplicationEventPublisher events;
  private final ChairPowers chairPowers;
  private final CarriedItems carriedItems;
  private final AgendaProposals proposals;

  public MeetingScheduling(MeetingRecord record, MeetingDeadlines deadlines, ProductionCalendar calendar,
                           CalendarClock clock, Roster roster, ApplicationEventPublisher events,
                           ChairPowers chairPowers, CarriedItems carriedItems, AgendaProposals proposals) {
    this.proposals = proposals;
    this.chairPowers = chairPowers;
    this.carriedItems = carriedItems;
    this.record = record;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.clock = clock;
    this.roster = roster;
    this.events = events;
  }

  /**
   * When, where and how; invitees.
   *
   * @param offHoursConfirmed the person confirmed a start on a non-working day or at night (see {@link #validate})
   */
  public record Schedule(OffsetDateTime start, MeetingFormat format, String place, String videoLink,
                         String preliminaryQuestions, List<Invitee> invitees, boolean offHoursConfirmed) {
    public LocalDate date() {
      return RussianDates.localDate(start);
    }

    public String startText() {
      return MeetingScheduling.startText(start);
    }
  }

  /** A meeting with its number and checked schedule. */
  public record Planned(MeetingRef ref, Schedule schedule) {
    /** «№ 3/2026 от 15.12.2026 14:30». */
    public String title() {
      return MeetingScheduling.title(ref, schedule.start());
    }
  }

  /** «15.12.2026 14:30» in Novosibirsk time. */
  public static String startText(OffsetDateTime start) {
    return RussianDates.numericDateTime(start);
  }

  public static String title(MeetingRef ref, OffsetDateTime start) {
    return ref.display() + " от " + startText(start);
  }

  /** «№ 3/2026 от 15.12.2026 14:30» of a meeting in the record. */
  public String title(String key) {
    Meeting meeting = record.get(key);
    return title(meeting.ref(), meeting.start());
  }

  /**
   * Checks a schedule against the regulation: the meeting is in the future, and far enough ahead that the
   * agenda can still reach the chair in time (§ 13); place for an in-person meeting, an https link for ВКС; at most
   * {@link #MAX_INVITEES} invitees. A start on a non-working day of the production calendar or at night (before
   * 07:00 or from 22:00 in Novosibirsk) is refused with the reason until the person confirms it.
   */
  public Schedule validate(Schedule schedule) {
    return validate(schedule, true, false);
  }

  /**
   * As {@link #validate(Schedule)}, with the deadlines that must still be reachable: § 13 only while the agenda has
   * not reached the presiding person, § 14 only while the agenda has not gone out (a postponement, see
   * {@link #checkPostponement}).
   */
  private Schedule validate(Schedule schedule, boolean agendaToChairOpen, boolean distributionOpen) {
    if (schedule.start() == null) {
      throw new Refusal("Укажите дату и время заседания");
    }
    if (schedule.format() == null) {
      throw new Refusal("Укажите формат заседания: очное или в формате ВКС");
    }
    Instant now = clock.now();
    if (!schedule.start().toInstant().isAfter(now)) {
      throw new Refusal("Дата и время заседания (" + schedule.startText() + ") уже прошли. " + earliestText(now));
    }
    Deadline agenda = deadline(DeadlineKind.AGENDA_TO_CHAIR, schedule.date());
    if (agendaToChairOpen && agenda.passedAt(now)) {
      throw new Refusal("Заседание " + schedule.startText() + " назначить нельзя: повестку нужно передать "
          + "председателю " + agenda.text() + ", а этот срок уже прошёл. " + earliestText(now));
    }
    Deadline distribution = deadline(DeadlineKind.AGENDA_DISTRIBUTION, schedule.date());
    if (distributionOpen && distribution.passedAt(now)) {
      throw new Refusal("Заседание " + schedule.startText() + " назначить нельзя: повестку нужно разослать членам "
          + "Рабочей группы " + distribution.text() + " (п. 14 Положения), а этот срок уже прошёл. Выберите более "
          + "позднюю дату");
    }
    if (schedule.invitees().size() > MAX_INVITEES) {
      throw new Refusal("Приглашённых лиц не может быть больше " + MAX_INVITEES + " (указано "
          + schedule.invitees().size() + ")");
    }
    checkOffHours(schedule);
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
    Refusal.refuseIf(problems);
    return new Schedule(schedule.start(), schedule.format(),
        schedule.format() == MeetingFormat.IN_PERSON ? schedule.place().trim() : null,
        schedule.format() == MeetingFormat.VIDEO ? schedule.videoLink().trim() : null,
        trimToNull(schedule.preliminaryQuestions()), schedule.invitees(), schedule.offHoursConfirmed());
  }

  /** A meeting on a non-working day or at night is most likely a slip of the date or time: asked once. */
  private void checkOffHours(Schedule schedule) {
    if (schedule.offHoursConfirmed()) {
      return;
    }
    List<String> unusual = new ArrayList<>();
    try {
      if (!calendar.isWorkingDay(schedule.date())) {
        unusual.add("нерабочий день по производственному календарю");
      }
    } catch (RuntimeException e) {
      // a missing calendar year: its message names the year (in Russian)
      throw new Refusal(e.getMessage());
    }
    LocalTime time = schedule.start().atZoneSameInstant(RussianDates.ZONE).toLocalTime();
    if (time.isBefore(MORNING) || !time.isBefore(EVENING)) {
      unusual.add("ночное время (до 07:00 или после 22:00 по новосибирскому времени)");
    }
    if (!unusual.isEmpty()) {
      throw new Refusal("Заседание " + schedule.startText() + " приходится на " + String.join(" и ", unusual)
          + ". Если дата и время указаны верно, отметьте «Подтверждаю дату и время заседания» и отправьте форму "
          + "ещё раз");
    }
  }

  /** § 7, § 12: the secretariat (or the chair's office) decides to hold a meeting; it gets its number. */
  public Planned create(Schedule requested, String processInstanceId, String actor) {
    Schedule schedule = validate(requested);
    MeetingRef ref = record.create(schedule.date().getYear(), schedule.start(), schedule.format(), schedule.place(),
        schedule.videoLink(), schedule.preliminaryQuestions(), actor);
    record.attachProcess(ref.key(), processInstanceId);
    record.replaceInvitees(ref.key(), schedule.invitees());
    record.event(ref.key(), MeetingEventKind.CREATED, "Заседание назначено на " + schedule.startText(), actor);
    return new Planned(ref, schedule);
  }

  /** The presiding person (§ 10): the chair, or a deputy chair on the chair's instruction. */
  public record Presiding(Roster.Person person, String instruction) {
    public String describe() {
      return person.role() == Roster.Role.CHAIR ? "председатель Рабочей группы " + person.shortName()
          : "заместитель председателя Рабочей группы " + person.shortName() + " по поручению председателя"
              + (instruction == null ? "" : " (" + instruction + ")");
    }
  }

  /** What the chair decided at confirmation. */
  public record Confirmed(Planned planned, Presiding presiding) {
  }

  /** Who presides, as the chair chose it in the confirmation form. */
  public enum PresidingChoice {
    /** The chair presides. */
    SELF,
    /** A deputy chair presides on the chair's instruction (§ 10). */
    DEPUTY
  }

  /**
   * § 7: the chair confirms date, format and invitees and names who presides; while the chair's instruction covers
   * today, the deputy chair it names does (§ 10).
   */
  public Confirmed confirm(String key, Schedule requested, PresidingChoice choice, String deputyId,
                           String instruction, String actor) {
    return confirm(key, requested, choice, deputyId, instruction, List.of(), actor);
  }

  /**
   * As {@link #confirm(String, Schedule, PresidingChoice, String, String, String)}, carrying over to this meeting the
   * items of earlier meetings not decided for lack of quorum that the chair chose (§ 15, {@link CarriedItems}).
   */
  public Confirmed confirm(String key, Schedule requested, PresidingChoice choice, String deputyId,
                           String instruction, List<String> carried, String actor) {
    chairPowers.requireHolderToday(actor, "подтвердить заседание");
    if (choice == null) {
      throw new Refusal("Укажите, кто председательствует на заседании");
    }
    Schedule schedule = validate(requested);
    Presiding presiding;
    if (choice == PresidingChoice.SELF) {
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
    carriedItems.carry(key, carried, actor);
    record.setStatus(key, MeetingStatus.PREPARATION, null);
    record.event(key, MeetingEventKind.CONFIRMED, "Дата " + schedule.startText() + "; председательствует "
        + presiding.describe(), actor);
    return new Confirmed(new Planned(MeetingRef.parse(key), schedule), presiding);
  }

  /**
   * § 13: the agenda, with information materials for each item, passed to the presiding person. The accepted
   * proposals the secretariat took ({@code taken}: their numbers, see {@link AgendaProposals#offered}) are added at
   * its end and placed on this meeting; the items whose speakers provide the materials themselves
   * ({@code speakerMaterials}, issue 16 point 2) may have no materials typed by the secretariat. The agenda as
   * submitted is returned.
   */
  public List<AgendaItem> submitAgenda(String key, List<AgendaItem> listed, List<String> taken,
                                       Set<Integer> speakerMaterials, String actor) {
    List<AgendaItem> items = proposals.withChosen(key, listed, taken);
    if (items.isEmpty()) {
      throw new Refusal("В повестке нет ни одного вопроса: добавьте хотя бы один вопрос");
    }
    if (items.size() > MAX_AGENDA_ITEMS) {
      throw new Refusal("В повестке не может быть больше " + MAX_AGENDA_ITEMS + " вопросов (указано " + items.size()
          + ")");
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
      if (blank(item.materials()) && !speakerMaterials.contains(item.no())) {
        problems.add(n + "не приложены информационные материалы (п. 13)");
      }
      if (item.type() == null) {
        problems.add(n + "не выбран вид вопроса");
      }
      if (item.area() == null || DeputyArea.byGroupId(item.area()).isEmpty()) {
        problems.add(n + "не выбрано направление заместителя председателя");
      }
      if (item.notForPublication() && blank(item.notForPublicationReason())) {
        problems.add(n + "отмечен «не для опубликования», но не указана причина");
      }
    }
    Refusal.refuseIf(problems);
    record.replaceAgenda(key, items);
    carriedItems.agendaSubmitted(key, items);
    proposals.agendaSubmitted(key, items, taken, actor);
    record.event(key, MeetingEventKind.AGENDA_SUBMITTED, items.size() + " вопрос(ов) повестки", actor);
    recordCompletion(key, DeadlineKind.AGENDA_TO_CHAIR, meetingDate(key));
    return items;
  }

  /** A meeting's agenda was approved: the approved agenda document is made from the record (§ 7 (2)). */
  public record AgendaApproved(String meetingKey) {
  }

  /**
   * § 7 (2): the presiding person approves the agenda. Returns the distribution deadline (§ 14) that now runs.
   * Publishes {@link AgendaApproved} in the same transaction.
   */
  public Deadline approveAgenda(String key, String actor) {
    requireApprover(record.get(key), actor);
    record.setStatus(key, MeetingStatus.AGENDA_APPROVED, null);
    record.event(key, MeetingEventKind.AGENDA_APPROVED, "Повестка утверждена", actor);
    events.publishEvent(new AgendaApproved(key));
    return deadline(DeadlineKind.AGENDA_DISTRIBUTION, meetingDate(key));
  }

  /** § 7 (2): the presiding person returns the agenda to the secretariat with remarks. */
  public void returnAgenda(String key, String remarks, String actor) {
    requireApprover(record.get(key), actor);
    if (blank(remarks)) {
      throw new Refusal("Укажите замечания, с которыми повестка возвращается на доработку");
    }
    record.event(key, MeetingEventKind.AGENDA_RETURNED, remarks.trim(), actor);
  }

  /** § 14 (3): the reference materials for members and invitees are prepared before the agenda goes out. */
  public void prepareReferenceMaterials(String key, boolean ready, String materials, String actor) {
    if (!ready) {
      throw new Refusal("Подтвердите, что информационно-справочные материалы подготовлены (п. 14)");
    }
    if (blank(materials)) {
      throw new Refusal("Укажите информационно-справочные материалы (п. 14)");
    }
    record.event(key, MeetingEventKind.REFERENCE_MATERIALS, materials.trim(), actor);
  }

  /** § 14: the agenda went to every member and the invitees were notified. */
  public void agendaSent(String key) {
    record.setStatus(key, MeetingStatus.AGENDA_SENT, null);
    record.event(key, MeetingEventKind.AGENDA_SENT, "Повестка разослана членам Рабочей группы, приглашённые оповещены",
        null);
    recordCompletion(key, DeadlineKind.AGENDA_DISTRIBUTION, meetingDate(key));
  }

  /**
   * The earliest day a meeting can be scheduled on at {@code now}: the first working day from today whose § 13
   * deadline (agenda to the chair) has not passed; empty when none within {@value #EARLIEST_SEARCH_DAYS} days (or the
   * calendar lacks the year).
   */
  public Optional<LocalDate> earliestDate(Instant now) {
    LocalDate day = now.atZone(RussianDates.ZONE).toLocalDate();
    for (int i = 0; i <= EARLIEST_SEARCH_DAYS; i++, day = day.plusDays(1)) {
      try {
        if (calendar.isWorkingDay(day) && !deadlines.deadline(DeadlineKind.AGENDA_TO_CHAIR, day).passedAt(now)) {
          return Optional.of(day);
        }
      } catch (RuntimeException e) {
        return Optional.empty(); // a calendar year is missing: the refusal says what it can
      }
    }
    return Optional.empty();
  }

  private String earliestText(Instant now) {
    return earliestDate(now)
        .map(day -> "Ближайшая дата, на которую можно назначить заседание, — " + RussianDates.numeric(day) + ".")
        .orElse("Выберите более позднюю дату.");
  }

  /** The deadline of {@code kind} counted from {@code from}; a year missing from the calendar is a refusal. */
  public Deadline deadline(DeadlineKind kind, LocalDate from) {
    try {
      return deadlines.deadline(kind, from);
    } catch (RuntimeException e) {
      // a missing calendar year: its message names the year (in Russian)
      throw new Refusal(e.getMessage());
    }
  }

  /** Records whether a regulatory deadline was met, when the work it governs is done. */
  void recordCompletion(String key, DeadlineKind kind, LocalDate from) {
    recordCompletion(key, kind, from, clock.now());
  }

  /** Records whether a regulatory deadline was met by work done at {@code doneAt} ({@link Deadline#inTimeAt}). */
  DeadlineOutcome recordCompletion(String key, DeadlineKind kind, LocalDate from, Instant doneAt) {
    Deadline deadline = deadline(kind, from);
    DeadlineOutcome outcome = deadline.inTimeAt(doneAt) ? DeadlineOutcome.MET : DeadlineOutcome.LATE;
    record.deadlineEvent(key, kind, deadline.instant(), outcome, doneAt);
    return outcome;
  }

  /**
   * A deadline of a meeting: counted from the meeting date, for § 19 from the signing date, for the service level of
   * publication from the day the request went out.
   */
  public Deadline deadlineOf(String key, DeadlineKind kind) {
    Meeting meeting = record.get(key);
    if (kind == DeadlineKind.PUBLICATION) {
      return deadline(kind, record.publicationRequestedAt(key).map(RussianDates::localDate).orElseThrow(
          () -> new Refusal("Информация о заседании " + meeting.ref().display() + " ещё не передана для размещения")));
    }
    return deadline(kind, kind == DeadlineKind.MINUTES_COPIES_DUE ? meeting.signedOn()
        : RussianDates.localDate(meeting.start()));
  }

  /** A reminder of a deadline is due: recorded; returns the deadline it is about. */
  public Deadline deadlineReminded(String key, DeadlineKind kind) {
    Deadline deadline = deadlineOf(key, kind);
    record.event(key, MeetingEventKind.REMINDER, kind.description() + ": срок " + deadline.text(), null);
    return deadline;
  }

  /** A deadline passed with its work still open: the breach is recorded; the work goes on. */
  public Deadline deadlineMissed(String key, DeadlineKind kind) {
    Deadline deadline = deadlineOf(key, kind);
    record.deadlineEvent(key, kind, deadline.instant(), DeadlineOutcome.MISSED);
    record.event(key, MeetingEventKind.DEADLINE_MISSED, kind.description() + ": срок " + deadline.text() + " истёк",
        null);
    return deadline;
  }

  /** People a message could not reach (no or a refused address): recorded, so someone informs them another way. */
  public void deliveryGaps(String key, String text) {
    record.event(key, MeetingEventKind.DELIVERY_GAPS, text, null);
  }

  /** A postponement that was applied: the new schedule, and what was announced before. */
  public record Postponed(Planned planned, OffsetDateTime previousStart, boolean agendaWasSent, int sequence,
                          Deadline agendaDue, Deadline distributionDue) {
  }

  /**
   * A postponement (before the meeting), as the chair approved it: the new schedule is checked against what was
   * already done ({@link #checkPostponement}), recorded with its reason and with who asked and who decided
   * ({@code decision}, may be {@code null}), and the deadlines before the meeting are counted from the new date. Steps
   * already completed stay completed.
   */
  public Postponed postpone(String key, OffsetDateTime newStart, String reason, String decision, String actor) {
    Meeting meeting = record.get(key);
    // a non-working day or night was confirmed, or refused, when the postponement was requested
    Schedule schedule = checkPostponement(key, newStart, reason, true);
    record.updateSchedule(key, schedule.start(), schedule.format(), schedule.place(), schedule.videoLink(),
        schedule.preliminaryQuestions());
    record.event(key, MeetingEventKind.POSTPONED, "Перенесено с " + startText(meeting.start()) + " на "
        + schedule.startText() + (decision == null ? "" : " " + decision) + ". Причина: " + reason.trim(), actor);
    return new Postponed(new Planned(meeting.ref(), schedule), meeting.start(),
        meeting.status() == MeetingStatus.AGENDA_SENT, postponements(key),
        deadline(DeadlineKind.AGENDA_TO_CHAIR, schedule.date()),
        deadline(DeadlineKind.AGENDA_DISTRIBUTION, schedule.date()));
  }

  /**
   * Checks a requested postponement without changing anything: a reason, and a new date like a new meeting's (a
   * non-working day or night only when {@code offHoursConfirmed}) — validated against what was actually done: only
   * the deadlines of steps still open must be reachable from the new date (§ 13 until the agenda reached the presiding
   * person, § 14 until it went out).
   */
  public Schedule checkPostponement(String key, OffsetDateTime newStart, String reason, boolean offHoursConfirmed) {
    Meeting meeting = record.get(key);
    Schedule schedule = validate(new Schedule(newStart, meeting.format(), meeting.place(), meeting.videoLink(),
        meeting.preliminaryQuestions(), record.invitees(key), offHoursConfirmed), !agendaSubmitted(meeting),
        meeting.status() != MeetingStatus.AGENDA_SENT);
    if (blank(reason)) {
      throw new Refusal("Укажите причину переноса заседания");
    }
    return schedule;
  }

  /**
   * The agenda has reached the presiding person (§ 13 done): approved or sent, or submitted since the last
   * confirmation and not returned since.
   */
  private boolean agendaSubmitted(Meeting meeting) {
    if (meeting.status() == MeetingStatus.AGENDA_APPROVED || meeting.status() == MeetingStatus.AGENDA_SENT) {
      return true;
    }
    MeetingEventKind last = null;
    for (MeetingData.Event event : record.events(meeting.key())) {
      if (event.kind() == MeetingEventKind.CONFIRMED || event.kind() == MeetingEventKind.AGENDA_SUBMITTED
          || event.kind() == MeetingEventKind.AGENDA_RETURNED) {
        last = event.kind();
      }
    }
    return last == MeetingEventKind.AGENDA_SUBMITTED;
  }

  /**
   * A cancellation, with its reason and who asked and decided ({@code decision}, may be {@code null}). Returns whether
   * the agenda (and so the invitations) had gone out.
   */
  public boolean cancel(String key, String reason, String decision, String actor) {
    if (blank(reason)) {
      throw new Refusal("Укажите причину отмены заседания");
    }
    boolean agendaWasSent = record.get(key).status() == MeetingStatus.AGENDA_SENT;
    record.setStatus(key, MeetingStatus.CANCELLED, reason.trim());
    record.event(key, MeetingEventKind.CANCELLED, reason.trim() + (decision == null ? "" : " (" + decision + ")"),
        actor);
    return agendaWasSent;
  }

  /** How many postponements a meeting has had: the SEQUENCE of its calendar invitation. */
  public int postponements(String key) {
    return (int) record.events(key).stream().filter(e -> e.kind() == MeetingEventKind.POSTPONED).count();
  }

  /**
   * The agenda is approved by the presiding person, or — when the chair presides — by the deputy chair holding the
   * chair's powers by the chair's instruction on that day (§ 10, {@link ChairPowers}).
   */
  private void requireApprover(Meeting meeting, String actor) {
    if (!chairPowers.actsForPresiding(meeting, actor)) {
      requirePresiding(meeting, actor, "утвердить повестку");
    }
  }

  /** Only the presiding person may act for the chair on this meeting (§ 7, § 10). */
  public static void requirePresiding(Meeting meeting, String actor, String action) {
    if (actor == null || !actor.equals(meeting.presidingUserId())) {
      throw new Refusal("Только председательствующий на заседании (" + meeting.presidingName()
          + ") может " + action);
    }
  }

  private LocalDate meetingDate(String key) {
    return RussianDates.localDate(record.get(key).start());
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String trimToNull(String s) {
    return blank(s) ? null : s.trim();
  }
}
