package ru.nso.wg.document;

import org.springframework.stereotype.Service;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.model.AgendaApproval;
import ru.nso.wg.document.model.AgendaItem;
import ru.nso.wg.document.model.DissentingOpinion;
import ru.nso.wg.document.model.Instruction;
import ru.nso.wg.document.model.Invitee;
import ru.nso.wg.document.model.ItemMinutes;
import ru.nso.wg.document.model.Material;
import ru.nso.wg.document.model.MeetingInfo;
import ru.nso.wg.document.model.MinutesModel;
import ru.nso.wg.document.model.Participant;
import ru.nso.wg.document.model.PresidingPerson;
import ru.nso.wg.document.model.Signatory;
import ru.nso.wg.document.model.Texts;
import ru.nso.wg.meeting.MeetingFormat;
import ru.nso.wg.meeting.MeetingRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agenda and the minutes as Word documents, rendered from the templates {@code templates/docx/agenda.docx} and
 * {@code templates/docx/minutes.docx} (editable in Word; see {@link DocxTemplate} for the placeholders and
 * {@code templates/docx/README.md} for the fields each template may use).
 */
@Service
public class DocumentService {

  public static final String AGENDA_TEMPLATE = "docx/agenda.docx";
  public static final String MINUTES_TEMPLATE = "docx/minutes.docx";

  private final TemplateResources templates;
  private final DocumentStore store;

  public DocumentService(TemplateResources templates, DocumentStore store) {
    this.templates = templates;
    this.store = store;
  }

  /** The draft of the agenda (повестка заседания) as DOCX, before approval: the «УТВЕРЖДАЮ» block is left blank. */
  public byte[] agenda(MeetingInfo meeting) {
    return agenda(meeting, null);
  }

  /** The agenda as DOCX, its «УТВЕРЖДАЮ» block filled with the approval ({@code null}: not approved yet). */
  public byte[] agenda(MeetingInfo meeting, AgendaApproval approval) {
    return DocxTemplate.render(AGENDA_TEMPLATE, templates.read(AGENDA_TEMPLATE), agendaModel(meeting, approval));
  }

  /** The minutes (протокол заседания, ГОСТ Р 7.0.97-2016) as DOCX. */
  public byte[] minutes(MinutesModel minutes) {
    return DocxTemplate.render(MINUTES_TEMPLATE, templates.read(MINUTES_TEMPLATE), minutesModel(minutes));
  }

  /** Generates the agenda and stores it as a new version (downloadable at {@code /api/meetings/{key}/agenda.docx}). */
  public StoredDocument storeAgenda(MeetingInfo meeting, AgendaApproval approval, String actor) {
    return store.save(meeting.businessKey(), DocumentKind.AGENDA, agendaFileName(meeting), DocumentStore.DOCX,
        agenda(meeting, approval), actor);
  }

  /**
   * Generates a draft of the minutes and stores it as the next draft version, marked inside the file with the meeting
   * and that version ({@link DraftMark}); refused once the minutes are signed.
   */
  public StoredDocument storeMinutesDraft(MinutesModel minutes, String actor) {
    MeetingInfo meeting = minutes.meeting();
    int version = store.nextVersion(meeting.businessKey(), DocumentKind.MINUTES_DRAFT);
    byte[] marked = new DraftMark(meeting.businessKey(), version).writeInto(minutes(minutes));
    return store.saveDraft(meeting.businessKey(), draftFileName(meeting, version), marked,
        minutes.dissentingOpinions().size(), actor);
  }

  /** «Повестка заседания № 3-2026 от 13.05.2026.docx». */
  public static String agendaFileName(MeetingInfo meeting) {
    return Texts.joinNonBlank(" ", "Повестка заседания", fileNumber(meeting),
        "от " + RussianDates.numeric(meeting.start())) + ".docx";
  }

  /** The signed minutes: «Протокол № 3-2026 от 13.05.2026.docx» (the date of the meeting). */
  public static String minutesFileName(MeetingInfo meeting) {
    return Texts.joinNonBlank(" ", "Протокол", fileNumber(meeting),
        "от " + RussianDates.numeric(meeting.start())) + ".docx";
  }

  /** «Проект протокола № 3-2026, редакция 2.docx». */
  public static String draftFileName(MeetingInfo meeting, int version) {
    return Texts.joinNonBlank(" ", "Проект протокола", fileNumber(meeting)) + ", редакция " + version + ".docx";
  }

  /** «Протокол № 3-2026, редакция секретариата 1.docx» (the meeting's business key is {@code 2026-3}). */
  public static String uploadFileName(String meetingKey, int version) {
    MeetingRef ref = MeetingRef.parse(meetingKey);
    return "Протокол № " + ref.number() + "-" + ref.year() + ", редакция секретариата " + version + ".docx";
  }

