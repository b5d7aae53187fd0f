package ru.nso.wg.document;

import org.springframework.stereotype.Component;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.Attendance;
import ru.nso.wg.document.model.DissentingOpinion;
import ru.nso.wg.document.model.Instruction;
import ru.nso.wg.document.model.Invitee;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.MaterialStore.MaterialFile;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.model.Participant;
import ru.nso.wg.document.model.PresidingPerson;
import ru.nso.wg.document.model.Signatory;
import ru.nso.wg.document.model.Texts;
import ru.nso.wg.document.model.VoteCounts;
import ru.nso.wg.meeting.CarriedItems;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData;
import ru.nso.wg.meeting.MeetingData.AttendanceChange;
import ru.nso.wg.meeting.MeetingData.Attendee;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingData.Presence;
import ru.nso.wg.meeting.MeetingData.PresidingChange;
import ru.nso.wg.meeting.MeetingEventKind;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.rules.AttendanceTimeline.Move;
import ru.nso.wg.meeting.rules.DecisionRule;
import ru.nso.wg.meeting.rules.PresidingRules;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The meeting record as the documents and messages see it (the models of {@code document.model}): plain reads of the
 * record and the roster, no engine. Once the attendance is registered, people are read only from the record's frozen
 * copy (attendance, presiding person, secretary), never from identity.
 */
@Component
public class MeetingViews {

  private final MeetingRecord record;
  private final MeetingScheduling scheduling;
  private final Roster roster;
  private final MeetingConduct conduct;
  private final CarriedItems carriedItems;
  private final MaterialStore materialStore;

  public MeetingViews(MeetingRecord record, MeetingScheduling scheduling, Roster roster, MeetingConduct conduct,
                      CarriedItems carriedItems, MaterialStore materialStore) {
    this.materialStore = materialStore;
    this.carriedItems = carriedItems;
    this.record = record;
    this.scheduling = scheduling;
    this.roster = roster;
    this.conduct = conduct;
  }

  public MeetingInfo meeting(String key) {
    Meeting m = record.get(key);
    PresidingPerson presiding = m.presiding() != null
        ? new PresidingPerson(m.presiding().fullName(), m.presiding().position(),
            m.presiding().role() != Roster.Role.CHAIR, instructionNote(m))
        : m.presidingUserId() == null ? null : roster.anyone(m.presidingUserId())
            .map(p -> new PresidingPerson(p.fullName(), p.position(), !roster.isInGroup(p.id(), RosterGroups.CHAIR),
                instructionNote(m))).orElse(null);
    List<Invitee> invitees = record.invitees(key).stream()
        .map(i -> new Invitee(i.fullName(), i.jobTitle(), i.organisation(), i.email())).toList();
    // § 15: an item carried over from another meeting says so («перенесён с заседания № 3/2026 (вопрос 2)»)
    Map<Integer, List<MaterialFile>> uploaded = materialStore.byItem(key);
    List<AgendaItem> items = record.agenda(key).stream().map(i -> new AgendaItem(i.no(), i.title()
        + carriedItems.markOf(key, i.no()).map(mark -> " (" + mark + ")").orElse(""),
        i.type().title(), i.speaker(), materials(i.materials(), uploaded.getOrDefault(i.no(), List.of()))))
        .toList();
    return new MeetingInfo(key, m.ref().number() + "/" + m.ref().year(), RussianDates.local(m.start()),
        null, m.format(), m.place(), m.videoLink(), presiding,
        scheduling.postponements(key), invitees, items);
  }

