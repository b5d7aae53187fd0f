package ru.nso.wg.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.api.ApiException;
import ru.nso.wg.meeting.MeetingRef;
import ru.nso.wg.meeting.MeetingRefusal;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 *       whose" in one call;</li>
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

  private final DecisionControl control;
  private final ControlIdentity identity;
  private final IdentityService identityService;

  public DecisionRegisterController(DecisionControl control, ControlIdentity identity,
                                    IdentityService identityService) {
    this.control = control;
    this.identity = identity;
    this.identityService = identityService;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(required = false) String meeting,
                                  @RequestParam(required = false) String controller,
                                  @RequestParam(required = false) String executor,
                                  @RequestParam(required = false) String state) {
    requireReader();
    DecisionQuery query = new DecisionQuery(meetingKey(meeting), areas(controller), blankToNull(executor), states(state));
    List<ControlledDecision> decisions = control.search(query);
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("meeting", query.meetingKey());
    filters.put("controller", blankToNull(controller));
    filters.put("controlAreas", query.controlAreas());
    filters.put("executor", query.executorId());
    filters.put("state", query.states().stream().map(Enum::name).sorted().toList());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", decisions.size());
    body.put("filters", filters);
    // the deputies of each area are read once per request, not once per decision (N+1 through identity queries)
    Map<String, List<Map<String, String>>> deputies = new java.util.HashMap<>();
    body.put("decisions", decisions.stream().map(d -> json(d, deputies)).toList());
    return body;
  }

  @GetMapping("/{meetingKey}/{itemNo}")
  public Map<String, Object> one(@PathVariable String meetingKey, @PathVariable int itemNo) {
    requireReader();
    String key = ControlledDecision.keyOf(meetingKey(meetingKey), itemNo);
    ControlledDecision d = control.find(key).orElseThrow(() -> ApiException.notFound(
        "Решение по вопросу " + itemNo + " заседания " + meetingKey + " не стоит на контроле исполнения"));
    Map<String, Object> body = json(d, new java.util.HashMap<>());
    body.put("history", control.history(key).stream().map(this::json).toList());
    return body;
  }

  // -------------------------------------------------------------------------------------------------- JSON

  private Map<String, Object> json(ControlledDecision d, Map<String, List<Map<String, String>>> deputiesByArea) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("key", d.key());
    json.put("meetingKey", d.meetingKey());
    json.put("meeting", d.meetingRef().display());
    json.put("meetingDate", d.meetingStart().atZoneSameInstant(ru.nso.wg.calendar.DeadlineSettings.ZONE)
        .toLocalDate().toString());
    json.put("itemNo", d.itemNo());
    json.put("itemTitle", d.itemTitle());
    json.put("decisionText", d.decisionText());
    Map<String, Object> executor = new LinkedHashMap<>();
    executor.put("id", d.executorId());
    executor.put("kind", d.executorKind().name());
    executor.put("name", d.executorName());
    json.put("executor", executor);
    Map<String, Object> controller = new LinkedHashMap<>();
    controller.put("area", d.controlArea());
    controller.put("areaTitle", DecisionControl.areaTitle(d.controlArea()));
    List<Map<String, String>> deputies = deputiesByArea.computeIfAbsent(d.controlArea(), area ->
        identity.members(area).stream().map(u -> Map.of("id", u.getId(), "name", ControlIdentity.fullName(u))).toList());
    controller.put("deputies", deputies);
    controller.put("deputyAtRegistration", d.controllerId());
    json.put("controller", controller);
    json.put("originalDueDate", date(d.originalDueDate()));
    json.put("dueDate", date(d.dueDate()));
    json.put("dueAt", instant(d.dueAt()));
    json.put("dueText", control.dueText(d));
    json.put("state", d.state().name());
    json.put("stateTitle", d.state().title());
    json.put("stage", d.stage().name());
    json.put("stageTitle", d.stage().title());
    json.put("executedLate", d.executedLate());
    json.put("withdrawnBy", d.withdrawnByText());
    json.put("registeredAt", instant(d.registeredAt()));
    json.put("closedAt", instant(d.closedAt()));
    json.put("processInstanceId", d.processInstanceId());
    return json;
  }

  private Map<String, Object> json(DecisionEvent e) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", e.kind().name());
    json.put("title", e.kind().title());
    json.put("at", instant(e.occurredAt()));
    json.put("actor", e.actor());
    json.put("actorName", e.actor() == null ? null : identity.userName(e.actor()));
    json.put("details", e.details());
    json.put("links", e.links() == null ? List.of() : e.links().lines().toList());
    json.put("dueDateBefore", date(e.dueDateBefore()));
    json.put("dueDateAfter", date(e.dueDateAfter()));
    json.put("reference", e.reference());
    return json;
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : INSTANT.format(t.atZoneSameInstant(ru.nso.wg.calendar.DeadlineSettings.ZONE));
  }

  // ----------------------------------------------------------------------------------------------- filters

  private void requireReader() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Требуется вход в систему");
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.stream().noneMatch(READERS::contains)) {
      throw ApiException.forbidden("Реестр решений на контроле доступен членам Рабочей группы, аппарату председателя, "
          + "департаменту организации управления и государственной гражданской службы и департаменту "
          + "информационной политики");
    }
  }

  private static String meetingKey(String meeting) {
    String value = blankToNull(meeting);
    if (value == null) {
      return null;
    }
    try {
      return MeetingRef.parse(value).key();
    } catch (MeetingRefusal e) {
      throw ApiException.badRequest(e.getMessage());
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
      throw ApiException.badRequest("Параметр «controller»: «" + value + "» — не направление заместителя "
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
          .orElseThrow(() -> ApiException.badRequest("Неизвестное состояние «" + part.trim() + "»; допустимы: "
              + Arrays.stream(DecisionState.values()).map(Enum::name).collect(Collectors.joining(", ")))));
    }
    return states;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
