package ru.nso.wg.replies;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.InputText;
import ru.nso.wg.common.LinkSecret;
import ru.nso.wg.common.LinkTokens;
import ru.nso.wg.common.LinkTokens.Claims;
import ru.nso.wg.common.LinkTokens.InvalidToken;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingData.Invitee;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.meeting.VotingProperties;
import ru.nso.wg.meeting.rules.Quorum;
import ru.nso.wg.meeting.rules.QuorumRule;
import ru.nso.wg.roster.Roster;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * § 14, § 15: who will attend a meeting. Members (and invitees) reply «буду очно» / «буду по ВКС» / «не смогу» by a
 * one-click link of the agenda mail (a signed token bound to the person, the meeting and its start, expiring at the
 * start, single-use) or, members, in Tasklist. Every reply is kept ({@code wg_attendance_reply}); the latest reply of
 * a person given for the meeting's current start counts — a postponement makes earlier replies void. A reason or a
 * written position on items is kept for information and never counted as a vote. From the replies: the quorum
 * forecast under the configured rule, whether the quorum is threatened, who is silent, and the attendance form's
 * starting marks.
 */
@Service
public class AttendanceReplies {

  /** The purpose a reply link's token is issued for. */
  public static final String PURPOSE = "attendance-reply";
  /** The path of the reply page; {@code /reply/{meeting}/{subject}?token=…&answer=…}. */
  public static final String PATH = "/reply";
  public static final int POSITION_MAX = 4000;
  private static final String INVITEE = "invitee:";
  private static final Set<MeetingStatus> OPEN = EnumSet.of(MeetingStatus.PREPARATION,
      MeetingStatus.AGENDA_APPROVED, MeetingStatus.AGENDA_SENT);

  /** Who replies: a member (user id) or an invitee of the meeting ({@code invitee:} + address). */
  public record Respondent(String id, String subject, String fullName, boolean member) {
  }

  /** The three one-click links of a person, as paths under the application's address. */
  public record Links(String inPerson, String byVideo, String absent) {
  }

  /** A reply as recorded. */
  public record Reply(String respondent, String fullName, boolean member, ReplyAnswer answer, String position,
                      ReplyChannel via, OffsetDateTime repliedAt) {
    public String text() {
      return "«" + answer.text() + "» (" + RussianDates.numericDateTime(repliedAt.atZoneSameInstant(
          RussianDates.ZONE)) + ", " + via.text() + ")";
    }
  }

  /**
   * The quorum forecast: members of the roster who confirmed, declined, did not reply; the quorum of those confirmed
   * under the configured rule; whether it is threatened — the declines alone make it impossible even if every
   * silent member came.
   */
  public record Forecast(int roster, int inPerson, int byVideo, int absent, int silent, Quorum confirmed,
                         boolean threatened) {

    public int present() {
      return inPerson + byVideo;
    }

    /** The sentence the meeting's tasks show. */
    public String text() {
      String replies = "Ответы членов Рабочей группы: будут " + present() + " из " + roster + " (очно " + inPerson
          + ", по ВКС " + byVideo + "), не смогут " + absent + ", не ответили " + silent + ". ";
      if (confirmed.quorate()) {
        return replies + "Кворум подтверждён ответами (нужно не менее " + confirmed.needed() + ", "
            + confirmed.rule().wording() + ", п. 15 Положения).";
      }
      if (threatened) {
        return replies + "Кворум под угрозой: даже если придут все не ответившие, будет " + (roster - absent)
            + " из " + roster + ", а нужно не менее " + confirmed.needed() + " (п. 15 Положения).";
      }
      return replies + "Кворум ответами пока не подтверждён: нужно не менее " + confirmed.needed()
          + " (п. 15 Положения).";
    }
  }

  /** What the reply page shows; never anything of other people. */
  public record ReplyPage(String meetingTitle, String meetingDateTime, String format, String location,
                          String name, boolean member, ReplyAnswer proposed, Reply current, Reply usedBy) {
  }

  /** A reply recorded by a link. */
  public record Recorded(ReplyPage page, Reply reply) {
  }

  /** Published in the transaction of every recorded reply: the meeting's tasks show the forecast anew. */
  public record ReplyRecorded(String meetingKey) {
  }

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;
  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final Roster roster;
  private final LinkSecret secret;
  private final CalendarClock clock;
  private final QuorumRule rule;

