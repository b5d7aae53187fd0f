package ru.nso.wg.meeting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.rules.DecisionRule;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * § 15: an item not decided for lack of quorum ({@link DecisionRule#NO_QUORUM}, as recorded) is not lost. The chair's
 * next confirmation of a meeting of the group offers it; the items chosen come into that meeting's agenda, marked
 * «перенесён с заседания № 3/2026», and the record of the first meeting says where each went (table
 * {@code wg_carried_item} and the events of both meetings).
 */
@Service
public class CarriedItems {

  private final JdbcTemplate jdbc;
  private final MeetingRecord record;

  public CarriedItems(JdbcTemplate jdbc, MeetingRecord record) {
    this.jdbc = jdbc;
    this.record = record;
  }

  /**
   * An item that can be carried over, or was.
   *
   * @param toKey    the meeting it was carried to, {@code null} while it waits
   * @param toItemNo its number in that meeting's agenda, {@code null} until the agenda is submitted
   */
  public record Carried(String fromKey, MeetingRef fromRef, AgendaItem item, String toKey, Integer toItemNo) {
    /** The form's value: «2026-3/2». */
    public String value() {
      return fromKey + "/" + item.no();
    }

    /** «№ 3/2026, вопрос 2: Об утверждении …». */
    public String label() {
      return fromRef.display() + ", вопрос " + item.no() + ": " + item.title();
    }

    /** «перенесён с заседания № 3/2026 (вопрос 2)». */
    public String mark() {
      return "перенесён с заседания " + fromRef.display() + " (вопрос " + item.no() + ")";
    }
  }

  /**
   * What the confirmation of meeting {@code key} offers: every item of another meeting not decided for lack of
   * quorum and not carried elsewhere (those already carried to this meeting included), oldest meeting first.
   */
  public List<Carried> offered(String key) {
    List<Carried> offered = new ArrayList<>();
    Map<String, Carried> carried = new LinkedHashMap<>();
    all().forEach(c -> carried.put(c.value(), c));
    List<String> keys = jdbc.queryForList("SELECT DISTINCT business_key FROM wg_decision WHERE rule_applied = ?"
        + " AND business_key <> ?", String.class, DecisionRule.NO_QUORUM.name(), key);
    for (String from : keys) {
      MeetingRef ref = MeetingRef.parse(from);
      Map<Integer, AgendaItem> agenda = new LinkedHashMap<>();
      record.agenda(from).forEach(i -> agenda.put(i.no(), i));
      for (ItemDecision decision : record.decisions(from)) {
        AgendaItem item = agenda.get(decision.itemNo());
        if (decision.rule() != DecisionRule.NO_QUORUM || item == null) {
          continue;
        }
        Carried existing = carried.get(from + "/" + item.no());
        if (existing == null || existing.toKey().equals(key)) {
          offered.add(new Carried(from, ref, item, existing == null ? null : existing.toKey(),
              existing == null ? null : existing.toItemNo()));
        }
      }
    }
    offered.sort((a, b) -> a.fromRef().year() != b.fromRef().year() ? Integer.compare(a.fromRef().year(),
        b.fromRef().year()) : a.fromRef().number() != b.fromRef().number()
        ? Integer.compare(a.fromRef().number(), b.fromRef().number()) : Integer.compare(a.item().no(), b.item().no()));
    return offered;
  }

  /**
   * The chair chose, at the confirmation of meeting {@code key}, the items carried over to it ({@link Carried#value}
   * of {@link #offered}); a choice made at an earlier confirmation of the same meeting is replaced. An item not
   * offered is refused.
   */
  public List<Carried> carry(String key, List<String> chosen, String actor) {
    Map<String, Carried> offered = new LinkedHashMap<>();
    offered(key).forEach(c -> offered.put(c.value(), c));
    List<Carried> carried = new ArrayList<>();
    for (String value : chosen) {
      Carried c = offered.get(value == null ? "" : value.trim());
      if (c == null) {
        throw new Refusal("Поле «Перенесённые вопросы»: вопрос «" + value + "» не может быть перенесён на это "
            + "заседание — переносятся только вопросы, решение по которым не принималось из-за отсутствия кворума "
            + "(п. 15 Положения) и которые ещё не перенесены на другое заседание");
      }
      carried.add(c);
    }
    MeetingRef to = MeetingRef.parse(key);
    for (Carried c : all()) {
      if (key.equals(c.toKey()) && carried.stream().noneMatch(n -> n.value().equals(c.value()))) {
        jdbc.update("DELETE FROM wg_carried_item WHERE from_key = ? AND from_item_no = ?", c.fromKey(), c.item().no());
        record.event(c.fromKey(), MeetingEventKind.ITEM_CARRIED_OVER, "Вопрос " + c.item().no() + " «"
            + c.item().title() + "» больше не переносится на заседание " + to.display(), actor);
      }
    }
    for (Carried c : carried) {
      if (c.toKey() != null) {
        continue;
      }
      jdbc.update("INSERT INTO wg_carried_item (from_key, from_item_no, to_key, chosen_by, chosen_at)"
          + " VALUES (?, ?, ?, ?, ?)", c.fromKey(), c.item().no(), key, actor, now());
      record.event(c.fromKey(), MeetingEventKind.ITEM_CARRIED_OVER, "Вопрос " + c.item().no() + " «"
          + c.item().title() + "» (решение не принималось: нет кворума) перенесён на заседание " + to.display(),
          actor);
      record.event(key, MeetingEventKind.ITEM_CARRIED_OVER, "В повестку включается вопрос " + c.item().no()
          + " «" + c.item().title() + "», " + c.mark(), actor);
    }
    return carried;
  }

  /** The items carried over to meeting {@code key}, in the order they were chosen. */
  public List<Carried> carriedTo(String key) {
    return all().stream().filter(c -> key.equals(c.toKey())).toList();
  }

  /** Where the items of meeting {@code key} not decided for lack of quorum went. */
  public List<Carried> carriedFrom(String key) {
    return all().stream().filter(c -> key.equals(c.fromKey())).toList();
  }

  /** The mark of agenda item {@code itemNo} of meeting {@code key}, if it was carried over from another meeting. */
  public Optional<String> markOf(String key, int itemNo) {
    return carriedTo(key).stream().filter(c -> c.toItemNo() != null && c.toItemNo() == itemNo).map(Carried::mark)
        .findFirst();
  }

  /**
   * The agenda of meeting {@code key} was submitted: each carried item is linked to the agenda item with its title
   * (the secretariat may reorder the items), or to none when it was taken out.
   */
  public void agendaSubmitted(String key, List<AgendaItem> items) {
    for (Carried c : carriedTo(key)) {
      Integer no = items.stream().filter(i -> i.title() != null && i.title().trim().equals(c.item().title().trim()))
          .map(AgendaItem::no).findFirst().orElse(null);
      jdbc.update("UPDATE wg_carried_item SET to_item_no = ? WHERE from_key = ? AND from_item_no = ?", no,
          c.fromKey(), c.item().no());
    }
  }

  private List<Carried> all() {
    record Row(String fromKey, int fromItemNo, String toKey, Integer toItemNo) {
    }
    List<Row> rows = jdbc.query("SELECT * FROM wg_carried_item ORDER BY id", (rs, i) -> new Row(
        rs.getString("from_key"), rs.getInt("from_item_no"), rs.getString("to_key"),
        rs.getObject("to_item_no") == null ? null : ((Number) rs.getObject("to_item_no")).intValue()));
    List<Carried> all = new ArrayList<>();
    for (Row row : rows) {
      record.agenda(row.fromKey()).stream().filter(i -> i.no() == row.fromItemNo()).findFirst().ifPresent(item ->
          all.add(new Carried(row.fromKey(), MeetingRef.parse(row.fromKey()), item, row.toKey(), row.toItemNo())));
    }
    return all;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC);
  }
}
