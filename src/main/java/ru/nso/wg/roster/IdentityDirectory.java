package ru.nso.wg.roster;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Camunda identity (the roster, maintained in Camunda Admin or LDAP), read as the engine: authorizations are
 * enabled, and the answer must not depend on who asks — a job has no user at all, a member who completes a task
 * triggers reads of everyone. The only place that queries users and groups.
 */
@Component
public class IdentityDirectory {

  private static final Comparator<String> NAME_ORDER = Comparator.nullsLast(String::compareTo);

  private final IdentityService identity;
  private final AsEngine asEngine;

  public IdentityDirectory(IdentityService identity, AsEngine asEngine) {
    this.identity = identity;
    this.asEngine = asEngine;
  }

  /** One user, if known to identity. */
  public Optional<User> user(String userId) {
    return userId == null ? Optional.empty()
        : asEngine.call(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult()));
  }

  /** A user with this e-mail address (the first, should several share it), if any. */
  public Optional<User> userByEmail(String email) {
    return email == null ? Optional.empty()
        : asEngine.call(() -> identity.createUserQuery().userEmail(email).listPage(0, 1).stream().findFirst());
  }

  /** One group, if known to identity. */
  public Optional<Group> group(String groupId) {
    return groupId == null ? Optional.empty()
        : asEngine.call(() -> Optional.ofNullable(identity.createGroupQuery().groupId(groupId).singleResult()));
  }

  /** The group's name, or its id when it is unknown or has none. */
  public String groupName(String groupId) {
    return group(groupId).map(Group::getName).filter(name -> !name.isBlank()).orElse(groupId);
  }

  /** The users of a group, ordered by last name, then first name. */
  public List<User> members(String groupId) {
    return asEngine.call(() -> identity.createUserQuery().memberOfGroup(groupId)
            .orderByUserLastName().asc().orderByUserFirstName().asc().list()).stream()
        .sorted(Comparator.comparing(User::getLastName, NAME_ORDER).thenComparing(User::getFirstName, NAME_ORDER))
        .toList();
  }

  public boolean isMember(String userId, String groupId) {
    return userId != null && groupId != null
        && asEngine.call(() -> identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
  }

  /** The deputy-chair area groups the user is in (a deputy chair, or someone of their office). */
  public List<String> areasOf(String userId) {
    return Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId).filter(area -> isMember(userId, area)).toList();
  }

  /** The user's position (должность, user info {@link RosterBootstrap#POSITION}), or {@code null}. */
  public String position(String userId) {
    return asEngine.call(() -> identity.getUserInfo(userId, RosterBootstrap.POSITION));
  }

  /** The organisation the user represents (user info {@link RosterBootstrap#ORGANISATION}), or {@code null}. */
  public String organisation(String userId) {
    return asEngine.call(() -> identity.getUserInfo(userId, RosterBootstrap.ORGANISATION));
  }

  /** «Кузнецова Елена Игоревна», or the id when the user is unknown. */
  public String userName(String userId) {
    return user(userId).map(IdentityDirectory::fullName).orElse(userId);
  }

  /** «Кузнецова Елена Игоревна»: last name, then first names; the id when both are empty. */
  public static String fullName(User user) {
    String name = ((user.getLastName() == null ? "" : user.getLastName()) + " "
        + (user.getFirstName() == null ? "" : user.getFirstName())).trim();
    return name.isEmpty() ? user.getId() : name;
  }
}