  public AttendanceReplies(JdbcTemplate jdbc, ApplicationEventPublisher events, MeetingRecord record,
                           MeetingScheduling scheduling, Roster roster, LinkSecret secret, CalendarClock clock,
                           VotingProperties voting) {
    this.jdbc = jdbc;
    this.events = events;
    this.record = record;
    this.scheduling = scheduling;
    this.roster = roster;
    this.secret = secret;
    this.clock = clock;
    this.rule = voting.settings().quorumRule();
  }

  // ------------------------------------------------------------------------------------------------- links

  /** A member's respondent. */
  public static Respondent member(String userId, String fullName) {
    return new Respondent(userId, userId, fullName, true);
  }

  private Respondent member(Roster.Person person) {
    return member(person.id(), person.fullName());
  }

  /**
   * An invitee's respondent, or empty when the invitee has no address (nobody to send a link to). The link names the
   * invitee by a hash of the address, not by the address.
   */
  public static Optional<Respondent> invitee(String fullName, String email) {
    if (email == null || email.isBlank()) {
      return Optional.empty();
    }
    String id = INVITEE + email.trim().toLowerCase(Locale.ROOT);
    return Optional.of(new Respondent(id, "i-" + LinkTokens.id(id).substring(0, 20), fullName, false));
  }

  private static Optional<Respondent> invitee(Invitee invitee) {
    return invitee(invitee.fullName(), invitee.email());
  }

  /**
   * The one-click links of {@code respondent} for the meeting starting at {@code start} (its current start, as the
   * message that carries them says): the token expires then, and a reply by it is refused once the meeting moved.
   */
  public Links links(String key, Instant start, Respondent respondent) {
    String token = tokens().issue(new Claims(PURPOSE, key, respondent.subject(), start));
    String base = PATH + "/" + key + "/" + respondent.subject() + "?token=" + URLEncoder.encode(token,
        StandardCharsets.UTF_8) + "&answer=";
    return new Links(base + ReplyAnswer.IN_PERSON, base + ReplyAnswer.BY_VIDEO, base + ReplyAnswer.ABSENT);
  }

  // ------------------------------------------------------------------------------------------- the use cases

  /**
   * The reply page of a link (GET: changes nothing; mail scanners open links). Refused with the reason when the
   * token is not genuine, not this person's or this meeting's, expired, or issued for a start the meeting was moved
   * from; a used token shows the reply it gave.
   */
  @Transactional(readOnly = true)
  public ReplyPage page(String key, String subject, String token, String answer) {
    Checked checked = check(key, subject, token);
    ReplyAnswer proposed = answer == null || answer.isBlank() ? null : ReplyAnswer.parse(answer);
    return page(checked, proposed, usedBy(token, checked));
  }

  /**
   * Records a reply by a link (POST), at most once per token: a second use is refused (409) with the reply already
   * given, and changes nothing.
   */
  @Transactional
  public Recorded replyByLink(String key, String subject, String token, String answer, String position) {
    Checked checked = check(key, subject, token);
    ReplyAnswer parsed = ReplyAnswer.parse(answer);
    String text = InputText.clean("Причина или позиция по вопросам", position, POSITION_MAX);
    Reply used = usedBy(token, checked);
    if (used != null) {
      throw Refusal.conflict("Ответ по этой ссылке уже получен: " + used.text() + ". Повторно он не принимается.");
    }
    try {
      jdbc.update("INSERT INTO wg_link_token_use (token_sha256, purpose, used_at) VALUES (?, ?, ?)",
          LinkTokens.id(token), PURPOSE, now());
    } catch (DuplicateKeyException raced) {
      throw Refusal.conflict("Ответ по этой ссылке уже получен. Повторно он не принимается.");
    }
    Reply reply = insert(checked.meeting(), checked.respondent(), parsed, text, ReplyChannel.LINK);
    return new Recorded(page(checked, parsed, reply), reply);
  }

