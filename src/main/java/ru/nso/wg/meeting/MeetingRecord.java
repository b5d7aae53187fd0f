package ru.nso.wg.meeting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.AttendanceChange;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.DeadlineEvent;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.meeting.MeetingData.Event;
import ru.nso.wg.meeting.MeetingData.Invitee;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingData.Presence;
import ru.nso.wg.meeting.MeetingData.PresidingChange;
import ru.nso.wg.meeting.MeetingData.Signatory;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Move;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.meeting.rules.PresidingRules.ChairInstruction;
import ru.nso.wg.meeting.rules.PresidingRules.InstructionForm;
import ru.nso.wg.meeting.rules.VoteChoice;
import ru.nso.wg.roster.Roster;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The meeting record: the application's own tables (Flyway, {@code db/migration}), written in the same
 * database transaction as the engine's, so a rolled-back step leaves no trace in either.
 */
@Repository
public class MeetingRecord {

  private final JdbcTemplate jdbc;
  private final MeetingNumbers numbers;

  public MeetingRecord(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.numbers = new MeetingNumbers(jdbc);
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private static OffsetDateTime utc(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  // --- meeting ---------------------------------------------------------------------------------------------

  /** Creates the meeting with the next number of its year ({@link MeetingNumbers}); returns its reference. */
  public MeetingRef create(int year, OffsetDateTime start, MeetingFormat format, String place, String videoLink,
                           String preliminaryQuestions, String createdBy) {
    MeetingRef ref = new MeetingRef(year, numbers.next(year));
    jdbc.update("INSERT INTO wg_meeting (business_key, meeting_year, meeting_number, meeting_start, meeting_format,"
            + " place, video_link, preliminary_questions, status, created_by, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ref.key(), year, ref.number(), utc(start), format.name(), place, videoLink, preliminaryQuestions,
        MeetingStatus.PREPARATION.name(), createdBy, now(), now());
    return ref;
  }

  public void attachProcess(String key, String processInstanceId) {
    update(key, "process_instance_id = ?", processInstanceId);
  }

  public void updateSchedule(String key, OffsetDateTime start, MeetingFormat format, String place, String videoLink,
                             String preliminaryQuestions) {
    jdbc.update("UPDATE wg_meeting SET meeting_start = ?, meeting_format = ?, place = ?, video_link = ?,"
            + " preliminary_questions = ?, updated_at = ? WHERE business_key = ?",
        utc(start), format.name(), place, videoLink, preliminaryQuestions, now(), key);
  }

  public void setPresiding(String key, String userId, String name, String instruction) {
    jdbc.update("UPDATE wg_meeting SET presiding_user_id = ?, presiding_name = ?, presiding_instruction = ?,"
        + " updated_at = ? WHERE business_key = ?", userId, name, instruction, now(), key);
  }

  public void setStatus(String key, MeetingStatus status, String reason) {
    jdbc.update("UPDATE wg_meeting SET status = ?, status_reason = ?, updated_at = ? WHERE business_key = ?",
        status.name(), reason, now(), key);
  }

  public void setAudioRecording(String key, String reference) {
    update(key, "audio_recording = ?", reference);
  }

  /**
   * Freezes who signs the minutes when the attendance is registered: the presiding person and the secretary (who
   * registered it), with the names and positions identity has now. The presiding person is {@code null} only for a
   * meeting never confirmed.
   */
  public void freezeSignatories(String key, Signatory presiding, Signatory secretary) {
    jdbc.update("UPDATE wg_meeting SET presiding_name = ?, presiding_position = ?, presiding_role = ?,"
            + " secretary_user_id = ?, secretary_name = ?, secretary_position = ?, updated_at = ?"
            + " WHERE business_key = ?", presiding == null ? null : presiding.fullName(),
        presiding == null ? null : presiding.position(), presiding == null ? null : presiding.role().name(),
        secretary.userId(), secretary.fullName(), secretary.position(), now(), key);
  }

  /**
   * Who presides from now on (§ 10), changed on the day: the meeting's presiding person — who confirms outcomes from
   * now on and signs the minutes as the one who presided at the end — frozen with the name and position identity
   * has now.
   */
  public void setPresidingOnTheDay(String key, Signatory presiding, String instruction) {
    jdbc.update("UPDATE wg_meeting SET presiding_user_id = ?, presiding_name = ?, presiding_position = ?,"
            + " presiding_role = ?, presiding_instruction = ?, updated_at = ? WHERE business_key = ?",
        presiding.userId(), presiding.fullName(), presiding.position(), presiding.role().name(), instruction, now(),
        key);
  }

  /** The meeting's secretary, designated at confirmation (frozen with the name at attendance). */
  public void setSecretary(String key, String userId) {
    update(key, "secretary_user_id = ?", userId);
  }

  /** § 19 counts from the date the minutes were signed. */
  public void setSignedOn(String key, LocalDate signedOn) {
    update(key, "signed_on = ?", Date.valueOf(signedOn));
  }

  private void update(String key, String assignment, Object value) {
    jdbc.update("UPDATE wg_meeting SET " + assignment + ", updated_at = ? WHERE business_key = ?", value, now(), key);
  }

  /**
   * Locks the meeting's row until the transaction ends (a no-op update, portable to H2 and PostgreSQL), so that use
   * cases that must see each other — a dissenting opinion and the signing of the minutes — run one after the other.
   * Returns the meeting, if there is one.
   */
  public Optional<Meeting> lock(String key) {
    jdbc.update("UPDATE wg_meeting SET updated_at = updated_at WHERE business_key = ?", key);
    return find(key);
  }

  public Optional<Meeting> find(String key) {
    return jdbc.query("SELECT * FROM wg_meeting WHERE business_key = ?", MEETING, key).stream().findFirst();
  }

  public Meeting get(String key) {
    return find(key).orElseThrow(() -> new Refusal("Заседание " + key + " не найдено"));
  }

  private static final RowMapper<Meeting> MEETING = (rs, i) -> new Meeting(
      rs.getString("business_key"), rs.getInt("meeting_year"), rs.getInt("meeting_number"),
      rs.getString("process_instance_id"), rs.getObject("meeting_start", OffsetDateTime.class),
      MeetingFormat.valueOf(rs.getString("meeting_format")), rs.getString("place"), rs.getString("video_link"),
      rs.getString("preliminary_questions"), rs.getString("presiding_user_id"), rs.getString("presiding_name"),
      rs.getString("presiding_instruction"), MeetingStatus.valueOf(rs.getString("status")),
      rs.getString("status_reason"), rs.getString("audio_recording"), rs.getString("secretary_user_id"),
      localDate(rs.getDate("signed_on")), frozenPresiding(rs), frozenSecretary(rs));

  private static Signatory frozenPresiding(ResultSet rs) throws SQLException {
    String role = rs.getString("presiding_role");
    return role == null ? null : new Signatory(rs.getString("presiding_user_id"), rs.getString("presiding_name"),
        rs.getString("presiding_position"), Roster.Role.valueOf(role));
  }

  private static Signatory frozenSecretary(ResultSet rs) throws SQLException {
    String name = rs.getString("secretary_name");
    return name == null ? null : new Signatory(rs.getString("secretary_user_id"), name,
        rs.getString("secretary_position"), Roster.Role.MEMBER);
  }

  private static LocalDate localDate(Date date) {
    return date == null ? null : date.toLocalDate();
  }

  // --- invitees and agenda ---------------------------------------------------------------------------------

  public void replaceInvitees(String key, List<Invitee> invitees) {
    jdbc.update("DELETE FROM wg_invitee WHERE business_key = ?", key);
    int no = 1;
    for (Invitee invitee : invitees) {
      jdbc.update("INSERT INTO wg_invitee (business_key, position_no, full_name, job_title, organisation, email,"
              + " present) VALUES (?, ?, ?, ?, ?, ?, ?)",
          key, no++, invitee.fullName(), invitee.jobTitle(), invitee.organisation(), invitee.email(),
          invitee.present());
    }
  }

  public void markInviteesPresent(String key, List<Integer> presentPositions) {
    jdbc.update("UPDATE wg_invitee SET present = FALSE WHERE business_key = ?", key);
    for (Integer position : presentPositions) {
      jdbc.update("UPDATE wg_invitee SET present = TRUE WHERE business_key = ? AND position_no = ?", key, position);
    }
  }

  public List<Invitee> invitees(String key) {
    return jdbc.query("SELECT * FROM wg_invitee WHERE business_key = ? ORDER BY position_no", (rs, i) -> new Invitee(
        rs.getString("full_name"), rs.getString("job_title"), rs.getString("organisation"), rs.getString("email"),
        (Boolean) rs.getObject("present")), key);
  }

  public void replaceAgenda(String key, List<AgendaItem> items) {
    jdbc.update("DELETE FROM wg_agenda_item WHERE business_key = ?", key);
    for (AgendaItem item : items) {
      jdbc.update("INSERT INTO wg_agenda_item (business_key, item_no, title, item_type, speaker, materials, area,"
              + " not_for_publication, not_for_publication_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          key, item.no(), item.title(), item.type().name(), item.speaker(), item.materials(), item.area(),
          item.notForPublication(), item.notForPublication() ? item.notForPublicationReason() : null);
    }
  }

  public List<AgendaItem> agenda(String key) {
    return jdbc.query("SELECT * FROM wg_agenda_item WHERE business_key = ? ORDER BY item_no", (rs, i) -> new AgendaItem(
        rs.getInt("item_no"), rs.getString("title"), AgendaItemType.valueOf(rs.getString("item_type")),
        rs.getString("speaker"), rs.getString("materials"), rs.getString("area"),
        rs.getBoolean("not_for_publication"), rs.getString("not_for_publication_reason")), key);
  }

  // --- attendance (roster snapshot) ------------------------------------------------------------------------

  public void saveAttendance(String key, int attempt, List<Attendee> attendees) {
    jdbc.update("DELETE FROM wg_attendance_change WHERE business_key = ? AND attempt = ?", key, attempt);
    jdbc.update("DELETE FROM wg_presiding_change WHERE business_key = ? AND attempt = ?", key, attempt);
    jdbc.update("DELETE FROM wg_attendance WHERE business_key = ? AND attempt = ?", key, attempt);
    for (Attendee a : attendees) {
      jdbc.update("INSERT INTO wg_attendance (business_key, attempt, user_id, full_name, job_title, organisation,"
              + " roster_role, presence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          key, attempt, a.userId(), a.fullName(), a.jobTitle(), a.organisation(), a.role().name(),
          a.presence().name());
    }
  }

  /** An arrival or departure before an item of the latest sitting (§ 15). */
  public void addAttendanceChange(String key, int attempt, AttendanceChange change, String actor) {
    jdbc.update("INSERT INTO wg_attendance_change (business_key, attempt, user_id, before_item, change_kind, presence,"
            + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", key, attempt, change.userId(),
        change.beforeItem(), change.move().name(), change.presence() == null ? null : change.presence().name(), actor,
        now());
  }

  /** The arrivals and departures of a sitting, in the order of items and then of recording. */
  public List<AttendanceChange> attendanceChanges(String key, int attempt) {
    return jdbc.query("SELECT * FROM wg_attendance_change WHERE business_key = ? AND attempt = ?"
        + " ORDER BY before_item, id", (rs, i) -> new AttendanceChange(rs.getString("user_id"),
        rs.getInt("before_item"), Move.valueOf(rs.getString("change_kind")),
        rs.getString("presence") == null ? null : Presence.valueOf(rs.getString("presence"))), key, attempt);
  }

  /** Who presides from item {@code change.fromItem()} of the sitting on (§ 10). */
  public void addPresidingChange(String key, int attempt, PresidingChange change, String actor) {
    ChairInstruction instruction = change.instruction();
    jdbc.update("INSERT INTO wg_presiding_change (business_key, attempt, from_item, user_id, full_name, job_title,"
            + " roster_role, instruction_form, instruction_ref, instruction_date, recorded_by, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, attempt, change.fromItem(),
        change.person().userId(), change.person().fullName(), change.person().position(),
        change.person().role().name(), instruction == null ? null : instruction.form().name(),
        instruction == null ? null : instruction.reference(),
        instruction == null ? null : Date.valueOf(instruction.date()), actor, now());
  }

  /** Who presided over a sitting, change by change (§ 10); empty for a sitting recorded before this was kept. */
  public List<PresidingChange> presidingChanges(String key, int attempt) {
    return jdbc.query("SELECT * FROM wg_presiding_change WHERE business_key = ? AND attempt = ? ORDER BY from_item",
        (rs, i) -> new PresidingChange(rs.getInt("from_item"), new Signatory(rs.getString("user_id"),
            rs.getString("full_name"), rs.getString("job_title"), Roster.Role.valueOf(rs.getString("roster_role"))),
            rs.getString("instruction_form") == null ? null : new ChairInstruction(
                InstructionForm.valueOf(rs.getString("instruction_form")), rs.getString("instruction_ref"),
                localDate(rs.getDate("instruction_date")))), key, attempt);
  }

  /** The latest sitting (an earlier one may have lacked quorum); 0 before attendance is recorded. */
  public int attendanceAttempt(String key) {
    Integer attempt = jdbc.queryForObject("SELECT MAX(attempt) FROM wg_attendance WHERE business_key = ?",
        Integer.class, key);
    return attempt == null ? 0 : attempt;
  }

  /** The latest sitting's attendance. */
  public List<Attendee> attendance(String key) {
    int attempt = attendanceAttempt(key);
    return attempt == 0 ? List.of() : attendance(key, attempt);
  }

  public List<Attendee> attendance(String key, int attempt) {
    Map<String, List<AttendanceChange>> changes = attendanceChanges(key, attempt).stream()
        .collect(Collectors.groupingBy(AttendanceChange::userId));
    return jdbc.query("SELECT * FROM wg_attendance WHERE business_key = ? AND attempt = ?"
            + " ORDER BY id", (rs, i) -> new Attendee(
        rs.getString("user_id"), rs.getString("full_name"), rs.getString("job_title"), rs.getString("organisation"),
        Roster.Role.valueOf(rs.getString("roster_role")), Presence.valueOf(rs.getString("presence")),
        changes.getOrDefault(rs.getString("user_id"), List.of())), key, attempt);
  }

  /** Items of the meeting not decided for lack of quorum (§ 15), as recorded: what is carried over. */
  public List<ItemDecision> notDecidedForLackOfQuorum(String key) {
    return decisions(key).stream().filter(ItemDecision::notDecidedForLackOfQuorum).toList();
  }

  // --- votes, decisions, dissenting opinions ---------------------------------------------------------------

  public void saveVotes(String key, int itemNo, Map<String, VoteChoice> choiceByMember) {
    jdbc.update("DELETE FROM wg_vote WHERE business_key = ? AND item_no = ?", key, itemNo);
    choiceByMember.forEach((member, choice) -> jdbc.update(
        "INSERT INTO wg_vote (business_key, item_no, user_id, choice) VALUES (?, ?, ?, ?)", key, itemNo, member,
        choice.name()));
  }

  public Map<String, VoteChoice> votes(String key, int itemNo) {
    Map<String, VoteChoice> votes = new LinkedHashMap<>();
    jdbc.query("SELECT user_id, choice FROM wg_vote WHERE business_key = ? AND item_no = ? ORDER BY id",
        rs -> {
          votes.put(rs.getString(1), VoteChoice.valueOf(rs.getString(2)));
        }, key, itemNo);
    return votes;
  }

  public void saveDecision(String key, ItemDecision d) {
    jdbc.update("DELETE FROM wg_decision WHERE business_key = ? AND item_no = ?", key, d.itemNo());
    jdbc.update("INSERT INTO wg_decision (business_key, item_no, discussion, decision_text, outcome, rule_applied,"
            + " rule_text, votes_for, votes_against, votes_abstain, present_count, executor, executor_id, due_date,"
            + " control_area, confirmed_by, confirmed_at, presiding_user_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, d.itemNo(), d.discussion(), d.text(), d.outcome().name(), d.rule().name(), d.ruleText(),
        d.votesFor(), d.votesAgainst(), d.votesAbstain(), d.present(), d.executor(), d.executorId(),
        d.dueDate() == null ? null : Date.valueOf(d.dueDate()),
        d.controlArea(), d.confirmedBy(), d.confirmedBy() == null ? null : now(), d.presidingUserId());
  }

  public List<ItemDecision> decisions(String key) {
    return jdbc.query("SELECT * FROM wg_decision WHERE business_key = ? ORDER BY item_no", (rs, i) -> new ItemDecision(
        rs.getInt("item_no"), rs.getString("discussion"), rs.getString("decision_text"),
        Decision.valueOf(rs.getString("outcome")), DecisionRule.valueOf(rs.getString("rule_applied")),
        rs.getString("rule_text"), rs.getInt("votes_for"), rs.getInt("votes_against"),
        rs.getInt("votes_abstain"), rs.getInt("present_count"), rs.getString("executor"), rs.getString("executor_id"),
        localDate(rs.getDate("due_date")), rs.getString("control_area"),
        rs.getString("confirmed_by"), rs.getString("presiding_user_id")), key);
  }

  public Dissent addDissent(String key, int itemNo, String userId, String fullName, String opinion) {
    OffsetDateTime filedAt = now();
    jdbc.update("INSERT INTO wg_dissent (business_key, item_no, user_id, full_name, opinion, filed_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)", key, itemNo, userId, fullName, opinion, filedAt);
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM wg_dissent WHERE business_key = ? AND item_no = ?"
        + " AND user_id = ?", Long.class, key, itemNo, userId);
    return new Dissent(id, itemNo, userId, fullName, opinion, filedAt);
  }

  public List<Dissent> dissents(String key) {
    return jdbc.query("SELECT * FROM wg_dissent WHERE business_key = ? ORDER BY item_no, id", (rs, i) -> new Dissent(
        rs.getLong("id"), rs.getInt("item_no"), rs.getString("user_id"), rs.getString("full_name"),
        rs.getString("opinion"), rs.getObject("filed_at", OffsetDateTime.class)), key);
  }

  // --- what happened, and deadlines ------------------------------------------------------------------------

  public void event(String key, MeetingEventKind kind, String details, String actor) {
    jdbc.update("INSERT INTO wg_meeting_event (business_key, event_kind, details, actor, occurred_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        key, kind.name(), details, actor, now());
  }

  public List<Event> events(String key) {
    return jdbc.query("SELECT * FROM wg_meeting_event WHERE business_key = ? ORDER BY id", (rs, i) -> new Event(
        MeetingEventKind.valueOf(rs.getString("event_kind")), rs.getString("details"), rs.getString("actor"),
        rs.getObject("occurred_at", OffsetDateTime.class)), key);
  }

  public void deadlineEvent(String key, DeadlineKind kind, Instant dueAt, DeadlineOutcome outcome) {
    deadlineEvent(key, kind, dueAt, outcome, now().toInstant());
  }

  /** A deadline's outcome for work done at {@code doneAt} (e.g. when the delivery log saw the last message go). */
  public void deadlineEvent(String key, DeadlineKind kind, Instant dueAt, DeadlineOutcome outcome, Instant doneAt) {
    jdbc.update("INSERT INTO wg_deadline_event (business_key, deadline_kind, due_at, outcome, recorded_at)"
        + " VALUES (?, ?, ?, ?, ?)", key, kind.code(), OffsetDateTime.ofInstant(dueAt, ZoneOffset.UTC), outcome.name(),
        OffsetDateTime.ofInstant(doneAt, ZoneOffset.UTC));
  }

  /** When the request to publish went to the information-policy department (§ 19); its service level counts from it. */
  public void setPublicationRequestedAt(String key, Instant requestedAt) {
    update(key, "publication_requested_at = ?", OffsetDateTime.ofInstant(requestedAt, ZoneOffset.UTC));
  }

  public Optional<OffsetDateTime> publicationRequestedAt(String key) {
    return jdbc.query("SELECT publication_requested_at FROM wg_meeting WHERE business_key = ?",
        (rs, i) -> rs.getObject("publication_requested_at", OffsetDateTime.class), key).stream()
        .filter(Objects::nonNull).findFirst();
  }

  public List<DeadlineEvent> deadlineEvents(String key) {
    return jdbc.query("SELECT * FROM wg_deadline_event WHERE business_key = ?"
            + " ORDER BY id", (rs, i) -> new DeadlineEvent(
        DeadlineKind.of(rs.getString("deadline_kind")), rs.getObject("due_at", OffsetDateTime.class),
        DeadlineOutcome.valueOf(rs.getString("outcome")),
        rs.getObject("recorded_at", OffsetDateTime.class)), key);
  }
}
