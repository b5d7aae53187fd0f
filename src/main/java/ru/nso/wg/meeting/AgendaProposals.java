package ru.nso.wg.meeting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Proposals for the agenda (§ 9 (2), § 13, § 8 "control of preparation"): any member, deputy chair or the secretariat
 * proposes an item; it waits in a pool ({@code wg_agenda_proposal}), not in a meeting. The deputy chair of the item's
 * area accepts it, returns it with remarks (the proposer amends and resubmits it, or withdraws it) or rejects it with
 * a reason. Accepted proposals are offered to the secretariat when it builds the agenda of a meeting; those it takes
 * are placed on that meeting's agenda and are no longer offered.
 *
 * <p>The cut-off: proposals for a meeting are taken until the end of the office day N working days (setting
 * {@code wg.proposals.cutoff-working-days}, default 3) before the § 13 deadline. One accepted later is offered to the
 * following meeting as usual and, marked «поступило после срока», to this one: the secretariat may still take it.
 */
@Service
public class AgendaProposals {

  /** The shortest remarks or reason a deputy chair gives when returning or rejecting a proposal. */
  static final int MIN_REASON = 10;

  private final JdbcTemplate jdbc;
  private final IdentityDirectory identity;
  private final MeetingRecord record;
  private final MeetingDeadlines deadlines;
  private final ProductionCalendar calendar;
  private final int cutoffWorkingDays;

  public AgendaProposals(JdbcTemplate jdbc, IdentityDirectory identity, MeetingRecord record,
                         MeetingDeadlines deadlines, ProductionCalendar calendar,
                         @Value("${wg.proposals.cutoff-working-days:3}") int cutoffWorkingDays) {
    if (cutoffWorkingDays < 0 || cutoffWorkingDays > 30) {
      throw new IllegalArgumentException("wg.proposals.cutoff-working-days: from 0 to 30 working days, not "
          + cutoffWorkingDays);
    }
    this.jdbc = jdbc;
    this.identity = identity;
    this.record = record;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.cutoffWorkingDays = cutoffWorkingDays;
  }

  /** Where a proposal stands. */
  public enum State {
    UNDER_REVIEW("на рассмотрении заместителя председателя"),
    RETURNED("возвращено на доработку"),
    ACCEPTED("принято"),
    REJECTED("отклонено"),
    WITHDRAWN("отозвано");

    private final String title;

