package ru.nso.wg.control;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.nso.wg.roster.DeputyArea;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who is who for execution control, read from Camunda identity (the roster, maintained in Camunda Admin or LDAP):
 * executors (users or groups), the deputy chair of an area (the member of its group). Reads run without the caller's
 * authorizations — as in a job, where there is none — so the answer does not depend on who asks; the caller's
 * authentication is restored afterwards.
 */
@Component
public class ControlIdentity {

  private final IdentityService identity;

  public ControlIdentity(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<User> user(String userId) {
    return userId == null ? Optional.empty()
        : unrestricted(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()));
  }

  public Optional<Group> group(String groupId) {
    return groupId == null ? Optional.empty()
        : unrestricted(() -> Optional.ofNullable(identity.createGroupQuery().groupId(groupId).singleResult()));
  }

  /** A user id wins over a group id of the same spelling: the executor is a person when such a user exists. */
  public Optional<ExecutorKind> executorKind(String executorId) {
    if (user(executorId).isPresent()) {
      return Optional.of(ExecutorKind.USER);
    }
    return group(executorId).map(g -> ExecutorKind.GROUP);
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupId != null
        && unrestricted(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** The users of a group, by last name. */
  public List<User> members(String groupId) {
    return unrestricted(() -> identity.createUserQuery().memberOfGroup(groupId).list()).stream()
        .sorted(Comparator.comparing(User::getLastName, Comparator.nullsLast(String::compareTo))).toList();
  }

  /** The deputy-chair area groups the user is in (a deputy chair, or someone of their office). */
  public List<String> areasOf(String userId) {
    return Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId).filter(area -> isMember(userId, area)).toList();
  }

  /** «Кузнецова Елена Игоревна», or the id when the user is unknown. */
  public String userName(String userId) {
    return user(userId).map(ControlIdentity::fullName).orElse(userId);
  }

  public static String fullName(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }

  /** The group's name, or its id. */
  public String groupName(String groupId) {
    return group(groupId).map(Group::getName).filter(n -> !n.isBlank()).orElse(groupId);
  }

  private <T> T unrestricted(Supplier<T> read) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) {
      return read.get();
    }
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      identity.setAuthentication(current);
    }
  }
}