  /** A member replies in Tasklist, for himself only; a later reply replaces an earlier one. */
  @Transactional
  public Reply replyInTasklist(String key, String userId, ReplyAnswer answer, String position) {
    Meeting meeting = record.find(key).orElseThrow(() -> Refusal.notFound("Заседание не найдено"));
    Roster.Person person = roster.member(userId).orElseThrow(() -> Refusal.forbidden(
        "Отвечать о присутствии могут только члены Рабочей группы"));
    String text = InputText.clean("Причина или позиция по вопросам", position, POSITION_MAX);
    open(meeting);
    return insert(meeting, member(person), answer, text, ReplyChannel.TASKLIST);
  }

  /**
   * The forecast's moment has come: the forecast is recorded in the meeting's events
   * («Прогноз кворума: …; напоминание направлено не ответившим: N»).
   */
  @Transactional
  public Forecast forecastChecked(String key, int reminded) {
    Forecast forecast = forecast(key);
    record.event(key, MeetingEventKind.QUORUM_FORECAST, "Прогноз кворума: " + forecast.text()
        + (reminded > 0 ? " Напоминание об ответе направлено не ответившим: " + reminded + "." : ""), null);
    return forecast;
  }

  /**
   * The presiding person decided on «Кворум под угрозой»: keep the date, or ask for a postponement (the request
   * itself is recorded by {@code meeting.DateRequests}).
   */
  @Transactional
  public void threatDecided(String key, boolean keepDate, String actor) {
    String who = roster.anyone(actor).map(Roster.Person::fullName).orElse(actor);
    record.event(key, MeetingEventKind.QUORUM_THREAT_DECIDED, "Кворум под угрозой: " + who
        + (keepDate ? " решил(а) сохранить дату заседания." : " просит перенести заседание; запрос направлен на "
            + "решение председателя (п. 7 (3) Положения)."), actor);
  }

  // ----------------------------------------------------------------------------------------- what they say

