package ru.nso.wg.materials;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.MaterialFiles;
import ru.nso.wg.document.MaterialStore;
import ru.nso.wg.document.StoredDocument;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The speakers' materials of agenda items (issue 16, point 2; § 13, § 14 (3)): who speaks to each item (a member of
 * the roster, or an outside speaker by e-mail), the request to them (a Tasklist task for a member, a link by e-mail
 * for an outside speaker), the uploads until the materials deadline ({@link DeadlineKind#MATERIALS}), the reminder
 * and, when the deadline passes with nothing uploaded, the note to the secretariat. Every method checks first and
 * refuses with a {@link Refusal} before anything is written.
 */
@Service
public class SpeakerMaterials {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*"
      + "\\.[A-Za-z]{2,63}");
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final JdbcTemplate jdbc;
  private final MeetingRecord record;
  private final Roster roster;
  private final MeetingDeadlines deadlines;
  private final MaterialLinks links;
  private final MaterialStore store;
  private final MaterialsMail mail;
  private final MaterialsProperties properties;

  public SpeakerMaterials(JdbcTemplate jdbc, MeetingRecord record, Roster roster, MeetingDeadlines deadlines,
                          MaterialLinks links, MaterialStore store, MaterialsMail mail,
                          MaterialsProperties properties) {
    this.jdbc = jdbc;
    this.record = record;
    this.roster = roster;
    this.deadlines = deadlines;
    this.links = links;
    this.store = store;
    this.mail = mail;
    this.properties = properties;
  }

  /** The speaker of an item who provides its materials: a roster member ({@code userId}) or an outside e-mail. */
  public record Speaker(String userId, String email) {
    public boolean outside() {
      return userId == null;
    }
  }

  /** What the speaker of an item was asked, and whether materials came. */
  public record Request(String meetingKey, int itemNo, Speaker speaker, Instant dueAt, Instant requestedAt,
                        Instant missedAt) {
  }

  /**
   * The speaker of an item as the secretariat entered it: a login of the roster (group {@code wg-members}) or an
   * e-mail address; empty means no speaker's materials are asked for the item.
   *
   * @return the problem in Russian, or empty when the contact is acceptable
   */
  public Optional<String> problemOf(String contact) {
    if (contact == null || contact.isBlank()) {
      return Optional.empty();
    }
    String value = contact.trim();
    if (value.contains("@")) {
      return EMAIL.matcher(value).matches() && value.length() <= 320 ? Optional.empty()
          : Optional.of("адрес электронной почты докладчика «" + value + "» указан неверно");
    }
    if (!LOGIN.matcher(value).matches() || roster.member(value).isEmpty()) {
      return Optional.of("докладчик «" + value + "» не найден среди членов Рабочей группы: укажите логин члена "
          + "Рабочей группы или адрес электронной почты внешнего докладчика");
    }
    return Optional.empty();
  }

  /**
   * The agenda was submitted (§ 13) with the speakers' contacts by item number (blank: none). Checks every contact
   * first (all problems in one refusal); then records who speaks to which item with the materials deadline. An item
   * whose speaker changed is asked again (its earlier links revoked); an item no longer on the agenda is dropped.
   */
  public void speakersNamed(String key, Map<Integer, String> contacts) {
    List<String> problems = new ArrayList<>();
    contacts.forEach((no, contact) -> problemOf(contact).ifPresent(p -> problems.add("вопрос № " + no + ": " + p)));
    Refusal.refuseIf(problems);
    Instant due = deadline(key).instant();
    int items = record.agenda(key).size();
    for (Request old : requests(key)) {
      if (old.itemNo() > items || !contacts.containsKey(old.itemNo()) || speaker(contacts.get(old.itemNo())).isEmpty()
          || !speaker(contacts.get(old.itemNo())).get().equals(old.speaker())) {
        links.revoke(key, old.itemNo());
        jdbc.update("DELETE FROM wg_material_request WHERE meeting_key = ? AND item_no = ?", key, old.itemNo());
      }
    }
    contacts.forEach((no, contact) -> speaker(contact).ifPresent(s -> {
      if (request(key, no).isEmpty()) {
        jdbc.update("INSERT INTO wg_material_request (meeting_key, item_no, speaker_user, speaker_email, due_at)"
            + " VALUES (?, ?, ?, ?, ?)", key, no, s.userId(), s.email(), Timestamp.from(due));
      }
    }));
  }

  /** The items whose speakers are still to be asked (the materials step's instances, one per item). */
  public List<Integer> toRequest(String key) {
    return jdbc.queryForList("SELECT item_no FROM wg_material_request WHERE meeting_key = ? AND requested_at IS NULL"
        + " ORDER BY item_no", Integer.class, key);
  }

  /**
   * Asks the speaker of item {@code itemNo} for materials: an outside speaker gets an e-mail with an upload link for
   * that item, valid until the deadline; a member gets the Tasklist task (made by the process).
   *
   * @return the speaker's user id for the task, or {@code null} for an outside speaker
   */
  public String ask(String key, int itemNo) {
    Request request = request(key, itemNo).orElseThrow(() -> Refusal.notFound("У вопроса № " + itemNo
        + " заседания " + key + " нет докладчика, от которого ожидаются материалы"));
    jdbc.update("UPDATE wg_material_request SET requested_at = ? WHERE meeting_key = ? AND item_no = ?",
        Timestamp.from(now()), key, itemNo);
    if (request.speaker().outside()) {
      sendLink(request, false);
    }
    return request.speaker().userId();
  }

  /** The reminder before the deadline, to every asked speaker whose item has no materials yet. */
  public int remind(String key) {
    int reminded = 0;
    for (Request request : requests(key)) {
      if (request.requestedAt() != null && request.missedAt() == null
          && store.ofItem(key, request.itemNo()).isEmpty() && now().isBefore(request.dueAt())) {
        if (request.speaker().outside()) {
          sendLink(request, true);
        } else {
          mail.remindMember(key, request.itemNo(), request.speaker().userId(), dueText(request));
        }
        reminded++;
      }
    }
    return reminded;
  }

  /**
   * The materials deadline passed: every item asked with nothing uploaded is marked «материалы не представлены»
   * and the secretariat is told which; the links stop working. The agenda goes on as it is.
   *
   * @return the numbers of the items without materials
   */
  public List<Integer> deadlinePassed(String key) {
    List<Integer> missing = new ArrayList<>();
    for (Request request : requests(key)) {
      links.revoke(key, request.itemNo());
      if (store.ofItem(key, request.itemNo()).isEmpty()) {
        missing.add(request.itemNo());
        if (request.missedAt() == null) {
          jdbc.update("UPDATE wg_material_request SET missed_at = ? WHERE meeting_key = ? AND item_no = ?",
              Timestamp.from(now()), key, request.itemNo());
        }
      }
    }
    if (!missing.isEmpty()) {
      List<AgendaItem> agenda = record.agenda(key);
      List<String> lines = new ArrayList<>();
      for (Integer no : missing) {
        String title = agenda.stream().filter(i -> i.no() == no).map(AgendaItem::title).findFirst().orElse("");
        Request r = request(key, no).orElseThrow();
        lines.add("вопрос № " + no + " «" + title + "» — докладчик " + speakerText(r.speaker()));
      }
      mail.materialsMissing(key, lines, dueText(request(key, missing.get(0)).orElseThrow()));
    }
    return missing;
  }

  /** An outside speaker uploads through the link: the file is checked and stored for the link's item. */
  @Transactional
  public StoredDocument uploadByLink(String token, String fileName, byte[] content) {
    MaterialLinks.Scope scope = links.resolve(token);
    Request request = request(scope.meetingKey(), scope.itemNo())
        .filter(r -> r.speaker().outside() && r.speaker().email().equalsIgnoreCase(scope.email()))
        .orElseThrow(() -> Refusal.forbidden("Ссылка больше не действует: докладчик по вопросу изменён. "
            + "Обратитесь в секретариат Рабочей группы"));
    return upload(request, fileName, content, scope.email() + " (внешний докладчик)");
  }

  /**
   * A member uploads in the application (Tasklist session): the item's speaker, or the secretariat on their behalf.
   */
  @Transactional
  public StoredDocument uploadAsMember(String key, int itemNo, String fileName, byte[] content, String userId) {
    Request request = request(key, itemNo).orElseThrow(() -> Refusal.notFound("У вопроса № " + itemNo
        + " нет докладчика, от которого ожидаются материалы"));
    boolean secretariat = roster.isInGroup(userId, RosterGroups.SECRETARIAT);
    if (!secretariat && !userId.equals(request.speaker().userId())) {
      throw Refusal.forbidden("Материалы к вопросу № " + itemNo + " загружает докладчик по вопросу или секретариат");
    }
    return upload(request, fileName, content, userId);
  }

  /** The member completes «Представить материалы к вопросу N»: refused while nothing is uploaded. */
  public void submitted(String key, int itemNo) {
    if (store.ofItem(key, itemNo).isEmpty()) {
      throw new Refusal("К вопросу № " + itemNo + " не загружено ни одного файла: загрузите материалы по ссылке "
          + "«Загрузить материалы», затем завершите задачу");
    }
  }

  /** The title of an agenda item as the secretariat entered it (empty when there is no such item). */
  public String itemTitle(String key, int itemNo) {
    return record.agenda(key).stream().filter(i -> i.no() == itemNo).map(AgendaItem::title).findFirst().orElse("");
  }

  /** The upload link of a request's page, for the member's task form. */
  public static String uploadPath(String key, int itemNo) {
    return "/api/meetings/" + key + "/materials/" + itemNo + "/upload";
  }

  public Optional<Request> request(String key, int itemNo) {
    return jdbc.query("SELECT meeting_key, item_no, speaker_user, speaker_email, due_at, requested_at, missed_at"
        + " FROM wg_material_request WHERE meeting_key = ? AND item_no = ?", (rs, n) -> row(rs), key, itemNo)
        .stream().findFirst();
  }

  public List<Request> requests(String key) {
    return jdbc.query("SELECT meeting_key, item_no, speaker_user, speaker_email, due_at, requested_at, missed_at"
        + " FROM wg_material_request WHERE meeting_key = ? ORDER BY item_no", (rs, n) -> row(rs), key);
  }

  /** The materials deadline of the meeting (the setting's working days before § 13). */
  public Deadline deadline(String key) {
    return deadlines.deadline(DeadlineKind.MATERIALS, RussianDates.localDate(record.get(key).start()));
  }

  private StoredDocument upload(Request request, String fileName, byte[] content, String actor) {
    if (request.missedAt() != null || !now().isBefore(deadline(request.meetingKey()).instant())) {
      throw Refusal.conflict("Срок представления материалов к вопросу № " + request.itemNo() + " истёк ("
          + dueText(request) + "): обратитесь в секретариат Рабочей группы");
    }
    MaterialFiles.Checked checked = MaterialFiles.check(fileName, content, properties.maxFileBytes());
    return store.add(request.meetingKey(), request.itemNo(), checked, content, actor);
  }

  private void sendLink(Request request, boolean reminder) {
    String token = links.issue(request.meetingKey(), request.itemNo(), request.speaker().email(), request.dueAt());
    mail.sendLink(request.meetingKey(), request.itemNo(), request.speaker().email(), token, dueText(request),
        reminder);
  }

  private String dueText(Request request) {
    return RussianDates.numericDateTime(request.dueAt().atZone(RussianDates.ZONE).toOffsetDateTime());
  }

  private String speakerText(Speaker speaker) {
    return speaker.outside() ? speaker.email() + " (внешний докладчик)"
        : roster.member(speaker.userId()).map(Roster.Person::fullName).orElse(speaker.userId());
  }

  private Optional<Speaker> speaker(String contact) {
    if (contact == null || contact.isBlank()) {
      return Optional.empty();
    }
    String value = contact.trim();
    return Optional.of(value.contains("@") ? new Speaker(null, value.toLowerCase(Locale.ROOT))
        : new Speaker(value, null));
  }

  private static Request row(ResultSet rs) throws SQLException {
    String user = rs.getString("speaker_user");
    Timestamp requested = rs.getTimestamp("requested_at");
    Timestamp missed = rs.getTimestamp("missed_at");
    return new Request(rs.getString("meeting_key"), rs.getInt("item_no"), new Speaker(user,
        rs.getString("speaker_email")), rs.getTimestamp("due_at").toInstant(),
        requested == null ? null : requested.toInstant(), missed == null ? null : missed.toInstant());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
