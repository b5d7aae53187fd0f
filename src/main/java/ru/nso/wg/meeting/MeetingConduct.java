package ru.nso.wg.meeting;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingData.AttendanceChange;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.Dissent;
import ru.nso.wg.meeting.MeetingData.ItemDecision;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingData.Presence;
import ru.nso.wg.meeting.MeetingData.PresidingChange;
import ru.nso.wg.meeting.MeetingData.Signatory;
import ru.nso.wg.meeting.rules.AttendanceTimeline;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Move;
import ru.nso.wg.meeting.rules.Decision;
import ru.nso.wg.meeting.rules.ItemVotes;
import ru.nso.wg.meeting.rules.PresidingRules;
import ru.nso.wg.meeting.rules.PresidingRules.ChairInstruction;
import ru.nso.wg.meeting.rules.Quorum;
import ru.nso.wg.meeting.rules.RuleViolationException;
import ru.nso.wg.meeting.rules.Vote;
import ru.nso.wg.meeting.rules.VoteChoice;
import ru.nso.wg.meeting.rules.VoteOutcome;
import ru.nso.wg.meeting.rules.VoteRules;
import ru.nso.wg.meeting.rules.VotingSettings;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.Roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Holding the meeting (§§ 15–18): attendance with a snapshot of the roster, quorum, the vote and decision on
 * each agenda item, the presiding person's confirmation, dissenting opinions, signing. The rules themselves
 * are in {@link ru.nso.wg.meeting.rules}; this class feeds them from the record and writes their results.
 */
@Service
public class MeetingConduct {

  private final MeetingRecord record;
  private final Roster roster;
  private final VotingSettings settings;
  private final MeetingScheduling scheduling;
  private final CalendarClock clock;
  private final ApplicationEventPublisher events;

  public MeetingConduct(MeetingRecord record, Roster roster, VotingProperties voting, MeetingScheduling scheduling,
                        CalendarClock clock, ApplicationEventPublisher events) {
    this.record = record;
    this.roster = roster;
    this.settings = voting.settings();
    this.scheduling = scheduling;
    this.clock = clock;
    this.events = events;
  }

  /**
   * An instruction with this due date is about to be recorded: execution control (§ 8) refuses it, before anything
   * is written, when it could not put the decision under control after signing (a year the calendar lacks).
   */
  public record InstructionProposed(LocalDate dueDate) {
  }

  /**
   * Who presides from an item on (§ 10), as the secretariat records it: {@code userId} {@code null} keeps the person
   * presiding so far (at the attendance: the one named at confirmation); the chair's instruction is required when the
   * person is not the chair.
   */
  public record PresidingOnTheDay(String userId, ChairInstruction instruction) {
    public static final PresidingOnTheDay UNCHANGED = new PresidingOnTheDay(null, null);
  }

