package ru.nso.wg.control;

import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.MissingCalendarYearException;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingConduct;
import ru.nso.wg.meeting.MeetingData.Meeting;
import ru.nso.wg.meeting.MeetingRecord;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingScheduling;
import ru.nso.wg.meeting.MeetingStatus;
import ru.nso.wg.notification.DecisionMessages;
import ru.nso.wg.notification.DecisionNotice;
import ru.nso.wg.notification.DeliveryResult;
import ru.nso.wg.notification.Recipient;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.ExecutiveBodies;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of execution control (§ 8) as plain Java over the register: who may report, accept, return, extend and
 * withdraw; the state transitions; what is recorded. Every refusal is a {@link Refusal} with a short Russian
 * message thrown before anything is written, so the caller's transaction (a task completion, a start) changes
 * nothing.
 *
 * <p>States: {@code IN_PROGRESS} → ({@code OVERDUE} when the due date passes without an accepted report;
 * back to {@code IN_PROGRESS} when the chair's office extends the due date) → {@code EXECUTED} (the controlling deputy
 * chair accepts the report) or {@code WITHDRAWN} (a later decision of the working group withdraws it).
 */
@Service
public class DecisionControl {

  private static final Logger LOG = LoggerFactory.getLogger(DecisionControl.class);
  static final int MIN_REPORT = 10;
  static final int MIN_REASON = 5;
  static final int MAX_LINK = 1000;

  private final DecisionRegister register;
  private final IdentityDirectory identity;
  private final ControlDeadlines deadlines;
  private final MeetingRecord meetings;
  private final DecisionMessages notifications;
  private final CalendarClock clock;
  private final ExecutiveBodies bodies;

