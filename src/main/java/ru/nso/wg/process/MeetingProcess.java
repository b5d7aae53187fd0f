package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.calendar.Deadline;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.document.MeetingDocuments;
import ru.nso.wg.meeting.MeetingScheduling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Process backing for {@code bpmn/wg-meeting.bpmn}: its key, messages, element IDs and typed variables.
 * Code and tests refer to these constants and never spell a variable name or element ID again.
 * As the Spring bean {@code meetingProcess} it also answers expressions of the model.
 */
@Component("meetingProcess")
public class MeetingProcess {

  public static final String KEY = ProcessKeys.MEETING;

  /** Message names (BPMN {@code bpmn:message name}). */
  public static final String MESSAGE_POSTPONE = "wgPostponeMeeting";
  public static final String MESSAGE_CANCEL = "wgCancelMeeting";

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_MeetingRequested";
    public static final String PREPARATION = "SubProcess_Preparation";
    public static final String CONFIRM_MEETING = "Task_ConfirmMeeting";
    /** Starts {@code wg-proposal-cutoff}, which tells members until when proposals for the agenda are taken. */
    public static final String START_PROPOSAL_CUTOFF = "Task_StartProposalCutoff";
    public static final String PREPARE_AGENDA = "Task_PrepareAgenda";
    public static final String APPROVE_AGENDA = "Task_ApproveAgenda";
    public static final String DISTRIBUTE_AGENDA = "Task_DistributeAgenda";
    public static final String AGENDA_FORK = "Gateway_AgendaFork";
    public static final String MATERIALS = "SubProcess_Materials";
    public static final String REQUEST_MATERIALS = "Task_RequestMaterials";
    public static final String SUBMIT_MATERIALS = "Task_SubmitMaterials";
    public static final String AWAIT_MATERIALS = "Task_AwaitMaterials";
    public static final String MATERIALS_REMINDER = "Event_MaterialsReminder";
    public static final String REMIND_MATERIALS = "Task_RemindMaterials";
    public static final String MATERIALS_DEADLINE = "Event_MaterialsDeadline";
    public static final String MATERIALS_DEADLINE_PASSED = "Task_MaterialsDeadlinePassed";
    public static final String SEND_AGENDA = "Task_SendAgenda";
    public static final String MEETING_TIME = "Event_MeetingTime";
    public static final String QUORUM_FORECAST = "SubProcess_QuorumForecast";
    public static final String QUORUM_FORECAST_DUE = "StartEvent_QuorumForecastDue";
    public static final String CHECK_QUORUM_FORECAST = "Task_CheckQuorumForecast";
    public static final String QUORUM_THREAT = "Task_QuorumThreat";
    public static final String AGENDA_DEADLINE = "Event_AgendaDeadlineMissed";
    public static final String ESCALATE_AGENDA = "Task_EscalateAgendaDeadline";
    public static final String AGENDA_REMINDER = "Event_AgendaReminder";
    public static final String REMIND_AGENDA = "Task_RemindAgenda";
    public static final String DISTRIBUTION_REMINDER = "Event_DistributionReminder";
    public static final String REMIND_DISTRIBUTION = "Task_RemindDistribution";
    public static final String MINUTES_REMINDER = "Event_MinutesReminder";
    public static final String REMIND_MINUTES = "Task_RemindMinutes";
    public static final String COPIES_REMINDER = "Event_CopiesReminder";
    public static final String REMIND_COPIES = "Task_RemindCopies";
    public static final String DISTRIBUTION_DEADLINE = "Event_DistributionDeadlineMissed";
    public static final String ESCALATE_DISTRIBUTION = "Task_EscalateDistributionDeadline";
    public static final String POSTPONE_REQUESTED = "Event_PostponeRequested";
    public static final String APPLY_POSTPONEMENT = "Task_ApplyPostponement";
    public static final String CANCEL_REQUESTED = "Event_CancelRequested";
    public static final String APPLY_CANCELLATION = "Task_ApplyCancellation";
    public static final String MEETING_CANCELLED = "EndEvent_MeetingCancelled";
    public static final String RECORD_ATTENDANCE = "Task_RecordAttendance";
    public static final String CHECK_QUORUM = "Task_CheckQuorum";
    public static final String RECORD_NOT_HELD = "Task_RecordNotHeld";
    public static final String VOTING = "SubProcess_Voting";
    public static final String RECORD_VOTE = "Task_RecordVote";
    public static final String CONFIRM_OUTCOME = "Task_ConfirmOutcome";
    public static final String GENERATE_MINUTES = "Task_GenerateMinutesDraft";
    public static final String DRAFT_MINUTES = "Task_DraftMinutes";
    public static final String MINUTES_DEADLINE = "Event_MinutesDeadlineMissed";
    public static final String ESCALATE_MINUTES = "Task_EscalateMinutesDeadline";
    public static final String SIGN_MINUTES = "Task_SignMinutes";
    public static final String MINUTES_DISTRIBUTION = "SubProcess_MinutesDistribution";
    public static final String SEND_MINUTES_COPIES = "Task_SendMinutesCopies";
    public static final String REQUEST_PUBLICATION = "Task_RequestPublication";
    public static final String RECORD_MINUTES_DISTRIBUTED = "Task_RecordMinutesDistributed";
    public static final String PUBLISH_MEETING_INFO = "Task_PublishMeetingInfo";
    public static final String PUBLICATION_REMINDER = "Event_PublicationReminder";
    public static final String REMIND_PUBLICATION = "Task_RemindPublication";
    public static final String PUBLICATION_OVERDUE = "Event_PublicationOverdue";
    public static final String ESCALATE_PUBLICATION = "Task_EscalatePublication";
    public static final String START_DECISION_CONTROL = "Task_StartDecisionControl";
    public static final String COPIES_DEADLINE = "Event_CopiesDeadlineMissed";
    public static final String ESCALATE_COPIES = "Task_EscalateCopiesDeadline";
    public static final String END = "EndEvent_MinutesPublished";