  /**
   * Registers who is present (§ 11, § 15), snapshotting the roster, the audio recording (§ 18) and who presides
   * (§ 10: the person named at confirmation, or another chair or deputy chair present, on the chair's instruction).
   * A member may not be both in the room and on ВКС; only roster members can be marked present. Whoever registers
   * the attendance is recorded as the meeting's secretary. The roster (names, positions, organisations, roles), the
   * presiding person and the secretary are frozen here: the minutes read only this copy, so a later edit of
   * identity does not change a meeting that has been held. A presiding person need be present only when the sitting
   * is quorate (without quorum nothing is presided over).
   */
  public List<Attendee> recordAttendance(String key, int attempt, Collection<String> inPerson,
                                         Collection<String> byVideo, List<Integer> inviteesPresent,
                                         String audioRecording, PresidingOnTheDay presiding, String actor) {
    List<Roster.Person> members = roster.members();
    Set<String> ids = members.stream().map(Roster.Person::id).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (String id : concat(inPerson, byVideo)) {
      if (!ids.contains(id)) {
        problems.add("«" + id + "» не является членом Рабочей группы");
      }
    }
    Set<String> both = new HashSet<>(inPerson);
    both.retainAll(byVideo);
    for (String id : both) {
      problems.add(name(members, id) + " отмечен(а) одновременно очно и по ВКС");
    }
    if (MeetingScheduling.blank(audioRecording)) {
      problems.add("укажите аудиозапись заседания (п. 18)");
    }
    int invitees = record.invitees(key).size();
    for (Integer position : inviteesPresent) {
      if (position < 1 || position > invitees) {
        problems.add("приглашённый № " + position + " не найден");
      }
    }
    Set<String> present = new HashSet<>(concat(inPerson, byVideo));
    present.retainAll(ids);
    String confirmed = record.get(key).presidingUserId();
    boolean changed = presiding.userId() != null && !presiding.userId().equals(confirmed);
    String presidingId = changed ? presiding.userId() : confirmed;
    boolean quorate = !ids.isEmpty() && Quorum.check(present.size(), ids.size(), settings).quorate();
    List<Seat> seats = members.stream().map(p -> new Seat(p.id(), p.fullName(), p.role())).toList();
    if (changed) {
      problems.addAll(presidingProblems(key, presidingId, 1, seats, present, presiding.instruction()));
    } else if (quorate && presidingId != null && !present.contains(presidingId)) {
      problems.add("Председательствующий: " + name(members, presidingId) + " не отмечен(а) как присутствующий(ая):"
          + " укажите председательствующего из присутствующих — председателя или заместителя председателя по его "
          + "поручению (п. 10 Положения)");
    }
    Refusal.refuseIf(problems);

    List<Attendee> attendees = members.stream().map(p -> new Attendee(p.id(), p.fullName(), p.position(),
        p.organisation(), p.role(),
        inPerson.contains(p.id()) ? Presence.IN_PERSON : byVideo.contains(p.id()) ? Presence.VIDEO : Presence.ABSENT,
        List.of())).toList();
    record.saveAttendance(key, attempt, attendees);
    record.markInviteesPresent(key, inviteesPresent);
    record.setAudioRecording(key, audioRecording.trim());
    Signatory presidingPerson = signatory(presidingId);
    ChairInstruction instruction = changed && presidingPerson.role() != Roster.Role.CHAIR
        ? presiding.instruction() : null;
    if (changed) {
      record.setPresidingOnTheDay(key, presidingPerson, instructionText(presidingPerson, instruction));
    }
    record.freezeSignatories(key, presidingPerson, signatory(actor));
    if (presidingPerson != null) {
      record.addPresidingChange(key, attempt, new PresidingChange(1, presidingPerson, instruction), actor);
    }
    record.event(key, MeetingEventKind.ATTENDANCE, "Присутствуют "
        + attendees.stream().filter(a -> a.presence() != Presence.ABSENT).count() + " из " + attendees.size()
        + " (заседание " + attempt + ")" + (presidingPerson == null ? "" : "; председательствует "
        + presidingPerson.fullName()), actor);
    return attendees;
  }

  /** A member of the roster as the checks of § 10 need them. */
  private record Seat(String id, String fullName, Roster.Role role) {
  }

  private List<String> presidingProblems(String key, String candidateId, int fromItem, List<Seat> seats,
                                         Set<String> present, ChairInstruction instruction) {
    String chairId = seats.stream().filter(p -> p.role() == Roster.Role.CHAIR).map(Seat::id).findFirst()
        .orElse(null);
    List<String> deputies = seats.stream().filter(p -> p.role() == Roster.Role.DEPUTY_CHAIR).map(Seat::id)
        .toList();
    Map<String, String> names = seats.stream().collect(Collectors.toMap(Seat::id, Seat::fullName, (a, b) -> a));
    List<String> problems = new ArrayList<>(PresidingRules.check(candidateId, fromItem, chairId, deputies, present,
        instruction, names));
    if (!candidateId.equals(chairId) && instruction != null && instruction.date() != null
        && instruction.date().isAfter(RussianDates.localDate(record.get(key).start()))) {
      problems.add("Поручение председателя: дата поручения (" + RussianDates.numeric(instruction.date())
          + ") не может быть позже дня заседания (п. 10 Положения)");
    }
    return problems;
  }