  public DecisionControl(DecisionRegister register, IdentityDirectory identity, ControlDeadlines deadlines,
                         MeetingRecord meetings, DecisionMessages notifications, CalendarClock clock,
                         ExecutiveBodies bodies) {
    this.bodies = bodies;
    this.register = register;
    this.identity = identity;
    this.deadlines = deadlines;
    this.meetings = meetings;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What the meeting process hands over for one decision (the input of {@code wg-decision-control}). */
  public record NewDecision(String meetingKey, int itemNo, String itemTitle, String decisionText, String executorId,
                            String executorName, LocalDate dueDate, String controlArea) {
  }

  /** Which request a staff member makes on a decision under control, and who may make it. */
  public enum Request {
    EXTEND(RosterGroups.CHAIR, "Продлить срок исполнения решения может только аппарат председателя Рабочей группы"),
    WITHDRAW(RosterGroups.SECRETARIAT, "Снять решение с контроля может только департамент организации управления "
        + "и государственной гражданской службы (п. 12 Положения)");

    private final String group;
    private final String refusal;

    Request(String group, String refusal) {
      this.group = group;
      this.refusal = refusal;
    }

    public String group() {
      return group;
    }
  }

  /** The controlling deputy chair's decision on a report. */
  public enum Review { ACCEPT, RETURN }

  // ------------------------------------------------------------------------------------------------- reading

  public Optional<ControlledDecision> find(String key) {
    return register.find(key);
  }

  public ControlledDecision get(String key) {
    return register.get(key);
  }

  public List<DecisionEvent> history(String key) {
    return register.events(key);
  }

  public DecisionRegister.Found search(DecisionQuery query, int offset, int limit) {
    return register.search(query, offset, limit);
  }

  /** «Кузнецова Елена Игоревна (Цифровая трансформация сферы государственного управления)». */
  public String controllerText(ControlledDecision d) {
    String area = areaTitle(d.controlArea());
    List<User> deputies = identity.members(d.controlArea());
    String names = deputies.isEmpty() ? (d.controllerName() == null ? "заместитель председателя не назначен"
        : d.controllerName()) : deputies.stream().map(IdentityDirectory::fullName).collect(Collectors.joining(", "));
    return names + " (" + area + ")";
  }

  public static String areaTitle(String areaGroup) {
    return DeputyArea.byGroupId(areaGroup).map(DeputyArea::title).orElse(areaGroup);
  }

  /** «№ 3/2026 от 16.12.2026 14:30». */
  public String meetingTitle(ControlledDecision d) {
    return MeetingScheduling.title(d.meetingRef(), d.meetingStart());
  }

  public String dueText(ControlledDecision d) {
    return deadlines.dueText(d.dueDate());
  }

  // -------------------------------------------------------------------------------------------- registration

  /**
   * Puts a decision under control: the executor is a person when a user with that id exists, else a group (§ 8);
   * the controller is the deputy chair of the area. Idempotent: an already registered decision is returned as it
   * is (a retried job registers nothing twice).
   *
   * @throws IllegalStateException        when the input cannot be controlled (unknown executor or area): an incident
   *                                      for an administrator, with a Russian message
   * @throws MissingCalendarYearException when the due date's year is not in the production calendar
   */
  public ControlledDecision register(NewDecision input, String processInstanceId) {
    String key = ControlledDecision.keyOf(input.meetingKey(), input.itemNo());
    Optional<ControlledDecision> existing = register.find(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    Meeting meeting = meetings.find(input.meetingKey()).orElseThrow(() -> new IllegalStateException(
        "Заседание " + input.meetingKey() + " не найдено: решение не может быть поставлено на контроль"));
    ExecutorKind kind = executorKind(input.executorId()).orElseThrow(() -> new IllegalStateException(
        "Исполнитель поручения «" + input.executorId() + "» (" + input.executorName() + ") не найден ни среди "
            + "пользователей, ни среди групп: восстановите его в Camunda Admin и повторите задание"));
    if (DeputyArea.byGroupId(input.controlArea()).isEmpty()) {
      throw new IllegalStateException("Направление контроля «" + input.controlArea() + "» не является направлением "
          + "заместителя председателя (п. 6 Положения)");
    }
    if (input.dueDate() == null) {
      throw new IllegalStateException("У поручения по вопросу " + input.itemNo() + " нет срока исполнения");
    }
    // both deadlines must be computable now: a year missing from the calendar stops here, with its name
    OffsetDateTime dueAt = deadlines.dueAt(input.dueDate());
    deadlines.reminderAt(input.dueDate());
    List<User> deputies = identity.members(input.controlArea());
    User deputy = deputies.isEmpty() ? null : deputies.get(0);
    String executorName = input.executorName() != null ? input.executorName()
        : executorName(kind, input.executorId());
    ControlledDecision decision = new ControlledDecision(key, input.meetingKey(), meeting.ref(), meeting.start(),
        input.itemNo(), input.itemTitle(), input.decisionText(), input.executorId(), kind, executorName,
        input.controlArea(), deputy == null ? null : deputy.getId(),
        deputy == null ? null : IdentityDirectory.fullName(deputy),
        input.dueDate(), input.dueDate(), dueAt, DecisionState.IN_PROGRESS, DecisionStage.AWAITING_REPORT,
        processInstanceId, null, null, null, null);
    register.insert(decision);
    ControlledDecision stored = register.get(key);
    register.addEvent(key, DecisionEvent.of(DecisionEventKind.REGISTERED, "Исполнитель: " + executorName
        + ". Срок исполнения: " + deadlines.dueText(input.dueDate()) + ". Контроль исполнения: "
        + controllerText(stored)
        + (deputy == null ? ". Внимание: в группе направления нет заместителя председателя" : ""),
        null));
    if (deputy == null) {
      LOG.warn("Decision {} is controlled by area {} whose group has no member", key, input.controlArea());
    }
    return stored;
  }

  private String executorName(ExecutorKind kind, String executorId) {
    return switch (kind) {
      case USER -> identity.userName(executorId);
      case GROUP -> identity.groupName(executorId);
      case BODY -> bodies.name(executorId).orElse(executorId);
    };
  }

  /**
   * A user id wins over a group id of the same spelling: the executor is a person when such a user exists; an
   * executive body of the maintained list has no account.
   */
  private Optional<ExecutorKind> executorKind(String executorId) {
    if (identity.user(executorId).isPresent()) {
      return Optional.of(ExecutorKind.USER);
    }
    if (bodies.isBody(executorId)) {
      return Optional.of(ExecutorKind.BODY);
    }
    return identity.group(executorId).map(g -> ExecutorKind.GROUP);
  }

  // --------------------------------------------------------------------------------------- report and review

  /**
   * Whether the user reports for the executor: the person, a member of the executor group, or — for an executive
   * body, which has no account — a member of the secretariat, which enters the body's report.
   */
  public boolean isExecutor(ControlledDecision d, String userId) {
    if (userId == null) {
      return false;
    }
    return switch (d.executorKind()) {
      case USER -> d.executorId().equals(userId);
      case GROUP -> identity.isMember(userId, d.executorId());
      case BODY -> identity.isMember(userId, RosterGroups.SECRETARIAT);
    };
  }

  /** Whether the user controls the decision: a member of its area group (the deputy chair, § 8). */
  public boolean isController(ControlledDecision d, String userId) {
    return identity.isMember(userId, d.controlArea());
  }

  /** The executor's report (text and links to documents, one per line); the decision goes to the deputy chair. */
  public void report(String key, String actor, String text, String links) {
    ControlledDecision d = open(key);
    if (!isExecutor(d, actor)) {
      throw new Refusal("Отчитаться об исполнении поручения может только его исполнитель: " + d.executorName());
    }
    String report = trim(text);
    if (report == null || report.length() < MIN_REPORT) {
      throw new Refusal("Опишите в отчёте, что сделано для исполнения поручения (не короче "
          + MIN_REPORT + " символов)");
    }
    register.addEvent(key, new DecisionEvent(DecisionEventKind.REPORTED, report, links(links), null, null, null,
        actor, null));
    register.setStage(key, DecisionStage.UNDER_REVIEW);
  }

  /**
   * The controlling deputy chair accepts the report (the decision is executed and leaves control) or returns it with
   * remarks to the executor.
   *
   * @return whether the report was accepted
   */
  public boolean review(String key, String actor, String decision, String remarks) {
    ControlledDecision d = open(key);
    if (!isController(d, actor)) {
      throw new Refusal("Принять или вернуть отчёт может только заместитель председателя, контролирующий "
          + "исполнение решения (п. 8 Положения): " + controllerText(d));
    }
    Review review = Arrays.stream(Review.values()).filter(r -> r.name().equals(decision)).findFirst()
        .orElseThrow(() -> new Refusal("Выберите решение: принять отчёт или вернуть его исполнителю"));
    if (review == Review.RETURN) {
      String text = trim(remarks);
      if (text == null || text.length() < MIN_REASON) {
        throw new Refusal("Укажите замечания, с которыми отчёт возвращается исполнителю");
      }
      register.addEvent(key, DecisionEvent.of(DecisionEventKind.RETURNED, text, actor));
      register.setStage(key, DecisionStage.AWAITING_REPORT);
      return false;
    }
    boolean late = clock.now().isAfter(d.dueAt().toInstant());
    register.close(key, DecisionState.EXECUTED);
    register.addEvent(key, DecisionEvent.of(DecisionEventKind.ACCEPTED, late
        ? "Поручение исполнено с нарушением срока (" + deadlines.dueText(d.dueDate()) + ")"
        : "Поручение исполнено в срок", actor));
    return true;
  }

  // ---------------------------------------------------------------------------------- reminder and escalation

  /**
   * The executor's reminder N working days before the due date; not sent while the report is with the deputy chair
   * (the executor has nothing to do then). Recorded either way. A retried job sends nothing twice (delivery log).
   */
  public void remind(String key) {
    ControlledDecision d = register.get(key);
    if (!d.open() || clock.now().isBefore(deadlines.reminderAt(d.dueDate()).toInstant())) {
      return; // closed, or the due date was extended while this reminder waited for its job
    }
    if (d.stage() == DecisionStage.UNDER_REVIEW) {
      register.addEvent(key, DecisionEvent.of(DecisionEventKind.REMINDED, "Напоминание о сроке "
          + deadlines.dueText(d.dueDate()) + " не направлялось: отчёт исполнителя на рассмотрении", null));
      return;
    }
    DeliveryResult result = notifications.remindDecisionExecutor(notice(d));
    register.addEvent(key, DecisionEvent.of(DecisionEventKind.REMINDED, "Напоминание о сроке "
        + deadlines.dueText(d.dueDate()) + " направлено: " + delivered(result), null));
  }

  /**
   * The due date passed without an accepted report: the decision is overdue (its tasks stay open), and the deputy
   * chair who controls it is told who has to act.
   */
  public void escalate(String key) {
    ControlledDecision d = register.get(key);
    if (!d.open() || clock.now().isBefore(d.dueAt().toInstant())) {
      return; // closed, or the due date was extended while this escalation waited for its job
    }
    register.setState(key, DecisionState.OVERDUE);
    DeliveryResult result = notifications.escalateOverdueDecision(notice(d));
    register.addEvent(key, DecisionEvent.of(DecisionEventKind.ESCALATED, "Срок исполнения ("
        + deadlines.dueText(d.dueDate()) + ") истёк: " + d.stage().title() + " (исполнитель: " + d.executorName()
        + "). Доложено: " + delivered(result), null));
  }

  private DecisionNotice notice(ControlledDecision d) {
    // an executive body is reminded through the secretariat, which enters its report
    boolean body = d.executorKind() == ExecutorKind.BODY;
    return new DecisionNotice(d.key(), meetingTitle(d), d.itemNo(), d.itemTitle(), d.decisionText(),
        body ? RosterGroups.SECRETARIAT : d.executorId(), d.executorKind() != ExecutorKind.USER, d.executorName(),
        d.controlArea(), controllerText(d),
        d.dueAt().atZoneSameInstant(RussianDates.ZONE), d.stage().title(), null);
  }

  private static String delivered(DeliveryResult result) {
    List<String> parts = new ArrayList<>();
    List<Recipient> all = new ArrayList<>(result.sent());
    all.addAll(result.alreadySent());
    parts.add(all.isEmpty() ? "никому" : all.stream().map(Recipient::label).collect(Collectors.joining(", ")));
    if (result.hasGaps()) {
      parts.add("не доставлено: " + String.join("; ", result.gapTexts()));
    }
    return String.join("; ", parts);
  }

  // ------------------------------------------------------------------------------------- staff requests

  /**
   * The decision a staff member names in a request («3/2026», item 2), if they may make the request and the decision
   * is still under control.
   */
  public ControlledDecision forRequest(Request request, String actor, String meetingRef, Integer itemNo) {
    if (actor == null) {
      throw new Refusal("Запрос подаётся от имени вошедшего в систему сотрудника");
    }
    if (!identity.isMember(actor, request.group())) {
      throw new Refusal(request.refusal);
    }
    MeetingRef ref = MeetingRef.parse(meetingRef);
    if (itemNo == null || itemNo < 1) {
      throw new Refusal("Укажите номер вопроса повестки, по которому принято решение");
    }
    ControlledDecision d = register.find(ControlledDecision.keyOf(ref.key(), itemNo)).orElseThrow(() ->
        new Refusal("Решение по вопросу " + itemNo + " заседания " + ref.display()
            + " не стоит на контроле исполнения"));
    if (!d.open()) {
      throw new Refusal("Решение по " + d.describe() + " уже " + (d.state() == DecisionState.EXECUTED
          ? "исполнено и снято с контроля" : "отменено и снято с контроля"));
    }
    return d;
  }

  /**
   * § 8, at the vote: an instruction whose due date could not be put under control after signing (its deadlines
   * fall in a year the production calendar does not hold) is refused before the vote is recorded.
   */
  @EventListener
  public void instructionProposed(MeetingConduct.InstructionProposed instruction) {
    try {
      deadlines.dueAt(instruction.dueDate());
      deadlines.reminderAt(instruction.dueDate());
    } catch (MissingCalendarYearException e) {
      throw new Refusal("Срок исполнения поручения (" + ControlDeadlines.date(instruction.dueDate())
          + ") нельзя поставить на контроль: " + e.getMessage());
    }
  }

  /** An extension by the chair's office: a reason, a date not in the past and later than the due date in force. */
  public void checkExtension(ControlledDecision d, LocalDate newDueDate, String reason) {
    if (newDueDate == null) {
      throw new Refusal("Укажите новый срок исполнения поручения");
    }
    String why = trim(reason);
    if (why == null || why.length() < MIN_REASON) {
      throw new Refusal("Укажите причину продления срока исполнения: она записывается в реестр контроля");
    }
    if (newDueDate.isBefore(clock.today())) {
      throw new Refusal("Новый срок исполнения (" + ControlDeadlines.date(newDueDate)
          + ") уже прошёл: укажите дату не ранее сегодняшней");
    }
    if (!newDueDate.isAfter(d.dueDate())) {
      throw new Refusal("Новый срок исполнения (" + ControlDeadlines.date(newDueDate)
          + ") должен быть позже действующего срока — " + ControlDeadlines.date(d.dueDate()));
    }
    try {
      deadlines.dueAt(newDueDate);
      deadlines.reminderAt(newDueDate);
    } catch (MissingCalendarYearException e) {
      throw new Refusal(e.getMessage());
    }
  }

  /** Applies an extension: the new due date is in force, an overdue decision is back in progress. */
  public ControlledDecision applyExtension(String key, LocalDate newDueDate, String reason, String actor) {
    ControlledDecision d = open(key);
    register.extend(key, newDueDate, deadlines.dueAt(newDueDate));
    register.addEvent(key, new DecisionEvent(DecisionEventKind.EXTENDED, trim(reason), null, d.dueDate(), newDueDate,
        null, actor, null));
    return register.get(key);
  }

  /** The later decision of the working group that withdraws a decision under control. */
  public record Withdrawal(MeetingRef meeting, int itemNo) {
    /** «№ 3/2026, вопрос 2». */
    public String text() {
      return ControlledDecision.reference(meeting, itemNo);
    }
  }

  /**
   * A withdrawal names an adopted decision of a later meeting whose minutes are signed (a decision of the working
   * group takes effect with its minutes, § 18).
   */
  public Withdrawal checkWithdrawal(ControlledDecision d, String withdrawingMeetingRef, Integer withdrawingItemNo) {
    if (withdrawingMeetingRef == null || withdrawingMeetingRef.isBlank()) {
      throw new Refusal("Укажите заседание, решением которого отменяется решение, например «3/2026»");
    }
    MeetingRef ref = MeetingRef.parse(withdrawingMeetingRef);
    if (withdrawingItemNo == null || withdrawingItemNo < 1) {
      throw new Refusal("Укажите номер вопроса повестки, по которому принято решение об отмене");
    }
    Meeting later = meetings.find(ref.key())
        .orElseThrow(() -> new Refusal("Заседание " + ref.display() + " не найдено"));
    if (!later.start().isAfter(d.meetingStart())) {
      throw new Refusal("Решение может быть отменено только решением последующего заседания Рабочей группы "
          + "(позже заседания " + d.meetingRef().display() + ")");
    }
    if (later.status() != MeetingStatus.MINUTES_SIGNED && later.status() != MeetingStatus.PUBLISHED) {
      throw new Refusal("Протокол заседания " + ref.display() + " ещё не подписан: решение об отмене вступает "
          + "в силу с подписанием протокола (п. 18 Положения)");
    }
    boolean adopted = meetings.decisions(ref.key()).stream()
        .anyMatch(x -> x.itemNo() == withdrawingItemNo && x.adopted());
    if (!adopted) {
      throw new Refusal("На заседании " + ref.display() + " по вопросу " + withdrawingItemNo
          + " нет принятого решения");
    }
    return new Withdrawal(ref, withdrawingItemNo);
  }

  /** Applies a withdrawal: the decision leaves control, with the reference to the withdrawing decision. */
  public void applyWithdrawal(String key, Withdrawal withdrawal, String note, String actor) {
    ControlledDecision d = open(key);
    register.withdraw(d.key(), withdrawal.meeting().key(), withdrawal.itemNo());
    register.addEvent(key, new DecisionEvent(DecisionEventKind.WITHDRAWN,
        trim(note) == null ? "Решение отменено решением Рабочей группы: " + withdrawal.text() : trim(note),
        null, null, null, withdrawal.text(), actor, null));
  }

  // ------------------------------------------------------------------------------------------------- helpers

  private ControlledDecision open(String key) {
    ControlledDecision d = register.find(key)
        .orElseThrow(() -> new Refusal("Решение " + key + " не стоит на контроле исполнения"));
    if (!d.open()) {
      throw new Refusal("Решение по " + d.describe() + " уже снято с контроля");
    }
    return d;
  }

  /** Links to documents: one per line, blank lines dropped. */
  static String links(String text) {
    if (text == null) {
      return null;
    }
    List<String> lines = text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    for (String line : lines) {
      if (line.length() > MAX_LINK) {
        throw new Refusal("Ссылка на документ длиннее " + MAX_LINK + " символов: «"
            + line.substring(0, 40) + "…»");
      }
    }
    String joined = String.join("\n", lines);
    if (joined.length() > 4000) {
      throw new Refusal("Слишком много ссылок на документы: не больше 4000 символов");
    }
    return joined.isEmpty() ? null : joined;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
