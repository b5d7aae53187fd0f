package ru.nso.wg.meeting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who holds the chair's powers (§ 10): the chair, or for the period of the chair's instruction recorded in the
 * system (table {@code wg_chair_instruction}) the deputy chair it names. A chair's task — confirming a meeting,
 * approving the agenda of a meeting the chair presides over, deciding on a postponement or a cancellation — goes to
 * whoever holds the powers on the day it is created.
 */
@Service
public class ChairPowers {

  /** The longest reference of an instruction (README, "Input limits"). */
  public static final int MAX_REFERENCE = 500;
  /** The longest reason of a withdrawal (column {@code withdrawal_reason}). */
  public static final int MAX_REASON = 2000;

  private final JdbcTemplate jdbc;
  private final Roster roster;
  private final CalendarClock clock;
  private final MeetingRecord record;

  public ChairPowers(JdbcTemplate jdbc, Roster roster, CalendarClock clock, MeetingRecord record) {
    this.jdbc = jdbc;
    this.roster = roster;
    this.clock = clock;
    this.record = record;
  }

  /** Who holds the chair's powers: the person, and the instruction when it is a deputy. */
  public record Holder(String userId, String fullName, ChairInstruction instruction) {
    public boolean byInstruction() {
      return instruction != null;
    }

    /** «Соколов А.В. (председатель)» or «Морозов Д.С. по письменному поручению …». */
    public String describe() {
      return instruction == null ? "председатель Рабочей группы " + fullName
          : "заместитель председателя Рабочей группы " + fullName + " — " + instruction.describe();
    }
  }