    State(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /** The deputy chair's decision on a proposal. */
  public enum Review {
    ACCEPT, RETURN, REJECT
  }

  /** The proposer's answer to remarks. */
  public enum Amendment {
    RESUBMIT, WITHDRAW
  }

  /** What a proposal says, as submitted (texts already cleaned at the boundary; codes not yet checked). */
  public record Draft(String title, String itemType, String speaker, String area, String draftDecision,
                      String materials) {
  }

  /** A proposal of the pool. */
  public record Proposal(long id, String title, AgendaItemType type, String speaker, DeputyArea area,
                         String draftDecision, String materials, String proposedBy, OffsetDateTime proposedAt,
                         State state, String reviewedBy, String remarks, OffsetDateTime acceptedAt, String placedKey,
                         Integer placedItemNo) {
    /** «Предложение № 12 «Об утверждении …»». */
    public String label() {
      return "Предложение № " + id + " «" + title + "»";
    }

    /** The agenda item it becomes (numbered later). */
    public AgendaItem asItem(int no) {
      return new AgendaItem(no, title, type, speaker, materials, area.groupId());
    }
  }

  /**
   * An accepted proposal offered for a meeting's agenda.
   *
   * @param late accepted after the meeting's cut-off: offered, marked «поступило после срока»
   */
  public record Offered(Proposal proposal, boolean late) {
    /** The form's value: the proposal's number. */
    public String value() {
      return Long.toString(proposal.id());
    }

    public String label() {
      return proposal.label() + " — докладчик: " + proposal.speaker() + "; проект решения: "
          + shorten(proposal.draftDecision(), 200) + (late ? " (поступило после срока)" : "");
    }
  }

  // ------------------------------------------------------------------------------------------------ proposing

  /**
   * A proposal enters the pool, to be reviewed by the deputy chair of its area. Only a member of the working group,
   * a deputy chair or the secretariat may propose; every field is required and checked; nothing is stored otherwise.
   */
  public Proposal submit(Draft draft, String actor, String processInstanceId) {
    if (actor == null || !(identity.isMember(actor, RosterGroups.MEMBERS)
        || identity.isMember(actor, RosterGroups.DEPUTY_CHAIRS)
        || identity.isMember(actor, RosterGroups.SECRETARIAT))) {
      throw Refusal.forbidden("Предложить вопрос в повестку может член Рабочей группы, заместитель председателя или "
          + "секретариат (департамент организации управления)");
    }
    Checked c = check(draft);
    OffsetDateTime now = now();
    jdbc.update("INSERT INTO wg_agenda_proposal (title, item_type, speaker, area, draft_decision, materials,"
        + " proposed_by, proposed_at, state, process_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        draft.title(), c.type().name(), draft.speaker(), c.area().groupId(), draft.draftDecision(),
        draft.materials(), actor, now, State.UNDER_REVIEW.name(), processInstanceId);
    long id = jdbc.queryForObject("SELECT MAX(id) FROM wg_agenda_proposal WHERE proposed_by = ?", Long.class, actor);
    event(id, "SUBMITTED", "Предложение внесено: направление «" + c.area().title() + "»", actor);
    return get(id);
  }

  /** The proposal {@code id}; refused when there is none. */
  public Proposal get(long id) {
    return find(id).orElseThrow(() -> Refusal.notFound("Предложение в повестку № " + id + " не найдено"));
  }

  public Optional<Proposal> find(long id) {
    return jdbc.query("SELECT * FROM wg_agenda_proposal WHERE id = ?", ROW, id).stream().findFirst();
  }

  /** Whether {@code userId} may review the proposal: the deputy chair (or his office) of the proposal's area. */
  public boolean isReviewer(Proposal proposal, String userId) {
    return identity.isMember(userId, proposal.area().groupId());
  }

  /**
   * § 8: the deputy chair of the item's area accepts the proposal, returns it with remarks, or rejects it with a
   * reason. Anyone else is refused; so is a proposal no longer under review.
   *
   * @return the proposal as it now stands
   */
  public Proposal review(long id, String actor, Review decision, String remarks) {
    Proposal p = get(id);
    if (!isReviewer(p, actor)) {
      throw Refusal.forbidden("Рассмотреть предложение может только заместитель председателя, курирующий направление "
          + "«" + p.area().title() + "» (п. 8 Положения)");
    }
    if (p.state() != State.UNDER_REVIEW) {
      throw Refusal.conflict(p.label() + " не на рассмотрении: " + p.state().title());
    }
    if (decision == null) {
      throw new Refusal("Выберите решение: принять предложение, вернуть его на доработку или отклонить");
    }
    String text = remarks == null ? null : remarks.strip();
    if (decision != Review.ACCEPT && (text == null || text.length() < MIN_REASON)) {
      throw new Refusal(decision == Review.RETURN
          ? "Укажите замечания, с которыми предложение возвращается на доработку (не короче " + MIN_REASON
              + " символов)"
          : "Укажите причину отклонения предложения (не короче " + MIN_REASON + " символов)");
    }
    OffsetDateTime now = now();
    State state = switch (decision) {
      case ACCEPT -> State.ACCEPTED;
      case RETURN -> State.RETURNED;
      case REJECT -> State.REJECTED;
    };
    jdbc.update("UPDATE wg_agenda_proposal SET state = ?, reviewed_by = ?, reviewed_at = ?, review_remarks = ?,"
        + " accepted_at = ? WHERE id = ?", state.name(), actor, now, decision == Review.ACCEPT ? null : text,
        decision == Review.ACCEPT ? now : null, id);
    event(id, decision == Review.ACCEPT ? "ACCEPTED" : decision == Review.RETURN ? "RETURNED" : "REJECTED",
        decision == Review.ACCEPT ? "Предложение принято" : text, actor);
    return get(id);
  }

  /**
   * The proposer answers the remarks: amends the proposal and sends it to the deputy chair again (the area may change,
   * and with it the reviewer), or withdraws it. Only the proposer, only while the proposal is returned.
   */
  public Proposal amend(long id, String actor, Amendment answer, Draft draft) {
    Proposal p = get(id);
    if (actor == null || !actor.equals(p.proposedBy())) {
      throw Refusal.forbidden("Доработать или отозвать предложение может только тот, кто его внёс");
    }
    if (p.state() != State.RETURNED) {
      throw Refusal.conflict(p.label() + " не возвращено на доработку: " + p.state().title());
    }
    if (answer == null) {
      throw new Refusal("Выберите: направить доработанное предложение на рассмотрение снова или отозвать его");
    }
    if (answer == Amendment.WITHDRAW) {
      jdbc.update("UPDATE wg_agenda_proposal SET state = ? WHERE id = ?", State.WITHDRAWN.name(), id);
      event(id, "WITHDRAWN", "Предложение отозвано", actor);
      return get(id);
    }
    Checked c = check(draft);
    jdbc.update("UPDATE wg_agenda_proposal SET title = ?, item_type = ?, speaker = ?, area = ?, draft_decision = ?,"
        + " materials = ?, state = ? WHERE id = ?", draft.title(), c.type().name(), draft.speaker(),
        c.area().groupId(), draft.draftDecision(), draft.materials(), State.UNDER_REVIEW.name(), id);
    event(id, "RESUBMITTED", "Предложение доработано и направлено на рассмотрение снова", actor);
    return get(id);
  }

  // ------------------------------------------------------------------------------------------------- cut-off

  /** The last day proposals for a meeting on {@code meetingDate} are taken (N working days before the § 13 day). */
  public LocalDate cutoff(LocalDate meetingDate) {
    return calendar.minusWorkingDays(deadlines.deadline(DeadlineKind.AGENDA_TO_CHAIR, meetingDate).date(),
        cutoffWorkingDays);
  }

  /** The instant of the cut-off: the end of the office day of {@link #cutoff}. */
  public OffsetDateTime cutoffAt(LocalDate meetingDate) {
    return deadlines.endOfOfficeDay(cutoff(meetingDate));
  }

  /** «7 декабря 2026 г.»: the cut-off as people read it. */
  public String cutoffText(LocalDate meetingDate) {
    return RussianDates.date(cutoff(meetingDate));
  }

  public int cutoffWorkingDays() {
    return cutoffWorkingDays;
  }

  // ---------------------------------------------------------------------------------------- offered, placed

  /**
   * What the secretariat is offered when it builds the agenda of meeting {@code key}: every accepted proposal not
   * placed on another meeting's agenda (placed on a cancelled one counts as not placed), those already placed on this
   * meeting included. In time first, then those accepted after this meeting's cut-off; each in the order accepted.
   */
  public List<Offered> offered(String key) {
    OffsetDateTime cutoffAt = cutoffAt(meetingDate(key));
    List<Offered> offered = new ArrayList<>();
    for (Proposal p : jdbc.query("SELECT * FROM wg_agenda_proposal WHERE state = ? ORDER BY accepted_at, id", ROW,
        State.ACCEPTED.name())) {
      if (p.placedKey() == null || p.placedKey().equals(key) || cancelled(p.placedKey())) {
        offered.add(new Offered(p, p.acceptedAt().isAfter(cutoffAt)));
      }
    }
    offered.sort(Comparator.comparing(Offered::late));
    return offered;
  }

  /** The proposals placed on the agenda of meeting {@code key}. */
  public List<Proposal> placedOn(String key) {
    return jdbc.query("SELECT * FROM wg_agenda_proposal WHERE placed_key = ? AND state = ? ORDER BY placed_item_no, id",
        ROW, key, State.ACCEPTED.name());
  }

  /**
   * The agenda with the proposals the secretariat chose ({@link Offered#value}) added at its end — those whose title
   * is not in it already. A proposal not offered for this meeting is refused. Nothing is written.
   */
  public List<AgendaItem> withChosen(String key, List<AgendaItem> items, List<String> chosen) {
    List<AgendaItem> agenda = new ArrayList<>(items);
    Set<String> titles = new LinkedHashSet<>();
    items.forEach(i -> titles.add(norm(i.title())));
    for (Proposal p : chosenProposals(key, chosen)) {
      if (titles.add(norm(p.title()))) {
        agenda.add(p.asItem(agenda.size() + 1));
      }
    }
    return agenda;
  }

  /**
   * The agenda of meeting {@code key} was submitted with the proposals chosen: each is placed on it (linked to the
   * item with its title, {@code null} when the secretariat changed the title). One placed on it before stays placed
   * while its item is in the agenda, ticked or not; taken out of the agenda and not ticked, it goes back to the pool.
   */
  public void agendaSubmitted(String key, List<AgendaItem> items, List<String> chosen, String actor) {
    List<Proposal> taken = new ArrayList<>(chosenProposals(key, chosen));
    MeetingRef ref = MeetingRef.parse(key);
    for (Proposal p : placedOn(key)) {
      boolean ticked = taken.stream().anyMatch(t -> t.id() == p.id());
      boolean listed = items.stream().anyMatch(i -> norm(i.title()).equals(norm(p.title())));
      if (!ticked && listed) {
        taken.add(p);
      } else if (!ticked) {
        jdbc.update("UPDATE wg_agenda_proposal SET placed_key = NULL, placed_item_no = NULL, placed_by = NULL,"
            + " placed_at = NULL WHERE id = ?", p.id());
        event(p.id(), "UNPLACED", "Снято с повестки заседания " + ref.display() + "; снова в перечне предложений",
            actor);
      }
    }
    for (Proposal p : taken) {
      Integer no = items.stream().filter(i -> norm(i.title()).equals(norm(p.title()))).map(AgendaItem::no)
          .findFirst().orElse(null);
      boolean wasPlaced = key.equals(p.placedKey());
      if (wasPlaced) {
        jdbc.update("UPDATE wg_agenda_proposal SET placed_item_no = ? WHERE id = ?", no, p.id());
      } else {
        jdbc.update("UPDATE wg_agenda_proposal SET placed_key = ?, placed_item_no = ?, placed_by = ?, placed_at = ?"
            + " WHERE id = ?", key, no, actor, now(), p.id());
        event(p.id(), "PLACED", "Включено в повестку заседания " + ref.display()
            + (no == null ? "" : ", вопрос " + no), actor);
        record.event(key, MeetingEventKind.AGENDA_SUBMITTED, "В повестку включено " + p.label()
            + (no == null ? "" : " (вопрос " + no + ")"), actor);
      }
    }
  }

  private List<Proposal> chosenProposals(String key, List<String> chosen) {
    Map<String, Offered> offered = new LinkedHashMap<>();
    offered(key).forEach(o -> offered.put(o.value(), o));
    List<Proposal> proposals = new ArrayList<>();
    for (String value : chosen) {
      Offered o = offered.get(value == null ? "" : value.trim());
      if (o == null) {
        throw new Refusal("Поле «Предложения в повестку»: предложение «" + value + "» не может быть включено в "
            + "повестку этого заседания — включаются только принятые заместителем председателя предложения, ещё не "
            + "включённые в повестку другого заседания");
      }
      if (proposals.stream().noneMatch(p -> p.id() == o.proposal().id())) {
        proposals.add(o.proposal());
      }
    }
    return proposals;
  }

  // -------------------------------------------------------------------------------------------------- helpers

  private record Checked(AgendaItemType type, DeputyArea area) {
  }

  /** Every field required; the type and area from the lists offered. All problems at once. */
  private static Checked check(Draft draft) {
    List<String> problems = new ArrayList<>();
    if (draft == null) {
      throw new Refusal("Заполните предложение: формулировка вопроса, вид вопроса, докладчик, направление, проект "
          + "решения, материалы");
    }
    if (draft.title() == null || draft.title().length() < 5) {
      problems.add("укажите формулировку вопроса (не короче 5 символов)");
    }
    AgendaItemType type = Arrays.stream(AgendaItemType.values()).filter(t -> t.name().equals(draft.itemType()))
        .findFirst().orElse(null);
    if (type == null) {
      problems.add("выберите вид вопроса из предложенных");
    }
    if (draft.speaker() == null || draft.speaker().length() < 3) {
      problems.add("укажите докладчика (ФИО и должность)");
    }
    DeputyArea area = draft.area() == null ? null : DeputyArea.byGroupId(draft.area()).orElse(null);
    if (area == null) {
      problems.add("выберите направление заместителя председателя из предложенных");
    }
    if (draft.draftDecision() == null || draft.draftDecision().length() < 10) {
      problems.add("изложите проект решения (не короче 10 символов)");
    }
    if (draft.materials() == null || draft.materials().length() < 5) {
      problems.add("приложите информационные материалы — ссылки на документы (п. 13 Положения)");
    }
    if (!problems.isEmpty()) {
      throw new Refusal("Предложение в повестку не принято: " + String.join("; ", problems));
    }
    return new Checked(type, area);
  }

  private LocalDate meetingDate(String key) {
    return RussianDates.localDate(record.get(key).start());
  }

  private boolean cancelled(String key) {
    return record.find(key).map(m -> m.status() == MeetingStatus.CANCELLED).orElse(false);
  }

  private void event(long id, String kind, String details, String actor) {
    jdbc.update("INSERT INTO wg_agenda_proposal_event (proposal_id, event_kind, details, actor, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?)", id, kind, shorten(details, 4000), actor, now());
  }

  private static String norm(String title) {
    return title == null ? "" : title.strip().replaceAll("\\s+", " ");
  }

  static String shorten(String text, int max) {
    return text == null ? "" : text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }

  private static final RowMapper<Proposal> ROW = AgendaProposals::row;

  private static Proposal row(ResultSet rs, int i) throws SQLException {
    return new Proposal(rs.getLong("id"), rs.getString("title"), AgendaItemType.valueOf(rs.getString("item_type")),
        rs.getString("speaker"), DeputyArea.byGroupId(rs.getString("area")).orElseThrow(),
        rs.getString("draft_decision"), rs.getString("materials"), rs.getString("proposed_by"),
        rs.getObject("proposed_at", OffsetDateTime.class), State.valueOf(rs.getString("state")),
        rs.getString("reviewed_by"), rs.getString("review_remarks"),
        rs.getObject("accepted_at", OffsetDateTime.class), rs.getString("placed_key"),
        rs.getObject("placed_item_no") == null ? null : rs.getInt("placed_item_no"));
  }
}