    private Elements() {
    }
  }

  /** Variables. Form field keys in {@code forms/*.form} are these names. */
  public static final class Vars {
    // the meeting
    public static final Var.Str MEETING_KEY = Var.string("meetingKey");
    public static final Var.Int MEETING_NUMBER = Var.integer("meetingNumber");
    public static final Var.Str MEETING_TITLE = Var.string("meetingTitle");
    /** The meeting's instant, for the timer that waits for it (written with {@link #MEETING_START}). */
    public static final Var.DateVar MEETING_START_AT = Var.date("meetingStartAt");
    /**
     * The meeting's date in Asia/Novosibirsk, ISO {@code YYYY-MM-DD}: what the deadlines' timers count from
     * (written with {@link #MEETING_START}).
     */
    public static final Var.Day MEETING_DATE = Var.day("meetingDate", "Дата заседания");
    /** The meeting's date as people write it («18.12.2026»): the column «Дата заседания» of the Tasklist filters. */
    public static final Var.Str MEETING_DATE_TEXT = Var.string("meetingDateText");
    /**
     * The meeting's start, one value for code: as the datetime field submits it ({@code 2026-12-15T14:30+07:00});
     * setting it also sets {@link #MEETING_START_AT} and {@link #MEETING_DATE}, which the model's timers read.
     */
    public static final Var.Moment MEETING_START = Var.moment("meetingStart", "Дата и время заседания",
        MEETING_START_AT, MEETING_DATE);
    public static final Var.Str MEETING_FORMAT = Var.string("meetingFormat");
    public static final Var.Str MEETING_PLACE = Var.text("meetingPlace", "Место проведения", 500);
    public static final Var.Str VIDEO_LINK = Var.text("videoLink", "Ссылка на видеоконференцию", 1000);
    public static final Var.Str PRELIMINARY_QUESTIONS = Var.text("preliminaryQuestions",
        "Предварительный перечень вопросов", 4000);
    public static final Var.Json INVITEES = Var.json("invitees", "Приглашённые лица");
    /** The person confirmed a start on a non-working day or at night (the start and confirmation forms). */
    public static final Var.Bool OFF_HOURS_CONFIRMED = Var.bool("offHoursConfirmed");
    // presiding person (§ 10)
    public static final Var.Str PRESIDING_MODE = Var.string("presidingMode");
    public static final Var.Str PRESIDING_DEPUTY = Var.string("presidingDeputy");
    public static final Var.Str PRESIDING_INSTRUCTION = Var.text("presidingInstruction", "Поручение", 800);
    public static final Var.Str PRESIDING_USER_ID = Var.string("presidingUserId");
    public static final Var.Json DEPUTY_OPTIONS = Var.json("deputyOptions");
    /** The meeting's secretary, named in the minutes: one of the secretariat, chosen at confirmation. */
    public static final Var.Str MEETING_SECRETARY = Var.string("meetingSecretary");
    public static final Var.Json SECRETARY_OPTIONS = Var.json("secretaryOptions");
    // agenda (§ 13, § 14)
    public static final Var.Json AGENDA_ITEMS = Var.json("agendaItems", "Вопросы повестки");
    public static final Var.Json AGENDA_TABLE = Var.json("agendaTable");
    public static final Var.Str AGENDA_DUE_TEXT = Var.string("agendaDueText");
    public static final Var.Str AGENDA_DECISION = Var.string("agendaDecision");
    public static final Var.Str AGENDA_REMARKS = Var.text("agendaRemarks", "Замечания", 4000);
    public static final Var.Bool AGENDA_APPROVED = Var.bool("agendaApproved");
    // the speakers' materials (one instance of SubProcess_Materials per item; these are its locals)
    public static final Var.Int MATERIAL_ITEM_NO = Var.integer("materialItemNo");
    public static final Var.Str MATERIAL_SPEAKER = Var.string("materialSpeaker");
    public static final Var.Str MATERIAL_ITEM_TITLE = Var.string("materialItemTitle");
    public static final Var.Str MATERIALS_UPLOAD_URL = Var.string("materialsUploadUrl");
    public static final Var.Str MATERIALS_DUE_TEXT = Var.string("materialsDueText");
    public static final Var.Str DISTRIBUTION_DUE_TEXT = Var.string("distributionDueText");
    public static final Var.Str REFERENCE_MATERIALS = Var.text("referenceMaterials",
        "Информационно-справочные материалы", 4000);
    public static final Var.Bool MATERIALS_READY = Var.bool("materialsReady");
    // attendance and quorum (§ 15)
    public static final Var.Json ROSTER_OPTIONS = Var.json("rosterOptions");
    public static final Var.Json INVITEE_OPTIONS = Var.json("inviteeOptions");
    public static final Var.Int ROSTER_SIZE = Var.integer("rosterSize");
    public static final Var.Json PRESENT_IN_PERSON = Var.json("presentInPerson", "Присутствуют очно");
    public static final Var.Json PRESENT_BY_VIDEO = Var.json("presentByVideo", "Присутствуют по ВКС");
    public static final Var.Json INVITEES_PRESENT = Var.json("inviteesPresent", "Присутствуют приглашённые");
    public static final Var.Str AUDIO_RECORDING = Var.text("audioRecording", "Аудиозапись заседания", 1000);
    public static final Var.Int ATTENDANCE_ATTEMPT = Var.integer("attendanceAttempt");
    public static final Var.Bool QUORATE = Var.bool("quorate");
    // attendance replies and the quorum forecast (§ 14, § 15)
    /** The forecast from the members' replies as the meeting's tasks show it; updated as replies arrive. */
    public static final Var.Str ATTENDANCE_FORECAST = Var.string("attendanceForecast");
    /** At the forecast's moment: the declines alone make the quorum impossible. */
    public static final Var.Bool QUORUM_THREATENED = Var.bool("quorumThreatened");
    /** «Кворум под угрозой»: {@code KEEP} the date or ask to {@code POSTPONE}. */
    public static final Var.Str THREAT_DECISION = Var.string("threatDecision");
    public static final Var.Moment THREAT_NEW_START = Var.moment("threatNewStart", "Новые дата и время заседания");
    public static final Var.Str THREAT_REASON = Var.text("threatReason", "Причина переноса", 2000);
    // who presides on the day (§ 10), at the attendance and before any item
    public static final Var.Json PRESIDING_OPTIONS = Var.json("presidingOptions");
    public static final Var.Str PRESIDING_ON_DAY = Var.string("presidingOnDay");
    public static final Var.Str CURRENT_PRESIDING = Var.string("currentPresiding");
    public static final Var.Str CURRENT_PRESIDING_NAME = Var.string("currentPresidingName");
    public static final Var.Str CHAIR_USER_ID = Var.string("chairUserId");
    public static final Var.Str INSTRUCTION_FORM = Var.string("instructionForm");
    public static final Var.Str INSTRUCTION_REF = Var.text("instructionRef", "Реквизиты поручения председателя", 300);
    public static final Var.Day INSTRUCTION_DATE = Var.day("instructionDate", "Дата поручения председателя");
    // arrivals before an item (§ 15), and what the previous item decided
    public static final Var.Json ABSENT_OPTIONS = Var.json("absentOptions");
    public static final Var.Json ARRIVED_IN_PERSON = Var.json("arrivedInPerson", "Прибыли (в зал)");
    public static final Var.Json ARRIVED_BY_VIDEO = Var.json("arrivedByVideo", "Подключились по ВКС");
    public static final Var.Int QUORUM_NEEDED = Var.integer("quorumNeeded");
    public static final Var.Bool ALL_PRESENT_FOR = Var.bool("allPresentFor");
    public static final Var.Str PREVIOUS_OUTCOME = Var.string("previousOutcome");
    /** «userId|groupId» of each deputy chair and the area they control (§ 8): the vote form warns on self-control. */
    public static final Var.Json AREA_CONTROLLERS = Var.json("areaControllers");
    // one agenda item (local to an instance of the voting subprocess) (§ 16)
    public static final Var.Int ITEM_NO = Var.integer("itemNo");
    public static final Var.Str ITEM_TITLE = Var.string("itemTitle");
    public static final Var.Str ITEM_SPEAKER = Var.string("itemSpeaker");
    public static final Var.Json PRESENT_OPTIONS = Var.json("presentOptions");
    public static final Var.Int PRESENT_COUNT = Var.integer("presentCount");
    public static final Var.Json LEFT_BEFORE = Var.json("leftBefore", "Покинули заседание до рассмотрения вопроса");
    public static final Var.Json VOTES_FOR = Var.json("votesFor", "За");
    public static final Var.Json VOTES_AGAINST = Var.json("votesAgainst", "Против");
    public static final Var.Json VOTES_ABSTAIN = Var.json("votesAbstain", "Воздержались");
    public static final Var.Str DISCUSSION = Var.text("discussion", "ВЫСТУПИЛИ", 4000);
    public static final Var.Str DECISION_TEXT = Var.text("decisionText", "РЕШИЛИ", 4000);
    public static final Var.Bool HAS_INSTRUCTION = Var.bool("hasInstruction");
    public static final Var.Str EXECUTOR = Var.string("executor");
    public static final Var.Day INSTRUCTION_DUE = Var.day("instructionDue", "Срок исполнения");
    public static final Var.Str CONTROL_AREA = Var.string("controlArea");
    public static final Var.Bool NEEDS_CONFIRMATION = Var.bool("needsConfirmation");
    public static final Var.Int VOTES_FOR_COUNT = Var.integer("votesForCount");
    public static final Var.Int VOTES_AGAINST_COUNT = Var.integer("votesAgainstCount");
    public static final Var.Int VOTES_ABSTAIN_COUNT = Var.integer("votesAbstainCount");
    public static final Var.Str OUTCOME_QUESTION = Var.string("outcomeQuestion");
    public static final Var.Str CONFIRMED_OUTCOME = Var.string("confirmedOutcome");
    // minutes (§ 18, § 19)
    public static final Var.Str MINUTES_DUE_TEXT = Var.string("minutesDueText");
    public static final Var.Bool MINUTES_READY = Var.bool("minutesReady");
    public static final Var.Str SIGN_DECISION = Var.string("signDecision");
    public static final Var.Str SIGN_REMARKS = Var.text("signRemarks", "Замечания", 4000);
    public static final Var.Bool MINUTES_SIGNED = Var.bool("minutesSigned");
    /** The edition of the current minutes as people read it; the signing form sends back the one it showed. */
    public static final Var.Str MINUTES_EDITION = Var.string("minutesEdition");
    /** The stored document of that edition: the forms link exactly it. */
    public static final Var.Str MINUTES_DOCUMENT = Var.string("minutesDocument");
    /** The dissenting opinions filed so far, as the forms list them (Markdown). */
    public static final Var.Str MINUTES_OPINIONS = Var.string("minutesOpinions");
    /** What the secretariat must know about the current minutes (its edit overtaken by a newer draft), or null. */
    public static final Var.Str MINUTES_NOTICE = Var.string("minutesNotice");
    /** How to sign on the configured path (electronic signature or paper), with the links (Markdown). */
    public static final Var.Str SIGNING_TEXT = Var.string("signingText");
    /** Signing date in Asia/Novosibirsk, ISO: what the § 19 deadline counts from. */
    public static final Var.Day SIGNED_ON = Var.day("signedOn", "Дата подписания протокола");
    /** SHA-256 of the signed minutes, kept in the process too: changing the stored bytes and hash is still caught. */
    public static final Var.Str MINUTES_SHA256 = Var.string("minutesSha256");
    public static final Var.Json EXECUTOR_OPTIONS = Var.json("executorOptions");
    public static final Var.Str COPIES_DUE_TEXT = Var.string("copiesDueText");
    public static final Var.Str PUBLICATION_URL = Var.text("publicationUrl", "Адрес публикации", 1000);
    /** The day the request to publish went out (§ 19 done): the publication's service level counts from it. */
    public static final Var.Day PUBLICATION_REQUESTED_ON = Var.day("publicationRequestedOn",
        "Дата передачи информации для размещения");
    /** The publication's service level as the form shows it: «не позднее … (уровень обслуживания, …)». */
    public static final Var.Str PUBLICATION_DUE_TEXT = Var.string("publicationDueText");
    /** People the last message could not reach (no e-mail address), shown to the secretariat. */
    public static final Var.Str DELIVERY_GAPS = Var.string("deliveryGaps");
    // escalations: input parameter of the escalation service tasks
    public static final Var.Str DEADLINE_KIND = Var.string("deadlineKind");
    // postponement and cancellation (set by message correlation)
    public static final Var.Moment NEW_MEETING_START = Var.moment("newMeetingStart", "Дата и время заседания");
    public static final Var.Str POSTPONE_REASON = Var.text("postponeReason", "Причина переноса", 2000);
    public static final Var.Str CANCEL_REASON = Var.text("cancelReason", "Причина отмены", 2000);
    /** § 15: items of earlier meetings not decided for lack of quorum, offered at confirmation (value → label). */
    public static final Var.Json CARRIED_OPTIONS = Var.json("carriedOptions");
    /** The items the chair carried over to this meeting («2026-3/2»). */
    public static final Var.Json CARRIED_ITEMS = Var.json("carriedItems", "Перенесённые вопросы");
    /** The chair's approved request ({@code wg_date_request}) a postponement or cancellation comes from. */
    public static final Var.Int DATE_REQUEST_ID = Var.integer("dateRequestId");
    /** Accepted proposals for the agenda offered when it is built (value → label, {@code meeting/AgendaProposals}). */
    public static final Var.Json PROPOSAL_OPTIONS = Var.json("proposalOptions");
    /** The proposals the secretariat takes into this agenda (their numbers). */
    public static final Var.Json AGENDA_PROPOSALS = Var.json("agendaProposals", "Предложения в повестку");
    /** «Предложения к этому заседанию принимались до 7 декабря 2026 г. включительно …»: the cut-off, for the form. */
    public static final Var.Str PROPOSAL_CUTOFF_TEXT = Var.string("proposalCutoffText");

    private Vars() {
    }
  }

  /** Where each regulatory deadline's text («не позднее 05.05.2026 18:00 (п. 13 Положения)») is shown in forms. */
  private static final Map<DeadlineKind, Var.Str> DUE_TEXTS = Map.of(
      DeadlineKind.AGENDA_TO_CHAIR, Vars.AGENDA_DUE_TEXT,
      DeadlineKind.AGENDA_DISTRIBUTION, Vars.DISTRIBUTION_DUE_TEXT,
      DeadlineKind.MINUTES_DUE, Vars.MINUTES_DUE_TEXT,
      DeadlineKind.MINUTES_COPIES_DUE, Vars.COPIES_DUE_TEXT,
      DeadlineKind.PUBLICATION, Vars.PUBLICATION_DUE_TEXT);

  /** Writes the deadlines' texts for the forms; the one place a due-date text reaches a process variable. */
  public static void writeDueTexts(VariableScope scope, Deadline... deadlines) {
    for (Deadline deadline : deadlines) {
      DUE_TEXTS.get(deadline.kind()).set(scope, deadline.text());
    }
  }

  /**
   * The current minutes as the drafting and signing forms show them: the edition, the link to exactly that document,
   * the dissenting opinions filed so far (§ 17) and the notice for the secretariat.
   */
  public static Map<String, Object> minutesVariables(MeetingDocuments.MinutesState state) {
    Map<String, Object> variables = new LinkedHashMap<>();
    Vars.MINUTES_EDITION.put(variables, state.edition());
    Vars.MINUTES_DOCUMENT.put(variables, Long.toString(state.current().id()));
    Vars.MINUTES_NOTICE.put(variables, state.notice());
    Vars.MINUTES_OPINIONS.put(variables, state.dissents().isEmpty() ? "Особых мнений не поступало."
        : state.dissents().stream().map(d -> "- вопрос № " + d.itemNo() + " — " + markdown(d.fullName()) + ", "
            + RussianDates.numeric(d.filedAt().atZoneSameInstant(RussianDates.ZONE)) + ": «"
            + markdown(d.opinion()) + "»").collect(Collectors.joining("\n")));
    return variables;
  }

  /** A person's text in a form's Markdown: read as typed, never as markup. */
  private static String markdown(String text) {
    return text.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]()<>|~])", "\\\\$1");
  }

  /** The schedule as the model and the forms read it: the start (with its instant and date) and the title. */
  public static void writeSchedule(VariableScope scope, MeetingScheduling.Planned planned) {
    Vars.MEETING_START.set(scope, planned.schedule().start());
    Vars.MEETING_DATE_TEXT.set(scope, RussianDates.numeric(planned.schedule().start()));
    Vars.MEETING_TITLE.set(scope, planned.title());
  }

  /** The collection of the voting multi-instance: the numbers 1..n of the approved agenda's items. */
  public List<Integer> itemNumbers(DelegateExecution execution) {
    SpinJsonNode items = Vars.AGENDA_ITEMS.get(execution);
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= items.elements().size(); i++) {
      numbers.add(i);
    }
    return numbers;
  }
}
