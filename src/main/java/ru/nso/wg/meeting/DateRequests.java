package ru.nso.wg.meeting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.ChairPowers.Holder;
import ru.nso.wg.meeting.DateRequest.Kind;
import ru.nso.wg.meeting.DateRequest.Verdict;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * § 7 (3): the chair decides the date. The secretariat asks for a postponement or a cancellation; the request goes to
 * whoever holds the chair's powers ({@link ChairPowers}); only an approved request changes the meeting. The record
 * keeps who asked, who decided, when, and why (table {@code wg_date_request}, and the meeting's events).
 */
@Service
public class DateRequests {

  /** The longest reason of a refusal (README, "Input limits"). */
  public static final int MAX_REASON = 2000;

  private final JdbcTemplate jdbc;
  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final ChairPowers chairPowers;
  private final CalendarClock clock;
  private final Roster roster;

  public DateRequests(JdbcTemplate jdbc, MeetingRecord record, MeetingScheduling scheduling, ChairPowers chairPowers,
                      CalendarClock clock, Roster roster) {
    this.jdbc = jdbc;
    this.record = record;
    this.scheduling = scheduling;
    this.chairPowers = chairPowers;
    this.clock = clock;
    this.roster = roster;
  }

  /** A request recorded, who decides it, what the decider reads, and the meeting it is about. */
  public record Asked(DateRequest request, Holder decider, String summary, MeetingRef meetingRef,
                      OffsetDateTime meetingStart, String meetingTitle) {
  }

  /**
   * The secretariat asks to postpone the meeting: the new date is checked against what was already done (see
   * {@link MeetingScheduling#checkPostponement}); nothing changes until the chair approves.
   */
  public Asked askPostponement(String key, OffsetDateTime newStart, String reason, boolean offHoursConfirmed,
                               String actor) {
    scheduling.checkPostponement(key, newStart, reason, offHoursConfirmed);
    return ask(key, Kind.POSTPONE, newStart, reason.trim(), actor);
  }

  /** The secretariat asks to cancel the meeting; nothing changes until the chair approves. */
  public Asked askCancellation(String key, String reason, String actor) {
    if (reason == null || reason.trim().length() < 5) {
      throw new Refusal("Укажите причину отмены заседания");
    }
    return ask(key, Kind.CANCEL, null, reason.trim(), actor);
  }

  private Asked ask(String key, Kind kind, OffsetDateTime newStart, String reason, String actor) {
    Meeting meeting = record.get(key);
    Optional<DateRequest> open = requests(key).stream().filter(r -> !r.decided()).findFirst();
    if (open.isPresent()) {
      throw Refusal.conflict("По заседанию " + meeting.ref().display() + " уже есть нерассмотренный запрос ("
          + open.get().kind().noun() + " от " + RussianDates.numericDateTime(open.get().requestedAt())
          + "): дождитесь решения председателя (п. 7 (3) Положения)");
    }
    Holder decider = chairPowers.holderToday();
    jdbc.update("INSERT INTO wg_date_request (business_key, request_kind, new_start, reason, requested_by,"
            + " requested_at, decider_user_id, chair_instruction_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key,
        kind.name(), newStart == null ? null : newStart.withOffsetSameInstant(ZoneOffset.UTC), reason, actor, now(),
        decider.userId(), decider.byInstruction() ? decider.instruction().id() : null);
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM wg_date_request WHERE business_key = ?", Long.class, key);
    DateRequest request = get(id);
    String summary = summary(meeting, request, decider);
    record.event(key, MeetingEventKind.DATE_REQUESTED, summary, actor);
    return new Asked(request, decider, summary, meeting.ref(), meeting.start(),
        MeetingScheduling.title(meeting.ref(), meeting.start()));
  }

  /** «Секретариат (Смирнова С.А.) просит перенести заседание № 3/2026 от … на …. Причина: …». */
  private String summary(Meeting meeting, DateRequest request, Holder decider) {
    String who = roster.anyone(request.requestedBy()).map(Roster.Person::fullName).orElse(request.requestedBy());
    String what = request.kind() == Kind.POSTPONE
        ? "перенести заседание " + MeetingScheduling.title(meeting.ref(), meeting.start()) + " на "
            + MeetingScheduling.startText(request.newStart())
        : "отменить заседание " + MeetingScheduling.title(meeting.ref(), meeting.start());
    // the presiding person asks too, from «Кворум под угрозой» (replies.AttendanceReplies)
    String asker = roster.isInGroup(request.requestedBy(), RosterGroups.SECRETARIAT) ? "Секретариат (" + who + ")"
        : "Председательствующий (" + who + ")";
    return asker + " просит " + what + ". Причина: " + request.reason()
        + ". Решение принимает " + decider.describe();
  }

  /**
   * The chair (or the deputy holding the chair's powers) decides. Refused: a request already decided, a decider
   * other than the one it went to, no choice, a refusal without its reason, the approval of a postponement to a date
   * that has passed or no longer meets the deadlines of the steps still open.
   *
   * @param approve {@code true} to approve, {@code false} to refuse, {@code null} when nothing was chosen
   */
  public DateRequest decide(long id, Boolean approve, String refusalReason, String actor) {
    DateRequest request = find(id).orElseThrow(() -> Refusal.notFound("Запрос № " + id + " не найден"));
    Meeting meeting = record.get(request.meetingKey());
    String what = (request.kind() == Kind.POSTPONE ? "о переносе" : "об отмене") + " заседания "
        + meeting.ref().display();
    if (request.decided()) {
      throw Refusal.conflict("Запрос " + what + " уже рассмотрен: " + (request.verdict() == Verdict.APPROVED
          ? "утверждён" : "отклонён") + " " + RussianDates.numericDateTime(request.decidedAt()) + " ("
          + roster.anyone(request.decidedBy()).map(Roster.Person::fullName).orElse(request.decidedBy())
          + "). Повторное решение не принимается (п. 7 (3) Положения)");
    }
    if (actor == null || !actor.equals(request.deciderUserId())) {
      throw Refusal.forbidden("Решение по запросу " + what + " принимает "
          + roster.anyone(request.deciderUserId()).map(Roster.Person::fullName).orElse(request.deciderUserId())
          + " (п. 7 (3), п. 10 Положения)");
    }
    if (approve == null) {
      throw new Refusal("Поле «Решение»: выберите «утвердить» или «отклонить» (п. 7 (3) Положения)");
    }
    String reason = refusalReason == null || refusalReason.isBlank() ? null : refusalReason.trim();
    if (approve && request.kind() == Kind.POSTPONE) {
      if (!request.newStart().toInstant().isAfter(clock.now())) {
        throw new Refusal("Перенос на прошедшую дату утвердить нельзя: новые дата и время заседания ("
            + MeetingScheduling.startText(request.newStart()) + ") уже прошли. Отклоните запрос, указав причину, — "
            + "секретариат предложит другую дату (п. 7 (3) Положения)");
      }
      scheduling.checkPostponement(request.meetingKey(), request.newStart(), request.reason(), true);
    }
    if (!approve && reason == null) {
      throw new Refusal("Поле «Причина отказа»: укажите, почему запрос " + what + " отклонён (п. 7 (3) Положения)");
    }
    if (reason != null && reason.length() > MAX_REASON) {
      throw new Refusal("Поле «Причина отказа»: не длиннее " + MAX_REASON + " символов");
    }
    jdbc.update("UPDATE wg_date_request SET decision = ?, decided_by = ?, decided_at = ?, decision_reason = ?"
            + " WHERE id = ? AND decision IS NULL", (approve ? Verdict.APPROVED : Verdict.REFUSED).name(), actor,
        now(), approve ? null : reason, id);
    DateRequest decided = get(id);
    if (!approve) {
      record.event(request.meetingKey(), MeetingEventKind.DATE_REQUEST_REFUSED, "Отклонён запрос " + what
          + (request.kind() == Kind.POSTPONE ? " на " + MeetingScheduling.startText(request.newStart()) : "")
          + ". Причина отказа: " + reason, actor);
    }
    return decided;
  }

  /** Who asked, who decided, when: «по решению председателя … от …; запрос секретариата (…) от …». */
  public String decisionText(long id) {
    DateRequest request = get(id);
    return "по решению " + name(request.decidedBy()) + " от " + RussianDates.numericDateTime(request.decidedAt())
        + (request.chairInstructionId() == null ? "" : " (по поручению председателя, п. 10 Положения)")
        + "; запрос секретариата (" + name(request.requestedBy()) + ") от "
        + RussianDates.numericDateTime(request.requestedAt());
  }

  private String name(String userId) {
    return roster.anyone(userId).map(Roster.Person::fullName).orElse(userId);
  }

  public DateRequest get(long id) {
    return find(id).orElseThrow(() -> Refusal.notFound("Запрос № " + id + " не найден"));
  }

  public Optional<DateRequest> find(long id) {
    return jdbc.query("SELECT * FROM wg_date_request WHERE id = ?", DateRequests::row, id).stream().findFirst();
  }

  /** The requests about a meeting, oldest first. */
  public List<DateRequest> requests(String key) {
    return jdbc.query("SELECT * FROM wg_date_request WHERE business_key = ? ORDER BY id", DateRequests::row, key);
  }

  private static DateRequest row(ResultSet rs, int i) throws SQLException {
    String verdict = rs.getString("decision");
    Number instruction = (Number) rs.getObject("chair_instruction_id");
    return new DateRequest(rs.getLong("id"), rs.getString("business_key"), Kind.valueOf(rs.getString("request_kind")),
        rs.getObject("new_start", OffsetDateTime.class), rs.getString("reason"), rs.getString("requested_by"),
        rs.getObject("requested_at", OffsetDateTime.class), rs.getString("decider_user_id"),
        instruction == null ? null : instruction.longValue(), verdict == null ? null : Verdict.valueOf(verdict),
        rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decision_reason"));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
