package ru.nso.wg.notification;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import ru.nso.wg.document.model.Texts;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads people and their addresses from Camunda identity (the roster, DESIGN.md "Data"). Authorizations are
 * enabled, so the reads run without the caller's authentication — as in a job, where there is none — and see
 * every member whoever triggered the notification; the previous authentication is restored afterwards.
 */
@Component
public class RecipientDirectory {

  private final IdentityService identityService;

  public RecipientDirectory(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The users of a group, ordered by last name. */
  public List<Recipient> groupMembers(String groupId) {
    return unrestricted(() -> identityService.createUserQuery().memberOfGroup(groupId)
        .orderByUserLastName().asc().orderByUserFirstName().asc().list())
        .stream().map(RecipientDirectory::recipient).toList();
  }

  /** One user, if known to identity. */
  public Optional<Recipient> user(String userId) {
    User user = userId == null ? null
        : unrestricted(() -> identityService.createUserQuery().userId(userId).singleResult());
    return Optional.ofNullable(user).map(RecipientDirectory::recipient);
  }

  /** The group's name, or its id when it has none. */
  public String groupName(String groupId) {
    Group group = unrestricted(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  static Recipient recipient(User user) {
    String name = Texts.joinNonBlank(" ", user.getLastName(), user.getFirstName());
    return new Recipient(user.getId(), name, user.getFirstName(), user.getEmail());
  }

  private <T> T unrestricted(Supplier<T> read) {
    Authentication current = identityService.getCurrentAuthentication();
    if (current == null) {
      return read.get();
    }
    identityService.clearAuthentication();
    try {
      return read.get();
    } finally {
      identityService.setAuthentication(current);
    }
  }
}
