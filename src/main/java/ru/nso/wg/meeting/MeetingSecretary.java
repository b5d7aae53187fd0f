package ru.nso.wg.meeting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.roster.Roster;
import ru.nso.wg.roster.RosterGroups;

import java.util.List;
import java.util.Optional;

/**
 * The meeting's secretary, who is named in the minutes and signs them with the presiding person (§§ 12, 18): one of
 * the secretariat (group {@code wg-secretariat}), chosen by the chair at confirmation, offered there as the working
 * group's designated secretary (setting {@code wg.secretary}, {@code WG_SECRETARY}) — not whoever happens to register
 * the attendance.
 */
@Service
public class MeetingSecretary {

  private final MeetingRecord record;
  private final Roster roster;
  private final String configured;

  public MeetingSecretary(MeetingRecord record, Roster roster, @Value("${wg.secretary:}") String configured) {
    this.record = record;
    this.roster = roster;
    this.configured = configured == null ? "" : configured.strip();
  }

  /** Who may be the secretary: the secretariat. */
  public List<Roster.Person> candidates() {
    return roster.group(RosterGroups.SECRETARIAT);
  }

  /**
   * The secretary the confirmation offers for a meeting: the one already designated for it (a new date after a
   * sitting without quorum), else the configured one when in the secretariat, else the secretariat's only member.
   */
  public Optional<String> offered(String key) {
    List<Roster.Person> candidates = candidates();
    Optional<String> designated = Optional.ofNullable(record.get(key).secretaryUserId())
        .filter(id -> candidates.stream().anyMatch(p -> p.id().equals(id)));
    if (designated.isPresent()) {
      return designated;
    }
    if (candidates.stream().anyMatch(p -> p.id().equals(configured))) {
      return Optional.of(configured);
    }
    return candidates.size() == 1 ? Optional.of(candidates.get(0).id()) : Optional.empty();
  }

  /** § 12: the chair names the meeting's secretary at confirmation; anyone outside the secretariat is refused. */
  public Roster.Person designate(String key, String userId) {
    if (userId == null || userId.isBlank()) {
      throw new Refusal("Секретарь заседания: выберите сотрудника секретариата Рабочей группы (п. 12 Положения)");
    }
    Roster.Person secretary = candidates().stream().filter(p -> p.id().equals(userId.strip())).findFirst()
        .orElseThrow(() -> new Refusal("Секретарь заседания: «" + roster.anyone(userId.strip())
            .map(Roster.Person::fullName).orElse(userId.strip()) + "» не является сотрудником секретариата Рабочей "
            + "группы (группа wg-secretariat, п. 12 Положения)"));
    record.setSecretary(key, secretary.id());
    return secretary;
  }
}
