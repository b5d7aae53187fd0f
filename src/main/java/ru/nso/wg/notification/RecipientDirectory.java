package ru.nso.wg.notification;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import ru.nso.wg.document.model.Texts;
import ru.nso.wg.roster.IdentityDirectory;

import java.util.List;
import java.util.Optional;

/** People and their addresses, read from Camunda identity through {@link IdentityDirectory}. */
@Component
public class RecipientDirectory {

  private final IdentityDirectory identity;

  public RecipientDirectory(IdentityDirectory identity) {
    this.identity = identity;
  }

  /** The users of a group, ordered by last name. */
  public List<Recipient> groupMembers(String groupId) {
    return identity.members(groupId).stream().map(RecipientDirectory::recipient).toList();
  }

  /** One user, if known to identity. */
  public Optional<Recipient> user(String userId) {
    return identity.user(userId).map(RecipientDirectory::recipient);
  }

  /** The group's name, or its id when it has none. */
  public String groupName(String groupId) {
    return identity.groupName(groupId);
  }

  static Recipient recipient(User user) {
    String name = Texts.joinNonBlank(" ", user.getLastName(), user.getFirstName());
    return new Recipient(user.getId(), name, user.getFirstName(), user.getEmail());
  }
}
