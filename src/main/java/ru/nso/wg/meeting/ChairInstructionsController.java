package ru.nso.wg.meeting;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.roster.RosterGroups;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * The chair's instructions (§ 10), read only: {@code GET /api/chair-instructions} — every instruction recorded, latest
 * period first: past ones for the record, the one in force, those to come; a withdrawn one with its withdrawal (from
 * when, the end recorded first, why, by whom). {@code state} is where it stands today (Novosibirsk): {@code PAST},
 * {@code IN_FORCE}, {@code FUTURE}, or {@code WITHDRAWN} (withdrawn before its first day, it never applied). Who may
 * read: the chair's office ({@code wg-chair}), the deputy chairs, the secretariat and administrators; a member gets 403
 * (401 without login, from {@code ApiAuthenticationFilter}). Dates are ISO; instants carry the Novosibirsk offset.
 */
@RestController
@RequestMapping("/api/chair-instructions")
public class ChairInstructionsController {

  static final Set<String> READERS = Set.of(RosterGroups.CHAIR, RosterGroups.DEPUTY_CHAIRS, RosterGroups.SECRETARIAT,
      RosterGroups.ADMINS);

  private final ChairPowers chairPowers;
  private final IdentityService identityService;

  public ChairInstructionsController(ChairPowers chairPowers, IdentityService identityService) {
    this.chairPowers = chairPowers;
    this.identityService = identityService;
  }

  /** The answer: today (the day {@code state} is reckoned on) and the instructions. */
  public record InstructionList(String today, List<InstructionView> instructions) {
  }

  /** One instruction; {@code withdrawal} is null unless it was withdrawn. */
  public record InstructionView(long id, Person deputy, String from, String to, String state, String stateTitle,
                                String form, String reference, String description, String recordedBy,
                                String recordedAt, WithdrawalView withdrawal) {
  }

  public record Person(String id, String name) {
  }

  /** Not in force from {@code from} on; {@code recordedTo}: the end recorded first. */
  public record WithdrawalView(String from, String recordedTo, String reason, String by, String at) {
  }

  @GetMapping
  public InstructionList list() {
    requireReader();
    LocalDate today = chairPowers.today();
    return new InstructionList(today.toString(), chairPowers.instructions().stream().map(i -> view(i, today))
        .toList());
  }

  private static InstructionView view(ChairInstruction i, LocalDate today) {
    ChairInstruction.Withdrawal w = i.withdrawal();
    return new InstructionView(i.id(), new Person(i.deputyUserId(), i.deputyName()), i.from().toString(),
        i.to().toString(), i.state(today).name(), i.state(today).title(), i.form().name(), i.reference(),
        i.line(today), i.recordedBy(), instant(i.recordedAt()), w == null ? null
        : new WithdrawalView(w.from().toString(), w.recordedTo().toString(), w.reason(), w.by(), instant(w.at())));
  }

  private static String instant(OffsetDateTime t) {
    return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atZoneSameInstant(RussianDates.ZONE));
  }

  private void requireReader() {
    CurrentCaller.requireAnyOf(identityService, READERS, "Поручения председателя (п. 10 Положения) доступны "
        + "аппарату председателя, заместителям председателя и секретариату Рабочей группы");
  }
}