  public MinutesModel minutes(String key) {
    MeetingInfo meeting = meeting(key);
    Meeting m = record.get(key);
    List<Attendee> attendance = record.attendance(key);
    List<Participant> present = attendance.stream().filter(Attendee::tookPart)
        .map(a -> new Participant(a.fullName(), jobTitle(a),
            a.attendance() == Presence.VIDEO ? Attendance.VIDEO : Attendance.IN_PERSON)).toList();
    List<Participant> absent = attendance.stream().filter(a -> !a.tookPart())
        .map(a -> new Participant(a.fullName(), jobTitle(a), Attendance.IN_PERSON)).toList();
    List<PresidingChange> presiding = record.presidingChanges(key, record.attendanceAttempt(key));
    List<Invitee> presentInvitees = record.invitees(key).stream().filter(i -> Boolean.TRUE.equals(i.present()))
        .map(i -> new Invitee(i.fullName(), i.jobTitle(), i.organisation(), i.email())).toList();
    Map<Integer, MeetingData.AgendaItem> agenda = record.agenda(key).stream()
        .collect(Collectors.toMap(MeetingData.AgendaItem::no, i -> i));
    List<ItemMinutes> items = new ArrayList<>();
    for (MeetingData.ItemDecision d : record.decisions(key)) {
      MeetingData.AgendaItem item = agenda.get(d.itemNo());
      boolean noQuorum = d.rule() == DecisionRule.NO_QUORUM;
      // the instruction is part of the decision printed under «РЕШИЛИ»: its line names only executor, control and
      // due date (the decision's text once, with its line breaks)
      List<Instruction> instructions = d.executor() == null ? List.of() : List.of(new Instruction(null,
          d.executor(), d.dueDate(),
          DeputyArea.byGroupId(d.controlArea()).map(DeputyArea::title).orElse(d.controlArea())));
      items.add(new ItemMinutes(d.itemNo(), item == null ? "" : item.title(),
          item == null ? List.of() : List.of(item.speaker()), d.discussion(), d.text(),
          noQuorum ? null : new VoteCounts(d.votesFor(), d.votesAgainst(), d.votesAbstain()),
          d.outcome(), d.rule(), d.ruleText(), instructions, attendanceChanges(attendance, presiding, d.itemNo()),
          "При рассмотрении вопроса " + presentPhrase(d.present(), attendance.size())));
    }
    Map<String, String> positions = attendance.stream().filter(a -> a.jobTitle() != null)
        .collect(Collectors.toMap(Attendee::userId, Attendee::jobTitle));
    List<DissentingOpinion> dissents = record.dissents(key).stream().map(o -> new DissentingOpinion(o.fullName(),
        positions.get(o.userId()), o.itemNo(), o.opinion(),
        RussianDates.localDate(o.filedAt()))).toList();
    Signatory secretary = m.secretary() != null ? new Signatory(m.secretary().fullName(), m.secretary().position())
        : roster.anyone(m.secretaryUserId()).map(p -> new Signatory(p.fullName(), p.position())).orElse(null);
    return new MinutesModel(meeting, present, absent, attendance.isEmpty() ? null : conduct.quorum(key).quorate(),
        presentInvitees, m.audioRecording(), items, dissents, secretary, null,
        presidingText(presiding, items.stream().map(ItemMinutes::number).toList()));
  }

  /**
   * § 10: «С.А. Соколов (вопросы 1–2), О.Н. Лебедева (вопросы 3–4) по поручению председателя Рабочей группы (п. 10
   * Положения): устное поручение от 16.12.2026, по телефону»; empty when one person presided over every item.
   */
  static String presidingText(List<PresidingChange> changes, List<Integer> items) {
    Map<String, List<Integer>> byPerson = new LinkedHashMap<>();
    Map<String, PresidingChange> first = new LinkedHashMap<>();
    for (int itemNo : items) {
      PresidingChange at = changes.stream().filter(c -> c.fromItem() <= itemNo).reduce((a, b) -> b).orElse(null);
      if (at == null) {
        return "";
      }
      byPerson.computeIfAbsent(at.person().userId(), id -> new ArrayList<>()).add(itemNo);
      first.putIfAbsent(at.person().userId(), at);
    }
    if (byPerson.size() < 2) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    List<String> instructions = new ArrayList<>();
    boolean deputy = false;
    for (Map.Entry<String, List<Integer>> e : byPerson.entrySet()) {
      PresidingChange change = first.get(e.getKey());
      parts.add(Texts.initialsAndSurname(change.person().fullName()) + " (" + PresidingRules.itemsText(e.getValue())
          + ")");
      if (change.person().role() != Roster.Role.CHAIR) {
        deputy = true;
        changes.stream().filter(c -> c.person().userId().equals(e.getKey()) && c.instruction() != null)
            .findFirst().map(c -> c.instruction().text(RussianDates.numeric(c.instruction().date())))
            .ifPresent(instructions::add);
      }
    }
    return String.join(", ", parts) + (deputy ? " по поручению председателя Рабочей группы (п. 10 Положения)"
        + (instructions.isEmpty() ? "" : ": " + String.join("; ", instructions)) : "");
  }