  /** «заместитель председателя … по поручению председателя (устное поручение … от 16.12.2026 (…))». */
  private static String instructionText(Signatory person, ChairInstruction instruction) {
    String shortName = person.fullName();
    return person.role() == Roster.Role.CHAIR || instruction == null ? "председатель Рабочей группы " + shortName
        : "заместитель председателя Рабочей группы " + shortName + " по поручению председателя ("
            + instruction.text(RussianDates.numeric(instruction.date())) + ")";
  }

  /** Who signs the minutes, as identity has them now (frozen by the caller). */
  private Signatory signatory(String userId) {
    if (userId == null) {
      return null;
    }
    Roster.Person person = roster.member(userId).or(() -> roster.anyone(userId))
        .orElseThrow(() -> new Refusal("Пользователь «" + userId + "» не найден"));
    return new Signatory(userId, person.fullName(), person.position(), person.role());
  }

  /** § 15: the least number present that makes a meeting of {@code rosterSize} members quorate (for the forms). */
  public int quorumNeeded(int rosterSize) {
    return rosterSize <= 0 ? 0 : Quorum.check(0, rosterSize, settings).needed();
  }

  /** Members absent for item {@code itemNo}: those who may arrive before it (§ 15). */
  public List<Attendee> absentFor(String key, int itemNo) {
    return record.attendance(key).stream().filter(a -> !a.presentFor(itemNo)).toList();
  }

  /** § 15, checked on the attendance just recorded. */
  public Quorum quorum(String key) {
    List<Attendee> attendance = record.attendance(key);
    int present = (int) attendance.stream().filter(a -> a.presence() != Presence.ABSENT).count();
    return Quorum.check(present, attendance.size(), settings);
  }

  /** § 15: is the sitting quorate? Recorded; a quorate sitting makes the meeting held. */
  public Quorum checkQuorum(String key) {
    Quorum quorum = quorum(key);
    record.event(key, MeetingEventKind.QUORUM, quorum.minutesText(), null);
    if (quorum.quorate()) {
      record.setStatus(key, MeetingStatus.HELD, null);
    }
    return quorum;
  }

  /** A sitting without quorum: nothing is decided, the meeting must get a new date; the agenda is kept. */
  public void recordNotHeld(String key) {
    Quorum quorum = quorum(key);
    record.setStatus(key, MeetingStatus.NOT_HELD, quorum.minutesText());
    record.event(key, MeetingEventKind.NOT_HELD, quorum.minutesText(), null);
  }

  /** Members present for the vote on an item: those who came and had not left before it. */
  public List<Attendee> presentFor(String key, int itemNo) {
    return record.attendance(key).stream().filter(a -> a.presentFor(itemNo)).toList();
  }

  /**
   * What the secretariat records for one agenda item (§ 10, § 15, § 16, § 18): who arrived (in the room or by ВКС)
   * or left before it, who presides from it on, the votes and the decision. {@code allPresentFor}: «все
   * присутствующие — за», every member present for the item (after the arrivals and departures) voted for.
   */
  public record ItemRecord(int itemNo, Collection<String> leftBefore, Collection<String> arrivedInPerson,
                           Collection<String> arrivedByVideo, PresidingOnTheDay presiding, boolean allPresentFor,
                           List<String> votesFor,
                           List<String> votesAgainst, List<String> votesAbstain, String discussion,
                           String decisionText, boolean hasInstruction, String executorId, LocalDate instructionDue,
                           String controlArea) {
    /** An item recorded without changes of attendance or of who presides. */
    public ItemRecord(int itemNo, Collection<String> leftBefore, List<String> votesFor, List<String> votesAgainst,
                      List<String> votesAbstain, String discussion, String decisionText, boolean hasInstruction,
                      String executorId, LocalDate instructionDue, String controlArea) {
      this(itemNo, leftBefore, List.of(), List.of(), PresidingOnTheDay.UNCHANGED, false, votesFor, votesAgainst,
          votesAbstain, discussion, decisionText, hasInstruction, executorId, instructionDue, controlArea);
    }
  }

