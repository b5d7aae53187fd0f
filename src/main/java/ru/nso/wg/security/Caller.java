package ru.nso.wg.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import ru.nso.wg.roster.AsEngine;
import ru.nso.wg.roster.RosterGroups;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls an engine REST API: on {@code /engine-rest}, the user Camunda's authentication filter has just set as
 * the engine's current authentication; on the webapps' {@code /camunda/api/engine}, the user of the session.
 */
record Caller(String userId, Set<String> groups) {

  boolean admin() {
    return groups.contains(RosterGroups.ADMINS);
  }

  boolean inAny(List<String> groupIds) {
    return groupIds.stream().anyMatch(groups::contains);
  }

  static Optional<Caller> of(HttpServletRequest request, IdentityService identity, AsEngine asEngine) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return Optional.of(new Caller(current.getUserId(),
          current.getGroupIds() == null ? Set.of() : Set.copyOf(current.getGroupIds())));
    }
    return ApiAuthenticationFilter.fromSession(request).map(userId -> new Caller(userId, asEngine.call(() ->
        Set.copyOf(identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList()))));
  }
}
