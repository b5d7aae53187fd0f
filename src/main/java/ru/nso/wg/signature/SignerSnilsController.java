package ru.nso.wg.signature;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.common.CurrentCaller;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.roster.IdentityDirectory;
import ru.nso.wg.roster.RosterGroups;

import java.util.List;

/**
 * The SNILS a signer's certificate must carry: {@code GET/PUT /api/signers/{userId}/snils} ({@code {"snils":
 * "112-233-445 95"}}; {@code null} or empty removes it). Only administrators set it (a member who could set his own
 * SNILS could sign as someone else); administrators and the secretariat read it.
 */
@RestController
public class SignerSnilsController {

  private final SignerSnils snils;
  private final IdentityService identity;
  private final IdentityDirectory directory;
  private final CalendarClock clock;

  public SignerSnilsController(SignerSnils snils, IdentityService identity, IdentityDirectory directory,
                               CalendarClock clock) {
    this.snils = snils;
    this.identity = identity;
    this.directory = directory;
    this.clock = clock;
  }

  /** The body of a PUT and the answer. */
  public record Snils(String userId, String snils) {
  }

  @GetMapping("/api/signers/{userId}/snils")
  public Snils get(@PathVariable String userId) {
    require(List.of(RosterGroups.ADMINS, RosterGroups.SECRETARIAT), "СНИЛС подписантов видят только администраторы "
        + "и департамент");
    known(userId);
    return new Snils(userId, snils.of(userId).orElse(null));
  }

  @PutMapping("/api/signers/{userId}/snils")
  public Snils put(@PathVariable String userId, @RequestBody Snils body) {
    Authentication user = require(List.of(RosterGroups.ADMINS), "СНИЛС подписанта задаёт только администратор");
    known(userId);
    String value = body == null ? null : body.snils();
    snils.set(userId, value == null || value.isBlank() ? null : SignerSnils.normal(value), user.getUserId(),
        clock.now());
    return new Snils(userId, snils.of(userId).orElse(null));
  }

  private void known(String userId) {
    if (!userId.matches("[A-Za-z0-9._@-]{1,64}") || directory.user(userId).isEmpty()) {
      throw Refusal.notFound("Пользователь " + userId + " не найден");
    }
  }

  private Authentication require(List<String> groups, String message) {
    return CurrentCaller.requireAnyOf(identity, groups, message);
  }
}
