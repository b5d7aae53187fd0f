package ru.nso.wg.meeting;

import ru.nso.wg.common.Refusal;
import org.springframework.stereotype.Service;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.Decision;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingData.Presence;
import ru.nso.wg.meeting.MeetingData.RosterRole;
import ru.nso.wg.meeting.rules.ItemVotes;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

  public MeetingConduct(MeetingRecord record, Roster roster, VotingProperties voting) {
    this.record = record;
    this.roster = roster;
    this.settings = voting.settings();
  }

  /**
   * Registers who is present (§ 11, § 15), snapshotting the roster, and the audio recording (§ 18).
   * A member may not be both in the room and on ВКС; only roster members can be marked present.
   */
  public List<Attendee> recordAttendance(String key, int attempt, Collection<String> inPerson,
                                         Collection<String> byVideo, List<Integer> inviteesPresent,
                                         String audioRecording, String actor) {
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
    MeetingScheduling.refuseIf(problems);

    List<Attendee> attendees = members.stream().map(p -> new Attendee(p.id(), p.fullName(), p.position(),
        RosterRole.valueOf(p.role().name()),
        inPerson.contains(p.id()) ? Presence.IN_PERSON : byVideo.contains(p.id()) ? Presence.VIDEO : Presence.ABSENT,
        null)).toList();
    record.saveAttendance(key, attempt, attendees);
    record.markInviteesPresent(key, inviteesPresent);
    record.setAudioRecording(key, audioRecording.trim());
    record.event(key, "ATTENDANCE", "Присутствуют " + attendees.stream().filter(a -> a.presence() != Presence.ABSENT)
        .count() + " из " + attendees.size() + " (заседание " + attempt + ")", actor);
    return attendees;
  }

  /** § 15, checked on the attendance just recorded. */
  public Quorum quorum(String key) {
    List<Attendee> attendance = record.attendance(key);
    int present = (int) attendance.stream().filter(a -> a.presence() != Presence.ABSENT).count();
    return Quorum.check(present, attendance.size(), settings);
  }

  /** A sitting without quorum: nothing is decided, the meeting must get a new date; the agenda is kept. */
  public void recordNotHeld(String key, Quorum quorum) {
    record.setStatus(key, MeetingStatus.NOT_HELD, quorum.minutesText());
    record.event(key, "NOT_HELD", quorum.minutesText(), null);
  }

  /** Members present for the vote on an item: those who came and had not left before it. */
  public List<Attendee> presentFor(String key, int itemNo) {
    return record.attendance(key).stream().filter(a -> a.presentFor(itemNo)).toList();
  }

  /** What the secretariat records for one agenda item (§ 16, § 18). */
  public record ItemRecord(int itemNo, Collection<String> leftBefore, List<String> votesFor,
                           List<String> votesAgainst, List<String> votesAbstain, String discussion,
                           String decisionText, boolean hasInstruction, String executorId, LocalDate instructionDue,
                           String controlArea) {
  }

  /**
   * Validates and records the vote and decision on one item; quorum is re-checked for this item with the
   * members who left before it. Without quorum no votes are accepted and the item is recorded as not decided.
   */
  public VoteOutcome recordItem(String key, ItemRecord item, String actor) {
    Meeting meeting = record.get(key);
    List<Attendee> attendance = record.attendance(key);
    Set<String> presentNow = attendance.stream().filter(a -> a.presentFor(item.itemNo())).map(Attendee::userId)
        .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (String id : item.leftBefore()) {
      if (!presentNow.contains(id)) {
        problems.add(name(attendance, id) + " не присутствует на заседании и не может его покинуть");
      }
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
      }
      if (item.controlArea() == null || DeputyArea.byGroupId(item.controlArea()).isEmpty()) {
        problems.add("выберите направление заместителя председателя, контролирующего исполнение (п. 8)");
      }
    }
    MeetingScheduling.refuseIf(problems);

    Set<String> present = new HashSet<>(presentNow);
    present.removeAll(item.leftBefore());
    List<Vote> votes = new ArrayList<>();
    item.votesFor().forEach(id -> votes.add(Vote.of(id, VoteChoice.FOR)));
    item.votesAgainst().forEach(id -> votes.add(Vote.of(id, VoteChoice.AGAINST)));
    item.votesAbstain().forEach(id -> votes.add(Vote.of(id, VoteChoice.ABSTAIN)));
    ItemVotes itemVotes = ItemVotes.of(attendance.stream().map(Attendee::userId).toList(), present,
            meeting.presidingUserId(), votes)
        .withDisplayNames(attendance.stream().collect(Collectors.toMap(Attendee::userId, Attendee::fullName)));
    Quorum quorum = itemVotes.quorum(settings);
    VoteOutcome outcome = !quorum.quorate() && votes.isEmpty()
        ? VoteRules.noQuorum(quorum, settings)
        : refusing(() -> itemVotes.decide(settings));

    for (String id : item.leftBefore()) {
      record.markLeft(key, attendanceAttempt(key), id, item.itemNo());
    }
    Map<String, String> choices = new LinkedHashMap<>();
    votes.forEach(v -> choices.put(v.memberId(), v.choice().name()));
    record.saveVotes(key, item.itemNo(), choices);
    record.saveDecision(key, decision(item, outcome, roster.executorName(item.executorId()).orElse(null)));
    record.event(key, "VOTE", "Вопрос " + item.itemNo() + ": " + outcome.minutesText(), actor);
    return outcome;
  }

  /** § 16: the presiding person settles a tie that the rule does not decide; the minutes say so. */
  public VoteOutcome confirmOutcome(String key, int itemNo, boolean adopted, String actor) {
    Meeting meeting = record.get(key);
    requirePresiding(meeting, actor, "подтвердить результат голосования");
    Decision stored = record.decisions(key).stream().filter(d -> d.itemNo() == itemNo).findFirst()
        .orElseThrow(() -> new Refusal("По вопросу " + itemNo + " нет результатов голосования"));
    VoteOutcome confirmed = refusing(() -> outcome(key, itemNo).confirm(adopted));
    record.saveDecision(key, new Decision(itemNo, stored.discussion(), stored.text(), confirmed.decision().name(),
        confirmed.rule().name(), confirmed.minutesText(), stored.votesFor(), stored.votesAgainst(),
        stored.votesAbstain(), stored.present(), stored.executor(), stored.executorId(), stored.dueDate(),
        stored.controlArea(), actor));
    record.event(key, "OUTCOME_CONFIRMED", "Вопрос " + itemNo + ": " + confirmed.minutesText(), actor);
    return confirmed;
  }

  /** Recomputes an item's outcome from the stored votes and attendance. */
  VoteOutcome outcome(String key, int itemNo) {
    Meeting meeting = record.get(key);
    List<Attendee> attendance = record.attendance(key);
    List<Vote> votes = record.votes(key, itemNo).entrySet().stream()
        .map(e -> Vote.of(e.getKey(), VoteChoice.valueOf(e.getValue()))).toList();
    return ItemVotes.of(attendance.stream().map(Attendee::userId).toList(),
        attendance.stream().filter(a -> a.presentFor(itemNo)).map(Attendee::userId).toList(),
        meeting.presidingUserId(), votes).decide(settings);
  }

  /** § 17: a written dissenting opinion from a member who took part, until the minutes are signed. */
  public void fileDissent(String key, int itemNo, String userId, String opinion) {
    Meeting meeting = record.find(key).orElseThrow(() -> new Refusal("Заседание " + key + " не найдено"));
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
    record.addDissent(key, itemNo, userId, attendee.fullName(), opinion.trim());
    record.event(key, "DISSENT", "Особое мнение по вопросу № " + itemNo + ": " + attendee.fullName(), userId);
  }

  /** The rules report every problem at once; a person sees them as one refusal. */
  private static <T> T refusing(java.util.function.Supplier<T> rule) {
    try {
      return rule.get();
    } catch (RuleViolationException e) {
      throw new Refusal(String.join("; ", e.violations()));
    }
  }

  public void markHeld(String key) {
    record.setStatus(key, MeetingStatus.HELD, null);
  }

  /** § 18: only the presiding person signs. The signed document itself is frozen by the document store. */
  public void sign(String key, String actor) {
    Meeting meeting = record.get(key);
    requirePresiding(meeting, actor, "подписать протокол");
    record.setStatus(key, MeetingStatus.MINUTES_SIGNED, null);
    record.event(key, "SIGNED", "Протокол подписан: " + meeting.presidingName(), actor);
  }

  public void requirePresiding(Meeting meeting, String actor, String action) {
    if (actor == null || !actor.equals(meeting.presidingUserId())) {
      throw new Refusal("Только председательствующий на заседании (" + meeting.presidingName()
          + ") может " + action);
    }
  }

  private int attendanceAttempt(String key) {
    return record.attendanceAttempt(key);
  }

  private static Decision decision(ItemRecord item, VoteOutcome outcome, String executorName) {
    boolean instruction = item.hasInstruction();
    return new Decision(item.itemNo(), MeetingScheduling.trimToNull(item.discussion()), item.decisionText().trim(),
        outcome.decision().name(), outcome.rule().name(), outcome.minutesText(), outcome.tally().forVotes(),
        outcome.tally().against(), outcome.tally().abstain(), outcome.tally().present(),
        instruction ? executorName : null, instruction ? item.executorId() : null,
        instruction ? item.instructionDue() : null, instruction ? item.controlArea() : null, null);
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
