package ru.nso.wg.notification;

import org.camunda.bpm.engine.identity.User;
import ru.nso.wg.document.model.Texts;

import java.util.Locale;

/**
 * Someone a message is meant for.
 *
 * @param userId   the Camunda user id, {@code null} for an invitee
 * @param name     the name as printed («Фамилия Имя Отчество»)
 * @param greeting how the message addresses the person («Имя Отчество»)
 * @param email    the address, may be {@code null} (then the recipient is a gap)
 */
public record Recipient(String userId, String name, String greeting, String email) {

  public Recipient {
    name = name == null || name.isBlank() ? (userId == null ? "" : userId) : name.trim();
    greeting = greeting == null || greeting.isBlank() ? name : greeting.trim();
    email = email == null || email.isBlank() ? null : email.trim();
  }

  /** A user of Camunda identity: «Фамилия Имя Отчество», greeted by «Имя Отчество». */
  public static Recipient of(User user) {
    String name = Texts.joinNonBlank(" ", user.getLastName(), user.getFirstName());
    return new Recipient(user.getId(), name, user.getFirstName(), user.getEmail());
  }

  public boolean hasEmail() {
    return email != null;
  }

  /** The key of the delivery log: the address in lower case. */
  public String deliveryKey() {
    return email == null ? null : email.toLowerCase(Locale.ROOT);
  }

  /** «Соколов Андрей Викторович (sokolov)» or the name of an invitee. */
  public String label() {
    return userId == null || userId.equals(name) ? name : name + " (" + userId + ")";
  }
}
