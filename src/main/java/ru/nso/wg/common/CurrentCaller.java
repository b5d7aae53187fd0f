package ru.nso.wg.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

import java.util.Collection;
import java.util.List;

/**
 * The logged-in caller of one of the application's own endpoints, as the engine knows him (its current
 * authentication, set by the API's authentication filter): the checks every such endpoint makes first, with the same
 * refusals everywhere.
 */
public final class CurrentCaller {

  private CurrentCaller() {
  }

  /** The caller: 401 «Требуется вход в систему» without a login. */
  public static Authentication require(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw Refusal.unauthenticated();
    }
    return authentication;
  }

  /** The caller when he is in one of {@code groups}: 401 without a login, 403 with {@code refusal} otherwise. */
  public static Authentication requireAnyOf(IdentityService identity, Collection<String> groups, String refusal) {
    Authentication authentication = require(identity);
    List<String> own = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (own.stream().noneMatch(groups::contains)) {
      throw Refusal.forbidden(refusal);
    }
    return authentication;
  }
}
