package ru.nso.wg.roster;

import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is in the working group, read from Camunda identity (maintained in Camunda Admin or LDAP): the roster is
 * group {@code wg-members}; the chair is in {@code wg-chair}, deputy chairs in {@code wg-deputy-chairs} and in
 * the group of their area. Read through {@link IdentityDirectory}: the answer does not depend on who asks.
 */
@Service
public class Roster {

  private final IdentityDirectory identity;
  private final ExecutiveBodies bodies;

  public Roster(IdentityDirectory identity, ExecutiveBodies bodies) {
    this.identity = identity;
    this.bodies = bodies;
  }

  public enum Role { CHAIR, DEPUTY_CHAIR, MEMBER }

  /**
   * A person as identity has them now.
   *
   * @param position     должность (user info {@code position})
   * @param organisation the organisation they represent (user info {@code organisation}), {@code null} if not kept
   */
  public record Person(String id, String firstName, String lastName, String email, String position,
                       String organisation, Role role) {
    /** «Соколов Андрей Викторович». */
    public String fullName() {
      return join(lastName, firstName);
    }

    /** «А.В. Соколов», as under a signature. */
    public String shortName() {
      if (firstName == null || firstName.isBlank()) {
        return lastName;
      }
      String initials = Arrays.stream(firstName.trim().split("\\s+"))
          .map(part -> part.substring(0, 1) + ".").collect(Collectors.joining());
      return initials + " " + lastName;
    }

    public boolean hasEmail() {
      return email != null && !email.isBlank();
    }

    private static String join(String a, String b) {
      return ((a == null ? "" : a) + " " + (b == null ? "" : b)).trim();
    }
  }

  /** The roster in the order the minutes list it: chair, deputy chairs, then members by surname. */
  public List<Person> members() {
    Set<String> chairs = ids(RosterGroups.CHAIR);
    Set<String> deputies = ids(RosterGroups.DEPUTY_CHAIRS);
    return identity.members(RosterGroups.MEMBERS).stream()
        .map(user -> person(user, chairs.contains(user.getId()) ? Role.CHAIR
            : deputies.contains(user.getId()) ? Role.DEPUTY_CHAIR : Role.MEMBER))
        .sorted(Comparator.comparing(Person::role)
            .thenComparing(Person::lastName, Comparator.nullsLast(String::compareTo)))
        .toList();
  }

  public Optional<Person> member(String userId) {
    return members().stream().filter(p -> p.id().equals(userId)).findFirst();
  }

  public Optional<Person> chair() {
    return members().stream().filter(p -> p.role() == Role.CHAIR).findFirst();
  }

  public List<Person> deputies() {
    return members().stream().filter(p -> p.role() == Role.DEPUTY_CHAIR).toList();
  }

  /** Everyone in a group (staff groups included), for notifications and tasks. */
  public List<Person> group(String groupId) {
    return identity.members(groupId).stream()
        .map(user -> person(user, Role.MEMBER)).sorted(Comparator.comparing(Person::fullName)).toList();
  }

  /** Anyone known to identity (not only the roster), e.g. the user who starts a process. */
  public Optional<Person> anyone(String userId) {
    return identity.user(userId).map(u -> person(u, Role.MEMBER));
  }

  /**
   * Who can be made the executor of an instruction: a member of the roster (a user), a group of staff, or an
   * executive body of the region from the maintained list ({@link ExecutiveBodies}). Value → label, for the form's
   * select.
   */
  public Map<String, String> executors() {
    Map<String, String> executors = new LinkedHashMap<>();
    members().forEach(p -> executors.put(p.id(), p.fullName() + (p.position() == null ? "" : " — " + p.position())));
    for (String groupId : List.of(RosterGroups.SECRETARIAT, RosterGroups.INFO_POLICY)) {
      identity.group(groupId).ifPresent(group -> executors.put(groupId, group.getName()));
    }
    executors.putAll(bodies.all());
    return executors;
  }

  /** Whether the executor id names an executive body of the maintained list (it has no account). */
  public boolean isExecutiveBody(String executorId) {
    return bodies.isBody(executorId);
  }

  /** The executor's name for the minutes, if the id is a user of the roster or an executor group. */
  public Optional<String> executorName(String executorId) {
    if (executorId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(executors().get(executorId));
  }

  public boolean isInGroup(String userId, String groupId) {
    return identity.isMember(userId, groupId);
  }

  private Set<String> ids(String groupId) {
    return identity.members(groupId).stream().map(User::getId).collect(Collectors.toSet());
  }

  private Person person(User user, Role role) {
    return new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
        identity.position(user.getId()), identity.organisation(user.getId()), role);
  }
}