  /** The attendance of the latest sitting as the rules see it: at its start, then every arrival and departure. */
  private AttendanceTimeline timeline(List<Attendee> attendance) {
    return AttendanceTimeline.of(attendance.stream().filter(a -> a.presence() != Presence.ABSENT)
        .map(Attendee::userId).toList(), attendance.stream().flatMap(a -> a.changes().stream())
        .map(AttendanceChange::movement).toList());
  }

  /** Who presides over item {@code itemNo} of the latest sitting (§ 10). */
  public String presidingFor(String key, int itemNo) {
    return record.presidingChanges(key, attendanceAttempt(key)).stream().filter(c -> c.fromItem() <= itemNo)
        .reduce((first, second) -> second).map(c -> c.person().userId())
        .orElseGet(() -> record.get(key).presidingUserId());
  }

  /**
   * Validates and records, for one item, who arrived and left before it, who presides over it, the vote and the
   * decision; quorum and majority are those of the members present for this item, the casting vote that of whoever
   * presides over it. Without quorum no votes are accepted and the item is recorded as not decided for lack of
   * quorum. Everything is checked before anything is written.
   */
  public VoteOutcome recordItem(String key, ItemRecord item, String actor) {
    List<Attendee> attendance = record.attendance(key);
    int attempt = attendanceAttempt(key);
    Map<String, String> names = attendance.stream().collect(Collectors.toMap(Attendee::userId, Attendee::fullName));
    AttendanceTimeline before = timeline(attendance);
    List<String> arriving = List.copyOf(new LinkedHashSet<>(concat(item.arrivedInPerson(), item.arrivedByVideo())));
    List<String> problems = new ArrayList<>();
    for (String id : arriving) {
      if (!names.containsKey(id)) {
        problems.add("«" + id + "» не является членом Рабочей группы");
      }
    }
    Set<String> both = new HashSet<>(item.arrivedInPerson());
    both.retainAll(item.arrivedByVideo());
    for (String id : both) {
      problems.add(name(attendance, id) + " отмечен(а) прибывшим(ей) одновременно очно и по ВКС");
    }
    problems.addAll(before.check(item.itemNo(), arriving, item.leftBefore(), names));
    AttendanceTimeline after = before.with(item.itemNo(), arriving, item.leftBefore());
    Set<String> present = after.presentFor(item.itemNo());
    String presidingBefore = presidingFor(key, item.itemNo());
    boolean changesPresiding = item.presiding().userId() != null && !item.presiding().userId().equals(presidingBefore);
    String presidingId = changesPresiding ? item.presiding().userId() : presidingBefore;
    List<Seat> seats = attendance.stream().map(a -> new Seat(a.userId(), a.fullName(), a.role())).toList();
    if (changesPresiding) {
      problems.addAll(presidingProblems(key, presidingId, item.itemNo(), seats, present,
          item.presiding().instruction()));
    } else if (presidingId != null && !present.contains(presidingId)) {
      problems.add("Председательствующий: " + name(attendance, presidingId) + " не присутствует при рассмотрении "
          + "вопроса " + item.itemNo() + ": укажите, кто председательствует с этого вопроса (п. 10 Положения)");
    }
    if (MeetingScheduling.blank(item.decisionText())) {
      problems.add("укажите текст решения (РЕШИЛИ)");
    }
    if (item.hasInstruction()) {
      if (roster.executorName(item.executorId()).isEmpty()) {
        problems.add("выберите исполнителя поручения");
      }
      if (item.instructionDue() == null) {
        problems.add("укажите срок исполнения поручения");
      } else if (item.instructionDue().isBefore(clock.today())) {
        problems.add("срок исполнения поручения (" + RussianDates.numeric(item.instructionDue())
            + ") уже прошёл: укажите дату не ранее сегодняшней");
      }
      if (item.controlArea() == null || DeputyArea.byGroupId(item.controlArea()).isEmpty()) {
        problems.add("выберите направление заместителя председателя, контролирующего исполнение (п. 8)");
      }
    }
    if (item.allPresentFor() && !(item.votesAgainst().isEmpty() && item.votesAbstain().isEmpty())) {
      problems.add("отмечено «все присутствующие — за», но есть голоса «против» или «воздержались»: снимите "
          + "отметку или голоса");
    }
    Refusal.refuseIf(problems);
    if (item.hasInstruction()) {
      events.publishEvent(new InstructionProposed(item.instructionDue()));
    }

    List<Vote> votes = new ArrayList<>();
    (item.allPresentFor() ? List.copyOf(present) : item.votesFor()).forEach(id -> votes.add(Vote.of(id,
        VoteChoice.FOR)));
    item.votesAgainst().forEach(id -> votes.add(Vote.of(id, VoteChoice.AGAINST)));
    item.votesAbstain().forEach(id -> votes.add(Vote.of(id, VoteChoice.ABSTAIN)));
    ItemVotes itemVotes = ItemVotes.of(attendance.stream().map(Attendee::userId).toList(), present, presidingId,
        votes).withDisplayNames(names);
    Quorum quorum = itemVotes.quorum(settings);
    VoteOutcome outcome = !quorum.quorate() && votes.isEmpty()
        ? VoteRules.noQuorum(quorum, settings)
        : refusing(() -> itemVotes.decide(settings));

    for (String id : new LinkedHashSet<>(item.leftBefore())) {
      record.addAttendanceChange(key, attempt, new AttendanceChange(id, item.itemNo(), Move.LEFT, null), actor);
    }
    for (String id : arriving) {
      record.addAttendanceChange(key, attempt, new AttendanceChange(id, item.itemNo(), Move.ARRIVED,
          item.arrivedByVideo().contains(id) ? Presence.VIDEO : Presence.IN_PERSON), actor);
    }
    if (changesPresiding) {
      Signatory person = signatory(presidingId, attendance);
      record.addPresidingChange(key, attempt, new PresidingChange(item.itemNo(), person,
          person.role() == Roster.Role.CHAIR ? null : item.presiding().instruction()), actor);
      record.setPresidingOnTheDay(key, person, instructionText(person, item.presiding().instruction()));
      record.event(key, MeetingEventKind.PRESIDING_CHANGED, "С вопроса " + item.itemNo() + " председательствует "
          + person.fullName(), actor);
    }
    Map<String, VoteChoice> choices = new LinkedHashMap<>();
    votes.forEach(v -> choices.put(v.memberId(), v.choice()));
    record.saveVotes(key, item.itemNo(), choices);
    record.saveDecision(key, decision(item, outcome, roster.executorName(item.executorId()).orElse(null),
        presidingId));
    record.event(key, MeetingEventKind.VOTE, "Вопрос " + item.itemNo() + ": " + outcome.minutesText(), actor);
    return outcome;
  }