  /**
   * § 10: records the chair's instruction. Refused, with the field and the clause: a deputy who is not a deputy chair
   * of the roster, a missing date, an end before the start, a period already begun or past, a written instruction
   * without its reference, a period overlapping an instruction already recorded.
   */
  public ChairInstruction instruct(String deputyId, LocalDate from, LocalDate to, ChairInstruction.Form form,
                                   String reference, String actor) {
    List<String> problems = new ArrayList<>();
    Roster.Person deputy = null;
    if (deputyId == null || deputyId.isBlank()) {
      problems.add("поле «Заместитель председателя»: выберите заместителя председателя, которому передаются "
          + "полномочия (п. 10 Положения)");
    } else {
      deputy = roster.deputies().stream().filter(d -> d.id().equals(deputyId.trim())).findFirst().orElse(null);
      if (deputy == null) {
        problems.add("поле «Заместитель председателя»: «" + deputyId.trim() + "» не является заместителем "
            + "председателя Рабочей группы — полномочия председателя передаются только заместителю (п. 10 Положения)");
      }
    }
    LocalDate today = clock.today();
    if (from == null) {
      problems.add("поле «Действует с»: укажите дату начала периода поручения (п. 10 Положения)");
    }
    if (to == null) {
      problems.add("поле «Действует по»: укажите дату окончания периода поручения (п. 10 Положения)");
    }
    if (from != null && to != null && to.isBefore(from)) {
      problems.add("поле «Действует по»: дата окончания (" + RussianDates.numeric(to) + ") раньше даты начала ("
          + RussianDates.numeric(from) + ") (п. 10 Положения)");
    } else if (to != null && to.isBefore(today)) {
      problems.add("поле «Действует по»: период поручения уже прошёл (" + RussianDates.numeric(to) + " раньше "
          + "сегодняшнего дня, " + RussianDates.numeric(today) + ") (п. 10 Положения)");
    } else if (from != null && from.isBefore(today)) {
      problems.add("поле «Действует с»: поручение действует со дня его внесения в систему, не раньше ("
          + RussianDates.numeric(from) + " — прошедшая дата, сегодня " + RussianDates.numeric(today)
          + ") (п. 10 Положения)");
    }
    if (form == null) {
      problems.add("поле «Форма поручения»: выберите устное или письменное поручение (п. 10 Положения)");
    }
    String ref = reference == null || reference.isBlank() ? null : reference.trim();
    if (form == ChairInstruction.Form.WRITTEN && ref == null) {
      problems.add("поле «Реквизиты поручения»: для письменного поручения укажите его номер и дату (п. 10 Положения)");
    }
    if (ref != null && ref.length() > MAX_REFERENCE) {
      problems.add("поле «Реквизиты поручения»: не длиннее " + MAX_REFERENCE + " символов");
    }
    Refusal.refuseIf(problems);
    Optional<ChairInstruction> overlapping = instructions().stream().filter(i -> !i.voided())
        .filter(i -> !i.to().isBefore(from) && !i.from().isAfter(to)).findFirst();
    if (overlapping.isPresent()) {
      throw Refusal.conflict("На часть этого периода уже внесено поручение председателя: заместитель "
          + overlapping.get().deputyName() + ", " + overlapping.get().period() + " (п. 10 Положения)");
    }
    jdbc.update("INSERT INTO wg_chair_instruction (deputy_user_id, deputy_name, valid_from, valid_to,"
            + " instruction_form, reference, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        deputy.id(), deputy.fullName(), Date.valueOf(from), Date.valueOf(to), form.name(), ref, actor, now());
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM wg_chair_instruction", Long.class);
    return instructions().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
  }

  /**
   * § 10: the chair's office withdraws an instruction (the chair returns early): from {@code from} (today or later,
   * within the period) it no longer applies — its period ends the day before. Tasks already handed to the deputy stay
   * with the deputy; the chair's tasks created from then on go to the chair. Every meeting whose record named the
   * instruction gets an event. Refused, with the field and the clause, before anything is saved: an actor outside the
   * chair's office, an unknown or already withdrawn instruction, a missing date, a past one or one outside the
   * period, a missing reason.
   */
  public ChairInstruction withdraw(Long id, LocalDate from, String reason, String actor) {
    if (actor == null || !roster.isInGroup(actor, RosterGroups.CHAIR)) {
      throw Refusal.forbidden("Отозвать поручение председателя может только аппарат председателя (группа "
          + RosterGroups.CHAIR + ") (п. 10 Положения)");
    }
    ChairInstruction instruction = id == null ? null
        : instructions().stream().filter(i -> i.id() == id).findFirst().orElse(null);
    if (instruction == null) {
      throw new Refusal("Поле «Поручение»: выберите действующее или предстоящее поручение председателя "
          + "(п. 10 Положения)");
    }
    if (instruction.withdrawn()) {
      throw Refusal.conflict("Поручение председателя (заместитель " + instruction.deputyName() + ") уже отозвано с "
          + RussianDates.numeric(instruction.withdrawal().from()) + " (п. 10 Положения)");
    }
    List<String> problems = new ArrayList<>();
    LocalDate today = clock.today();
    if (from == null) {
      problems.add("поле «Не действует с»: укажите день, с которого поручение не применяется (п. 10 Положения)");
    } else if (from.isBefore(today)) {
      problems.add("поле «Не действует с»: поручение отзывается с сегодняшнего дня или позже ("
          + RussianDates.numeric(from) + " — прошедшая дата, сегодня " + RussianDates.numeric(today)
          + ") (п. 10 Положения)");
    } else if (!instruction.covers(from)) {
      problems.add("поле «Не действует с»: " + RussianDates.numeric(from) + " за пределами периода поручения ("
          + instruction.period() + ") (п. 10 Положения)");
    }
    String why = reason == null || reason.isBlank() ? null : reason.trim();
    if (why == null) {
      problems.add("поле «Причина отзыва»: укажите причину, например досрочное возвращение председателя "
          + "(п. 10 Положения)");
    } else if (why.length() > MAX_REASON) {
      problems.add("поле «Причина отзыва»: не длиннее " + MAX_REASON + " символов");
    }
    Refusal.refuseIf(problems);
    int updated = jdbc.update("UPDATE wg_chair_instruction SET recorded_to = valid_to, valid_to = ?,"
            + " withdrawn_from = ?, withdrawal_reason = ?, withdrawn_by = ?, withdrawn_at = ?"
            + " WHERE id = ? AND withdrawn_from IS NULL",
        Date.valueOf(from.minusDays(1)), Date.valueOf(from), why, actor, now(), instruction.id());
    if (updated == 0) {
      throw Refusal.conflict("Поручение председателя (заместитель " + instruction.deputyName() + ") уже отозвано "
          + "(п. 10 Положения)");
    }
    ChairInstruction withdrawn = instructions().stream().filter(i -> i.id() == instruction.id()).findFirst()
        .orElseThrow();
    String details = "Поручение председателя отозвано: заместитель председателя Рабочей группы "
        + instruction.deputyName() + " — " + instruction.describe() + "; не действует с " + RussianDates.numeric(from)
        + "; задачи председателя, созданные с этого дня, направляются председателю, задачи, уже направленные "
        + "заместителю, остаются у него. Причина: " + why;
    List<String> keys = jdbc.queryForList("SELECT business_key FROM wg_chair_instruction_meeting"
        + " WHERE instruction_id = ? UNION SELECT business_key FROM wg_date_request WHERE chair_instruction_id = ?"
        + " ORDER BY 1", String.class, instruction.id(), instruction.id());
    for (String key : keys) {
      record.event(key, MeetingEventKind.CHAIR_INSTRUCTION_WITHDRAWN, details, actor);
    }
    return withdrawn;
  }

  /** Today in Novosibirsk, as the instructions count their days. */
  public LocalDate today() {
    return clock.today();
  }

  /** Every instruction recorded, withdrawn ones too, latest period first. */
  public List<ChairInstruction> instructions() {
    return jdbc.query("SELECT * FROM wg_chair_instruction ORDER BY valid_from DESC, id DESC", (rs, i) ->
        new ChairInstruction(rs.getLong("id"), rs.getString("deputy_user_id"), rs.getString("deputy_name"),
            rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_to").toLocalDate(),
            ChairInstruction.Form.valueOf(rs.getString("instruction_form")), rs.getString("reference"),
            rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class),
            rs.getDate("withdrawn_from") == null ? null : new ChairInstruction.Withdrawal(
                rs.getDate("withdrawn_from").toLocalDate(), rs.getDate("recorded_to").toLocalDate(),
                rs.getString("withdrawal_reason"), rs.getString("withdrawn_by"),
                rs.getObject("withdrawn_at", OffsetDateTime.class))));
  }