  /** Who arrived or left before the item, and who presides from it (§§ 10, 15), one line each. */
  private static List<String> attendanceChanges(List<Attendee> attendance, List<PresidingChange> presiding,
                                                int itemNo) {
    List<String> lines = new ArrayList<>();
    for (Attendee a : attendance) {
      for (AttendanceChange c : a.changes()) {
        if (c.beforeItem() != itemNo) {
          continue;
        }
        lines.add(c.move() == Move.ARRIVED
            ? a.fullName() + " прибыл(а) перед рассмотрением вопроса " + itemNo
                + (c.presence() == Presence.VIDEO ? " (в режиме ВКС)" : "")
            : a.fullName() + " покинул(а) заседание перед рассмотрением вопроса " + itemNo);
      }
    }
    presiding.stream().filter(c -> c.fromItem() == itemNo && itemNo > 1).findFirst().ifPresent(c -> lines.add(
        "С вопроса " + itemNo + " председательствует " + c.person().fullName()
            + (c.person().role() == Roster.Role.CHAIR ? "" : " по поручению председателя Рабочей группы (п. 10 "
            + "Положения)")));
    return lines;
  }

  /** «присутствуют 8 из 15 членов Рабочей группы». */
  private static String presentPhrase(int present, int total) {
    boolean one = present % 10 == 1 && present % 100 != 11;
    boolean totalOne = total % 10 == 1 && total % 100 != 11;
    return (one ? "присутствует " : "присутствуют ") + present + " из " + total
        + (totalOne ? " члена" : " членов") + " Рабочей группы";
  }

  /** Who approved the agenda last and when (§ 7 (2)), from the record; empty before the agenda is approved. */
  public Optional<AgendaApproval> agendaApproval(String key) {
    return record.events(key).stream().filter(e -> e.kind() == MeetingEventKind.AGENDA_APPROVED)
        .reduce((first, second) -> second)
        .map(e -> {
          Optional<Roster.Person> approver = e.actor() == null ? Optional.empty() : roster.anyone(e.actor());
          return new AgendaApproval(approver.map(Roster.Person::fullName).orElse(e.actor() == null ? "" : e.actor()),
              approver.map(Roster.Person::position).orElse(null), RussianDates.local(e.occurredAt()));
        });
  }

  /** The numbers of the agenda items marked «не для опубликования» (§ 19): the public version leaves them out. */
  public Set<Integer> notForPublication(String key) {
    return record.agenda(key).stream().filter(MeetingData.AgendaItem::notForPublication)
        .map(MeetingData.AgendaItem::no).collect(Collectors.toSet());
  }

  /** The reference materials the secretariat entered when distributing the agenda (§ 14 (3)), if it did. */
  public Optional<String> referenceMaterials(String key) {
    return record.events(key).stream().filter(e -> e.kind() == MeetingEventKind.REFERENCE_MATERIALS)
        .reduce((first, second) -> second).map(MeetingData.Event::details);
  }

  /** The meeting's roster as frozen when the attendance was registered (everyone, present or not). */
  public List<Attendee> roster(String key) {
    return record.attendance(key);
  }

  /** The position as frozen, with the organisation when the position does not already name it. */
  private static String jobTitle(Attendee a) {
    if (a.organisation() == null || a.organisation().isBlank()
        || (a.jobTitle() != null && a.jobTitle().contains(a.organisation()))) {
      return a.jobTitle();
    }
    return a.jobTitle() == null ? a.organisation() : a.jobTitle() + ", " + a.organisation();
  }

  private static String instructionNote(Meeting m) {
    String describe = m.presidingInstruction();
    int open = describe == null ? -1 : describe.indexOf('(');
    return open < 0 ? null : "по поручению председателя Рабочей группы " + describe.substring(open);
  }

  /** What the agenda says of an item that has no materials at all (none typed, none uploaded by its speaker). */
  public static final String NO_MATERIALS = "материалы не представлены";

  /**
   * The materials of an item: those the secretariat typed, then the files its speaker uploaded (by file name); when
   * there are none, «материалы не представлены».
   */
  static List<Material> materials(String text, List<MaterialFile> uploaded) {
    List<Material> result = new ArrayList<>(materials(text));
    uploaded.forEach(f -> result.add(new Material(f.fileName(), "")));
    return result.isEmpty() ? List.of(new Material(NO_MATERIALS, "")) : result;
  }

  /** Materials as staff typed them: one per line; a line that is a link becomes one. */
  static List<Material> materials(String text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty())
        .map(line -> line.matches("^https?://\\S+$") ? new Material(line, line) : new Material(line, ""))
        .filter(Objects::nonNull).toList();
  }
}