  /** The presiding person named on the day, frozen from the attendance's copy of the roster. */
  private static Signatory signatory(String userId, List<Attendee> attendance) {
    Attendee a = attendance.stream().filter(x -> x.userId().equals(userId)).findFirst().orElseThrow();
    return new Signatory(a.userId(), a.fullName(), a.jobTitle(), a.role());
  }

  /** § 16: the presiding person settles a tie that the rule does not decide; the minutes say so. */
  public VoteOutcome confirmOutcome(String key, int itemNo, Decision confirmedDecision, String actor) {
    if (confirmedDecision == null) {
      throw new Refusal("Выберите результат голосования: решение принято или не принято");
    }
    ItemDecision stored = record.decisions(key).stream().filter(d -> d.itemNo() == itemNo).findFirst()
        .orElseThrow(() -> new Refusal("По вопросу " + itemNo + " нет результатов голосования"));
    String presided = stored.presidingUserId() != null ? stored.presidingUserId() : record.get(key).presidingUserId();
    if (actor == null || !actor.equals(presided)) {
      throw Refusal.forbidden("Результат голосования по вопросу " + itemNo + " подтверждает только "
          + "председательствовавший при его рассмотрении (п. 16 Положения)");
    }
    VoteOutcome confirmed = refusing(() -> outcome(key, itemNo).confirm(confirmedDecision));
    record.saveDecision(key, new ItemDecision(itemNo, stored.discussion(), stored.text(), confirmed.decision(),
        confirmed.rule(), confirmed.minutesText(), stored.votesFor(), stored.votesAgainst(),
        stored.votesAbstain(), stored.present(), stored.executor(), stored.executorId(), stored.dueDate(),
        stored.controlArea(), actor, stored.presidingUserId()));
    record.event(key, MeetingEventKind.OUTCOME_CONFIRMED, "Вопрос " + itemNo + ": " + confirmed.minutesText(), actor);
    return confirmed;
  }