  /** The instructions in force today or still to come (not those whose period is over or that never applied). */
  public List<ChairInstruction> currentAndFuture() {
    LocalDate today = clock.today();
    return instructions().stream().filter(i -> i.state(today) == ChairInstruction.State.IN_FORCE
        || i.state(today) == ChairInstruction.State.FUTURE).toList();
  }

  /** What the forms show of {@link #currentAndFuture()}: one line an instruction, or that there is none. */
  public String currentAndFutureText() {
    LocalDate today = clock.today();
    List<ChairInstruction> found = currentAndFuture();
    return found.isEmpty() ? "Действующих и предстоящих поручений председателя нет."
        : String.join("\n", found.stream().map(i -> "- " + i.line(today)).toList());
  }

  /** The instruction covering {@code day}, if any. */
  public Optional<ChairInstruction> instructionOn(LocalDate day) {
    return instructions().stream().filter(i -> i.covers(day)).findFirst();
  }

  /** Who holds the chair's powers today (Novosibirsk): the deputy of an instruction covering today, or the chair. */
  public Holder holderToday() {
    Optional<ChairInstruction> instruction = instructionOn(clock.today());
    if (instruction.isPresent()) {
      return new Holder(instruction.get().deputyUserId(), instruction.get().deputyName(), instruction.get());
    }
    Roster.Person chair = roster.chair().orElseThrow(() -> new Refusal(
        "В составе Рабочей группы не указан председатель (группа wg-chair): обратитесь к администратору"));
    return new Holder(chair.id(), chair.fullName(), null);
  }

  /**
   * While an instruction covers today, only its deputy acts for the chair (§ 10); otherwise the chair or the chair's
   * office, as the task's candidate group {@code wg-chair} allows.
   */
  public void requireHolderToday(String actor, String action) {
    Optional<ChairInstruction> instruction = instructionOn(clock.today());
    if (instruction.isPresent() && !instruction.get().deputyUserId().equals(actor)) {
      throw Refusal.forbidden("Полномочия председателя " + instruction.get().period() + " переданы заместителю "
          + "председателя " + instruction.get().deputyName() + " (" + instruction.get().describe() + "): "
          + action + " может только он");
    }
  }

  /**
   * A chair's task of a meeting is created ({@code task}: «подтверждение заседания»): it goes to whoever holds the
   * chair's powers today; a deputy by instruction is written in the meeting record with the instruction.
   */
  public Holder chairTaskCreated(String key, String task) {
    Holder holder = holderToday();
    if (holder.byInstruction()) {
      record.event(key, MeetingEventKind.CHAIR_POWERS, "Задача «" + task + "» направлена " + holder.describe(), null);
      named(holder.instruction(), key);
    }
    return holder;
  }

  /**
   * The approval of the agenda is created: when the chair presides and an instruction covers today, it goes to the
   * instruction's deputy (recorded in the meeting record); otherwise to the presiding person (empty).
   */
  public Optional<Holder> agendaApprovalCreated(String key) {
    if (!chairPresides(record.get(key))) {
      return Optional.empty();
    }
    Holder holder = holderToday();
    if (!holder.byInstruction()) {
      return Optional.empty();
    }
    record.event(key, MeetingEventKind.CHAIR_POWERS, "Утверждение повестки направлено " + holder.describe(), null);
    named(holder.instruction(), key);
    return Optional.of(holder);
  }

  /**
   * May {@code actor} act for the presiding person before the meeting (approve the agenda): the presiding person,
   * or — when the chair presides — the deputy whose instruction covers today.
   */
  public boolean actsForPresiding(MeetingData.Meeting meeting, String actor) {
    if (actor == null) {
      return false;
    }
    if (actor.equals(meeting.presidingUserId())) {
      return true;
    }
    return chairPresides(meeting) && instructionOn(clock.today()).map(i -> i.deputyUserId().equals(actor))
        .orElse(false);
  }

  /** The meeting's record named the instruction: its withdrawal will be written there too. */
  private void named(ChairInstruction instruction, String key) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM wg_chair_instruction_meeting WHERE instruction_id = ?"
        + " AND business_key = ?", Integer.class, instruction.id(), key);
    if (known == null || known == 0) {
      jdbc.update("INSERT INTO wg_chair_instruction_meeting (instruction_id, business_key) VALUES (?, ?)",
          instruction.id(), key);
    }
  }

  private boolean chairPresides(MeetingData.Meeting meeting) {
    return meeting.presidingUserId() != null
        && roster.chair().map(c -> c.id().equals(meeting.presidingUserId())).orElse(false);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