  /** The PDF beside a DOCX: «Протокол № 3-2026 от 13.05.2026.pdf». */
  public static String pdfName(String docxName) {
    return (docxName.toLowerCase(Locale.ROOT).endsWith(".docx")
        ? docxName.substring(0, docxName.length() - 5) : docxName) + ".pdf";
  }

  /** «№ 3-2026»: a file name has no slash. */
  private static String fileNumber(MeetingInfo meeting) {
    return meeting.numberText().replace('/', '-');
  }

  // ------------------------------------------------------------------------------------------------ models

  static Map<String, Object> meetingModel(MeetingInfo meeting) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("meetingNumber", meeting.numberText());
    m.put("meetingDate", RussianDates.date(meeting.start()));
    m.put("meetingTime", RussianDates.time(meeting.start()));
    m.put("meetingDateTime", RussianDates.dateTime(meeting.start()));
    m.put("format", meeting.format().adjective());
    m.put("formatText", meeting.formatText());
    m.put("location", meeting.location());
    m.put("place", meeting.place());
    m.put("videoLink", meeting.videoLink());
    m.put("isVideo", meeting.format() == MeetingFormat.VIDEO);
    PresidingPerson presiding = meeting.presiding();
    m.put("presidingName", presiding == null ? "" : presiding.name());
    m.put("presidingShort", presiding == null ? "" : Texts.initialsAndSurname(presiding.name()));
    m.put("presidingPosition", presiding == null ? "" : presiding.position());
    m.put("presidingNote", presiding == null ? "" : presiding.instructionText());
    List<Map<String, Object>> invitees = new ArrayList<>();
    for (Invitee i : meeting.invitees()) {
      invitees.add(invitee(i));
    }
    m.put("invitees", invitees);
    m.put("hasInvitees", !invitees.isEmpty());
    List<Map<String, Object>> agenda = new ArrayList<>();
    for (AgendaItem item : meeting.items()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("number", item.number());
      a.put("title", item.title());
      a.put("type", item.type());
      a.put("speaker", item.speaker());
      List<Map<String, Object>> materials = new ArrayList<>();
      for (Material material : item.materials()) {
        materials.add(Map.of("materialTitle", material.title(), "materialUrl", material.url()));
      }
      a.put("materials", materials);
      a.put("hasMaterials", !materials.isEmpty());
      agenda.add(a);
    }
    m.put("agenda", agenda);
    m.put("hasAgenda", !agenda.isEmpty());
    return m;
  }

  /**
   * The agenda: the meeting, and the «УТВЕРЖДАЮ» block — who approved it and «утверждено в электронной форме
   * 02.12.2026 15:20» once approved; the presiding person with blank lines for a signature and date before.
   */
  static Map<String, Object> agendaModel(MeetingInfo meeting, AgendaApproval approval) {
    Map<String, Object> m = meetingModel(meeting);
    m.put("approverPosition", approval == null ? m.get("presidingPosition") : approval.position());
    m.put("approverShort", approval == null ? m.get("presidingShort") : Texts.initialsAndSurname(approval.name()));
    m.put("approvedAt", approval == null ? "" : RussianDates.numericDateTime(approval.approvedAt()));
    // a table row holds no sections ({{#…}} there repeats the row): the block's two lines come whole
    m.put("approverSignature", (approval == null ? "_______________ " : "") + m.get("approverShort"));
    m.put("approvalDate", approval == null ? "«___» ______________ 20___ г."
        : "утверждено в электронной форме " + m.get("approvedAt"));
    return m;
  }

  static Map<String, Object> minutesModel(MinutesModel minutes) {
    MeetingInfo meeting = minutes.meeting();
    Map<String, Object> m = meetingModel(meeting);
    m.put("minutesDate", RussianDates.date(minutes.minutesDate()));
    Signatory secretary = minutes.secretary();
    m.put("secretaryName", secretary == null ? "" : secretary.name());
    m.put("secretaryPosition", secretary == null ? "" : secretary.position());
    m.put("secretaryShort", secretary == null ? "" : secretary.shortName());

    List<Map<String, Object>> present = new ArrayList<>();
    for (Participant p : minutes.presentMembers()) {
      present.add(participant(p));
    }
    m.put("presentMembers", present);
    List<Map<String, Object>> absent = new ArrayList<>();
    for (Participant p : minutes.absentMembers()) {
      absent.add(participant(p));
    }
    m.put("absentMembers", absent);
    m.put("hasAbsentMembers", !absent.isEmpty());
    List<Map<String, Object>> presentInvitees = new ArrayList<>();
    for (Invitee i : minutes.presentInvitees()) {
      presentInvitees.add(invitee(i));
    }
    m.put("presentInvitees", presentInvitees);
    m.put("hasPresentInvitees", !presentInvitees.isEmpty());
    m.put("quorumText", quorumText(minutes));
    m.put("audioRecording", minutes.audioRecording());
    m.put("presidingChanged", !minutes.presidingText().isEmpty());
    m.put("presidingText", minutes.presidingText());

    if (meeting.items().isEmpty()) {
      List<Map<String, Object>> agenda = new ArrayList<>();
      for (ItemMinutes item : minutes.items()) {
        agenda.add(new LinkedHashMap<>(Map.of("number", item.number(), "title", item.title(), "type", "",
            "speaker", String.join("; ", item.heard()), "materials", List.of(), "hasMaterials", false)));
      }
      m.put("agenda", agenda);
      m.put("hasAgenda", !agenda.isEmpty());
    }

    List<Map<String, Object>> items = new ArrayList<>();
    for (ItemMinutes item : minutes.items()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("number", item.number());
      i.put("title", item.title());
      i.put("heard", String.join("\n", item.heard()));
      i.put("spoke", item.spoke());
      i.put("decision", item.decision());
      i.put("hasVotes", item.votes() != null);
      i.put("votesFor", item.votes() == null ? "" : item.votes().forCount());
      i.put("votesAgainst", item.votes() == null ? "" : item.votes().against());
      i.put("votesAbstain", item.votes() == null ? "" : item.votes().abstain());
      i.put("outcomeText", outcomeText(item));
      List<Map<String, Object>> changes = new ArrayList<>();
      for (String change : item.attendanceChanges()) {
        changes.add(Map.of("change", change));
      }
      i.put("attendanceChanges", changes);
      i.put("presentText", item.presentText());
      List<Map<String, Object>> instructions = new ArrayList<>();
      int n = 1;
      for (Instruction instruction : item.instructions()) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("instructionNumber", item.number() + "." + n++);
        in.put("instructionText", instruction.text());
        in.put("executor", instruction.executor());
        in.put("dueDate", instruction.dueDate() == null ? "постоянно" : RussianDates.date(instruction.dueDate()));
        in.put("controlArea", instruction.controlArea());
        instructions.add(in);
      }
      i.put("instructions", instructions);
      i.put("hasInstructions", !instructions.isEmpty());
      items.add(i);
    }
    m.put("items", items);

    List<Map<String, Object>> opinions = new ArrayList<>();
    for (DissentingOpinion o : minutes.dissentingOpinions()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("memberName", o.memberName());
      d.put("memberShort", Texts.initialsAndSurname(o.memberName()));
      d.put("memberPosition", o.position());
      d.put("itemNumber", o.itemNumber());
      d.put("itemTitle", minutes.items().stream().filter(i -> i.number() == o.itemNumber()).map(ItemMinutes::title)
          .findFirst().orElse(""));
      d.put("opinionText", o.text());
      d.put("opinionDate", RussianDates.date(o.date()));
      opinions.add(d);
    }
    m.put("dissentingOpinions", opinions);
    m.put("hasDissentingOpinions", !opinions.isEmpty());
    return m;
  }

  private static Map<String, Object> participant(Participant p) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", p.name());
    map.put("position", p.position());
    map.put("attendance", p.attendance() == null ? "" : p.attendance().note());
    return map;
  }

  private static Map<String, Object> invitee(Invitee i) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", i.name());
    map.put("position", i.description());
    return map;
  }

  /** «Присутствуют 9 из 15 членов Рабочей группы. Кворум имеется, заседание правомочно (п. 15 Положения).» */
  static String quorumText(MinutesModel minutes) {
    int present = minutes.presentMembers().size();
    int total = minutes.rosterSize();
    String verb = present % 10 == 1 && present % 100 != 11 ? "Присутствует " : "Присутствуют ";
    String noun = total % 10 == 1 && total % 100 != 11 ? " члена" : " членов";
    return verb + present + " из " + total + noun + " Рабочей группы. " + (minutes.isQuorate()
        ? "Кворум имеется, заседание правомочно (п. 15 Положения)."
        : "Кворум отсутствует, заседание неправомочно (п. 15 Положения).");
  }

  /**
   * The sentence that states the outcome and the rule of § 15–16 that produced it: the one the record stored with the
   * outcome (meeting.rules.VoteOutcome), never a second wording.
   */
  public static String outcomeText(ItemMinutes item) {
    String text = item.ruleText().strip();
    return text.endsWith(".") ? text : text + ".";
  }
}