  /** Recomputes an item's outcome from the stored votes and attendance. */
  VoteOutcome outcome(String key, int itemNo) {
    List<Attendee> attendance = record.attendance(key);
    List<Vote> votes = record.votes(key, itemNo).entrySet().stream()
        .map(e -> Vote.of(e.getKey(), e.getValue())).toList();
    String presided = record.decisions(key).stream().filter(d -> d.itemNo() == itemNo)
        .map(ItemDecision::presidingUserId).filter(Objects::nonNull).findFirst()
        .orElseGet(() -> presidingFor(key, itemNo));
    return ItemVotes.of(attendance.stream().map(Attendee::userId).toList(),
        timeline(attendance).presentFor(itemNo), presided, votes).decide(settings);
  }

  /**
   * § 17: a written dissenting opinion from a member who took part, until the minutes are signed. Publishes
   * {@link DissentFiled} in the same transaction (the minutes are drafted again on it).
   */
  public Dissent fileDissent(String key, int itemNo, String userId, String opinion) {
    Meeting meeting = record.lock(key).orElseThrow(() -> new Refusal("Заседание " + key + " не найдено"));
    if (meeting.status() == MeetingStatus.MINUTES_SIGNED || meeting.status() == MeetingStatus.PUBLISHED) {
      throw new Refusal("Протокол заседания " + meeting.ref().display()
          + " уже подписан: особые мнения принимаются только до его подписания (п. 17 Положения)");
    }
    if (meeting.status() != MeetingStatus.HELD) {
      throw new Refusal("Заседание " + meeting.ref().display() + " ещё не проведено или не состоялось");
    }
    if (record.decisions(key).stream().noneMatch(d -> d.itemNo() == itemNo)) {
      throw new Refusal("В заседании " + meeting.ref().display() + " нет решения по вопросу № " + itemNo);
    }
    Attendee attendee = record.attendance(key).stream().filter(a -> a.userId().equals(userId)).findFirst()
        .filter(a -> a.presentFor(itemNo))
        .orElseThrow(() -> new Refusal("Особое мнение по вопросу № " + itemNo + " может подать только член "
            + "Рабочей группы, участвовавший в его рассмотрении (п. 17 Положения)"));
    if (opinion == null || opinion.trim().length() < 10) {
      throw new Refusal("Изложите особое мнение (не короче 10 символов)");
    }
    // one opinion per member and item (README, "Input limits"): the minutes print each opinion in full
    if (record.dissents(key).stream().anyMatch(d -> d.itemNo() == itemNo && d.userId().equals(userId))) {
      throw Refusal.conflict("Особое мнение по вопросу № " + itemNo + " вы уже подали: по каждому вопросу член "
          + "Рабочей группы подаёт одно особое мнение");
    }
    Dissent dissent = record.addDissent(key, itemNo, userId, attendee.fullName(), opinion.trim());
    record.event(key, MeetingEventKind.DISSENT, "Особое мнение по вопросу № " + itemNo + ": " + attendee.fullName(),
        userId);
    events.publishEvent(new DissentFiled(key, itemNo, attendee.fullName()));
    return dissent;
  }

  /** A dissenting opinion of the meeting by its id. */
  public Dissent dissent(String key, long id) {
    return record.dissents(key).stream().filter(d -> d.id() == id).findFirst()
        .orElseThrow(() -> Refusal.notFound("Особое мнение № " + id + " заседания " + key + " не найдено"));
  }

  /** A dissenting opinion entered the record: a draft of the minutes made before it lacks it. */
  public record DissentFiled(String meetingKey, int itemNo, String memberName) {
  }

  /** The rules report every problem at once; a person sees them as one refusal. */
  private static <T> T refusing(Supplier<T> rule) {
    try {
      return rule.get();
    } catch (RuleViolationException e) {
      throw new Refusal(String.join("; ", e.violations()));
    }
  }