  /** The latest reply of each person for the meeting's current start, in the order they came. */
  public List<Reply> current(String key) {
    Meeting meeting = record.get(key);
    Map<String, Reply> latest = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM wg_attendance_reply WHERE business_key = ? AND meeting_start = ? ORDER BY id", REPLY,
        key, meeting.start()).forEach(r -> {
          latest.remove(r.respondent());
          latest.put(r.respondent(), r);
        });
    return new ArrayList<>(latest.values());
  }

  /** The forecast over the current roster. */
  public Forecast forecast(String key) {
    Map<String, Reply> replies = byMember(key);
    int total = roster.members().size();
    int inPerson = 0;
    int byVideo = 0;
    int absent = 0;
    for (Roster.Person person : roster.members()) {
      Reply reply = replies.get(person.id());
      if (reply == null) {
        continue;
      }
      switch (reply.answer()) {
        case IN_PERSON -> inPerson++;
        case BY_VIDEO -> byVideo++;
        case ABSENT -> absent++;
        default -> throw new IllegalStateException(reply.answer().name());
      }
    }
    int silent = total - inPerson - byVideo - absent;
    Quorum confirmed = Quorum.check(inPerson + byVideo, total, rule);
    return new Forecast(total, inPerson, byVideo, absent, silent, confirmed, !rule.isQuorate(total - absent, total));
  }

  /** Members of the roster who have not replied for the current start. */
  public List<Roster.Person> silentMembers(String key) {
    Map<String, Reply> replies = byMember(key);
    return roster.members().stream().filter(p -> !replies.containsKey(p.id())).toList();
  }

  /** The members who said they will come in person, and by video: where the attendance form starts. */
  public List<String> membersAnswering(String key, ReplyAnswer answer) {
    return byMember(key).values().stream().filter(r -> r.answer() == answer).map(Reply::respondent).toList();
  }

  // ------------------------------------------------------------------------------------------------ inside

  private record Checked(Meeting meeting, Respondent respondent, Claims claims) {
  }

  private Checked check(String key, String subject, String token) {
    Claims claims;
    try {
      claims = tokens().verify(token, PURPOSE, key, subject, clock.now());
    } catch (InvalidToken e) {
      Refusal.Kind kind = switch (e.problem()) {
        case MALFORMED, FORGED -> Refusal.Kind.INVALID;
        case FOREIGN -> Refusal.Kind.FORBIDDEN;
        case EXPIRED -> Refusal.Kind.GONE;
      };
      throw new Refusal(kind, e.getMessage() + (e.problem() == LinkTokens.Problem.EXPIRED
          ? " Заседание уже началось: ответ о присутствии больше не принимается." : ""));
    }
    Meeting meeting = record.find(key).orElseThrow(() -> Refusal.notFound("Заседание не найдено"));
    if (!claims.expiresAt().equals(meeting.start().toInstant())) {
      throw new Refusal(Refusal.Kind.GONE, "Заседание перенесено на " + RussianDates.dateTime(
          RussianDates.local(meeting.start())) + ": эта ссылка выдана для прежней даты. Ответьте по ссылке из "
          + "последнего письма о заседании.");
    }
    open(meeting);
    Respondent respondent = respondent(meeting, subject).orElseThrow(() -> Refusal.forbidden(
        "Ссылка не действует: вы больше не входите в число участников этого заседания."));
    return new Checked(meeting, respondent, claims);
  }

  private static void open(Meeting meeting) {
    if (!OPEN.contains(meeting.status())) {
      throw new Refusal(Refusal.Kind.GONE, meeting.status() == MeetingStatus.CANCELLED
          ? "Заседание отменено: ответ о присутствии не нужен."
          : "Заседание уже состоялось или начато: ответ о присутствии больше не принимается.");
    }
  }

  private Optional<Respondent> respondent(Meeting meeting, String subject) {
    Optional<Respondent> member = roster.member(subject).map(this::member);
    if (member.isPresent()) {
      return member;
    }
    return record.invitees(meeting.key()).stream().map(AttendanceReplies::invitee).flatMap(Optional::stream)
        .filter(r -> r.subject().equals(subject)).findFirst();
  }

  private ReplyPage page(Checked checked, ReplyAnswer proposed, Reply used) {
    Meeting meeting = checked.meeting();
    Reply current = current(meeting.key()).stream().filter(r -> r.respondent().equals(checked.respondent().id()))
        .findFirst().orElse(null);
    return new ReplyPage(scheduling.title(meeting.key()), RussianDates.dateTime(RussianDates.local(meeting.start())),
        meeting.format().title(), meeting.format() == MeetingFormat.IN_PERSON ? meeting.place()
            : "ссылка на видеоконференцию — в письме с повесткой",
        checked.respondent().fullName(), checked.respondent().member(), proposed, current, used);
  }

  /** The reply a used token gave, or null when it is unused. */
  private Reply usedBy(String token, Checked checked) {
    Integer used = jdbc.queryForObject("SELECT COUNT(*) FROM wg_link_token_use WHERE token_sha256 = ?",
        Integer.class, LinkTokens.id(token));
    if (used == null || used == 0) {
      return null;
    }
    return jdbc.query("SELECT * FROM wg_attendance_reply WHERE business_key = ? AND respondent = ? AND via = ? "
            + "AND meeting_start = ? ORDER BY id", REPLY, checked.meeting().key(), checked.respondent().id(),
        ReplyChannel.LINK.name(), checked.meeting().start()).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("a used reply token without its reply"));
  }

  private Reply insert(Meeting meeting, Respondent respondent, ReplyAnswer answer, String position,
                       ReplyChannel via) {
    OffsetDateTime at = now();
    jdbc.update("INSERT INTO wg_attendance_reply (business_key, meeting_start, respondent, full_name, member, answer,"
            + " position_text, via, replied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", meeting.key(), meeting.start(),
        respondent.id(), respondent.fullName(), respondent.member(), answer.name(), position, via.name(), at);
    events.publishEvent(new ReplyRecorded(meeting.key()));
    return new Reply(respondent.id(), respondent.fullName(), respondent.member(), answer, position, via, at);
  }

  private Map<String, Reply> byMember(String key) {
    Map<String, Reply> replies = new LinkedHashMap<>();
    current(key).stream().filter(Reply::member).forEach(r -> replies.put(r.respondent(), r));
    return replies;
  }

  private OffsetDateTime now() {
    Instant now = clock.now();
    return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
  }

  private LinkTokens tokens() {
    return secret.tokens();
  }

  private static final RowMapper<Reply> REPLY = (rs, i) -> new Reply(rs.getString("respondent"),
      rs.getString("full_name"), rs.getBoolean("member"), ReplyAnswer.valueOf(rs.getString("answer")),
      rs.getString("position_text"), ReplyChannel.valueOf(rs.getString("via")),
      rs.getObject("replied_at", OffsetDateTime.class));
}
