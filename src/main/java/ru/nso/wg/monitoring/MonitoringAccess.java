package ru.nso.wg.monitoring;

import ru.nso.wg.common.Refusal;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.RosterGroups;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who sees what of the monitoring views and reports: the secretariat ({@code wg-secretariat}), the chair's office
 * ({@code wg-chair}) and administrators everything; a deputy chair (a member of an area group such as
 * {@code wg-area-digital}) the decisions under control of their areas and nothing else; anyone else nothing.
 *
 * @param userId the user
 * @param all    sees everything
 * @param areas  the area groups whose decisions the user sees (every area when {@code all})
 */
public record MonitoringAccess(String userId, boolean all, Set<String> areas) {

  static final Set<String> FULL_ACCESS = Set.of(RosterGroups.SECRETARIAT, RosterGroups.CHAIR, RosterGroups.ADMINS);

  public static MonitoringAccess of(String userId, Collection<String> groups) {
    if (userId == null) {
      throw Refusal.unauthenticated();
    }
    Collection<String> g = groups == null ? List.of() : groups;
    boolean all = g.stream().anyMatch(FULL_ACCESS::contains);
    Set<String> areas = all
        ? Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId).collect(Collectors.toCollection(TreeSet::new))
        : g.stream().filter(id -> DeputyArea.byGroupId(id).isPresent()).collect(Collectors.toCollection(TreeSet::new));
    return new MonitoringAccess(userId, all, Set.copyOf(areas));
  }

  /** Meetings, their deadlines and the compliance report: the secretariat and the chair's office only. */
  public void requireAll() {
    if (!all) {
      throw Refusal.forbidden("Сведения о заседаниях и сроках доступны департаменту организации управления "
          + "и государственной гражданской службы и аппарату председателя Рабочей группы");
    }
  }

  /** Decisions under control: also a deputy chair, for their areas. */
  public void requireDecisions() {
    if (!all && areas.isEmpty()) {
      throw Refusal.forbidden("Сведения о решениях на контроле доступны департаменту организации "
          + "управления "
          + "и государственной гражданской службы, аппарату председателя и заместителям председателя Рабочей группы "
          + "(по своим направлениям)");
    }
  }

  /**
   * The areas a request may read: {@code null} = every area (full access, no area asked); the asked area if the user
   * may read it; else a 400 (unknown area) or 403 (someone else's area).
   */
  public List<String> areasFor(String requested) {
    requireDecisions();
    String area = requested == null || requested.isBlank() ? null : requested.trim();
    if (area == null) {
      return all ? null : List.copyOf(new TreeSet<>(areas));
    }
    if (DeputyArea.byGroupId(area).isEmpty()) {
      throw new Refusal("Параметр «area»: «" + area + "» — не направление заместителя председателя; "
          + "допустимы: " + Arrays.stream(DeputyArea.values()).map(DeputyArea::groupId)
          .collect(Collectors.joining(", ")));
    }
    if (!all && !areas.contains(area)) {
      throw Refusal.forbidden("Решения направления «" + DeputyArea.byGroupId(area).get().title()
          + "» контролирует другой заместитель председателя");
    }
    return List.of(area);
  }
}
