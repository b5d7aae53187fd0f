package ru.nso.wg.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register of decisions under execution control (§ 8), read only:
 * <ul>
 *   <li>{@code GET /api/decisions} — every controlled decision, by due date; filters (combined with AND):
 *       {@code meeting} ({@code 3/2026} or {@code 2026-3}), {@code controller} (an area group such as
 *       {@code wg-area-digital}, or a deputy chair's user id: the areas whose group they are in), {@code executor}
 *       (a user id or a group id), {@code state} ({@code IN_PROGRESS}, {@code OVERDUE}, {@code EXECUTED},
 *       {@code WITHDRAWN}; several separated by commas). {@code ?state=OVERDUE} answers "what is overdue, and
 *       whose" in one call. A page at a time: {@code offset} (0) and {@code limit} (100, at most 1000); {@code count}
 *       is how many match in all;</li>
 *   <li>{@code GET /api/decisions/{meetingKey}/{itemNo}} — one decision with its history (reports, returns,
 *       reminders, escalations, extensions, withdrawal).</li>
 * </ul>
 * Who may read: the roster (members, deputy chairs and their area groups, the chair's office), the secretariat, the
 * information-policy department and administrators; anyone else gets 403 (401 without login, from
 * {@code ApiAuthenticationFilter}). Dates are ISO; instants carry the Novosibirsk offset.
 */
@RestController
@RequestMapping("/api/decisions")
public class DecisionRegisterController {

  static final Set<String> READERS = Stream.concat(
      Stream.of(RosterGroups.MEMBERS, RosterGroups.DEPUTY_CHAIRS, RosterGroups.CHAIR, RosterGroups.SECRETARIAT,
          RosterGroups.INFO_POLICY, RosterGroups.ADMINS),
      Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId)).collect(Collectors.toUnmodifiableSet());

  private static final DateTimeFormatter INSTANT = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  /** Decisions per answer unless asked otherwise, and the most one answer holds. */
  static final int PAGE = 100;
  static final int MAX_PAGE = 1000;

  private final DecisionControl control;
  private final IdentityDirectory identity;
  private final IdentityService identityService;

  public DecisionRegisterController(DecisionControl control, IdentityDirectory identity,
                                    IdentityService identityService) {
    this.control = control;
    this.identity = identity;
    this.identityService = identityService;
  }

  @GetMapping
  public DecisionList list(@RequestParam(required = false) String meeting,
                           @RequestParam(required = false) String controller,
                           @RequestParam(required = false) String executor,
                           @RequestParam(required = false) String state,
                           @RequestParam(defaultValue = "0") int offset,
                           @RequestParam(defaultValue = "" + PAGE) int limit) {
    requireReader();
    if (offset < 0) {
      throw new Refusal("Параметр offset: не меньше 0");
    }
    if (limit < 1 || limit > MAX_PAGE) {
      throw new Refusal("Параметр limit: от 1 до " + MAX_PAGE + " решений за раз");
    }
    DecisionQuery query = new DecisionQuery(meetingKey(meeting), areas(controller), blankToNull(executor),
        states(state));
    // the deputies of each area are read once per request, not once per decision (N+1 through identity queries)
    Map<String, List<Person>> deputies = new HashMap<>();
    DecisionRegister.Found found = control.search(query, offset, limit);
    List<DecisionView> decisions = found.decisions().stream().map(d -> view(d, null, deputies)).toList();
    return new DecisionList(found.total(), offset, limit, new Filters(query.meetingKey(), blankToNull(controller),
        query.controlAreas(), query.executorId(), query.states().stream().map(Enum::name).sorted().toList()),
        decisions);
  }

  @GetMapping("/{meetingKey}/{itemNo}")
  public DecisionView one(@PathVariable String meetingKey, @PathVariable int itemNo) {
    requireReader();
    String key = ControlledDecision.keyOf(meetingKey(meetingKey), itemNo);
    ControlledDecision d = control.find(key).orElseThrow(() -> Refusal.notFound(
        "Решение по вопросу " + itemNo + " заседания " + meetingKey + " не стоит на контроле исполнения"));
    return view(d, control.history(key).stream().map(this::view).toList(), new HashMap<>());
  }

  // ------------------------------------------------------------------------------------------------ answers

  /**
   * The answer of {@code GET /api/decisions}: {@code count} decisions match, {@code decisions} holds those from
   * {@code offset}, at most {@code limit}.
   */
  public record DecisionList(int count, int offset, int limit, Filters filters, List<DecisionView> decisions) {
  }

  /** The filters as applied. */
  public record Filters(String meeting, String controller, List<String> controlAreas, String executor,
                        List<String> state) {
  }

  /** One decision under control; {@code history} only in the answer about one decision. */
  public record DecisionView(String key, String meetingKey, String meeting, String meetingDate, int itemNo,
                             String itemTitle, String decisionText, Executor executor, Controller controller,
                             String originalDueDate, String dueDate, String dueAt, String dueText, String state,
                             String stateTitle, String stage, String stageTitle, boolean executedLate,
                             String withdrawnBy, String registeredAt, String closedAt, String processInstanceId,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<EventView> history) {
  }

  public record Executor(String id, String kind, String name) {
  }

  public record Controller(String area, String areaTitle, List<Person> deputies, String deputyAtRegistration) {
  }

  public record Person(String id, String name) {
  }

  /** An entry of a decision's history. */
  public record EventView(String kind, String title, String at, String actor, String actorName, String details,
                          List<String> links, String dueDateBefore, String dueDateAfter, String reference) {
  }

  private DecisionView view(ControlledDecision d, List<EventView> history, Map<String, List<Person>> deputiesByArea) {
    List<Person> deputies = deputiesByArea.computeIfAbsent(d.controlArea(), area -> identity.members(area).stream()
        .map(u -> new Person(u.getId(), IdentityDirectory.fullName(u))).toList());
    return new DecisionView(d.key(), d.meetingKey(), d.meetingRef().display(),
        date(RussianDates.localDate(d.meetingStart())), d.itemNo(), d.itemTitle(), d.decisionText(),
        new Executor(d.executorId(), d.executorKind().name(), d.executorName()),
        new Controller(d.controlArea(), DecisionControl.areaTitle(d.controlArea()), deputies, d.controllerId()),
        date(d.originalDueDate()), date(d.dueDate()), instant(d.dueAt()), control.dueText(d), d.state().name(),
        d.state().title(), d.stage().name(), d.stage().title(), d.executedLate(), d.withdrawnByText(),
        instant(d.registeredAt()), instant(d.closedAt()), d.processInstanceId(), history);
  }

  private EventView view(DecisionEvent e) {
    return new EventView(e.kind().name(), e.kind().title(), instant(e.occurredAt()), e.actor(),
        e.actor() == null ? null : identity.userName(e.actor()), e.details(),
        e.links() == null ? List.of() : e.links().lines().toList(), date(e.dueDateBefore()), date(e.dueDateAfter()),
        e.reference());
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : INSTANT.format(t.atZoneSameInstant(RussianDates.ZONE));
  }

  // ----------------------------------------------------------------------------------------------- filters

  private void requireReader() {
    CurrentCaller.requireAnyOf(identityService, READERS, "Реестр решений на контроле доступен членам Рабочей "
        + "группы, аппарату председателя, департаменту организации управления и государственной гражданской службы "
        + "и департаменту информационной политики");
  }

  private static String meetingKey(String meeting) {
    String value = blankToNull(meeting);
    if (value == null) {
      return null;
    }
    try {
      return MeetingRef.parse(value).key();
    } catch (Refusal e) {
      throw new Refusal(e.getMessage());
    }
  }

  /** An area group as it is; anything else is a user: the areas whose group they are in (maybe none). */
  private List<String> areas(String controller) {
    String value = blankToNull(controller);
    if (value == null) {
      return null;
    }
    if (DeputyArea.byGroupId(value).isPresent()) {
      return List.of(value);
    }
    if (identity.user(value).isEmpty()) {
      throw new Refusal("Параметр «controller»: «" + value + "» — не направление заместителя "
          + "председателя (" + Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId)
          .collect(Collectors.joining(", ")) + ") и не пользователь");
    }
    return identity.areasOf(value);
  }

  private static Set<DecisionState> states(String state) {
    String value = blankToNull(state);
    if (value == null) {
      return Set.of();
    }
    Set<DecisionState> states = EnumSet.noneOf(DecisionState.class);
    for (String part : value.split(",")) {
      String name = part.trim().toUpperCase(Locale.ROOT);
      states.add(Arrays.stream(DecisionState.values()).filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new Refusal("Неизвестное состояние «" + part.trim() + "»; допустимы: "
              + Arrays.stream(DecisionState.values()).map(Enum::name).collect(Collectors.joining(", ")))));
    }
    return states;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