  /** § 18: the secretariat passes the finished minutes to the presiding person; whether in time is recorded. */
  public void minutesReady(String key, boolean ready) {
    if (!ready) {
      throw new Refusal("Подтвердите, что протокол оформлен и готов к подписанию");
    }
    scheduling.recordCompletion(key, DeadlineKind.MINUTES_DUE, RussianDates.localDate(record.get(key).start()));
  }

  /** The signing of the minutes, and the § 19 deadline it starts. */
  public record Signed(LocalDate signedOn, Deadline copiesDue) {
  }

  /**
   * § 18: only the presiding person signs; § 19 counts from today. The signed document itself is frozen by the
   * document store, which calls this in the same transaction.
   */
  public Signed sign(String key, String actor) {
    Meeting meeting = record.get(key);
    requireToSign(meeting, actor);
    LocalDate today = clock.today();
    Deadline copiesDue = scheduling.deadline(DeadlineKind.MINUTES_COPIES_DUE, today);
    record.setStatus(key, MeetingStatus.MINUTES_SIGNED, null);
    record.setSignedOn(key, today);
    record.event(key, MeetingEventKind.SIGNED, "Протокол подписан: " + meeting.presidingName(), actor);
    return new Signed(today, copiesDue);
  }

  /** Only the presiding person signs the minutes (§ 18). */
  public static void requireToSign(Meeting meeting, String actor) {
    MeetingScheduling.requirePresiding(meeting, actor, "подписать протокол");
  }

  /** § 18: the presiding person returns the minutes to the secretariat with remarks. */
  public void returnMinutes(String key, String remarks, String actor) {
    requireToSign(record.get(key), actor);
    if (MeetingScheduling.blank(remarks)) {
      throw new Refusal("Укажите замечания, с которыми протокол возвращается на доработку");
    }
    record.event(key, MeetingEventKind.MINUTES_RETURNED, remarks.trim(), actor);
  }

  /** § 19: the information-policy department published the information about the meeting at {@code url}. */
  public void published(String key, String url, String actor) {
    if (url == null || !url.trim().matches("^https?://\\S+$")) {
      throw new Refusal("Укажите адрес публикации, начинающийся с http:// или https://");
    }
    Meeting meeting = record.get(key);
    record.setStatus(key, MeetingStatus.PUBLISHED, null);
    record.event(key, MeetingEventKind.PUBLISHED, url.trim(), actor);
    scheduling.recordCompletion(key, DeadlineKind.MINUTES_COPIES_DUE, meeting.signedOn());
  }

  /** § 8: the adopted decisions with an instruction, which go to execution control. */
  public List<ItemDecision> controlledDecisions(String key) {
    return record.decisions(key).stream().filter(ItemDecision::controlled).toList();
  }

  private int attendanceAttempt(String key) {
    return record.attendanceAttempt(key);
  }

  private static ItemDecision decision(ItemRecord item, VoteOutcome outcome, String executorName,
                                       String presidingUserId) {
    boolean instruction = item.hasInstruction();
    return new ItemDecision(item.itemNo(), MeetingScheduling.trimToNull(item.discussion()), item.decisionText().trim(),
        outcome.decision(), outcome.rule(), outcome.minutesText(), outcome.tally().forVotes(),
        outcome.tally().against(), outcome.tally().abstain(), outcome.tally().present(),
        instruction ? executorName : null, instruction ? item.executorId() : null,
        instruction ? item.instructionDue() : null, instruction ? item.controlArea() : null, null, presidingUserId);
  }

  private static List<String> concat(Collection<String> a, Collection<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String name(List<?> people, String id) {
    Function<Object, String[]> idAndName = o -> o instanceof Roster.Person p ? new String[] {p.id(), p.fullName()}
        : o instanceof Attendee a ? new String[] {a.userId(), a.fullName()} : new String[] {"", ""};
    return people.stream().map(idAndName).filter(x -> x[0].equals(id)).map(x -> x[1]).findFirst().orElse(id);
  }
}
