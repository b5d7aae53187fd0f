package ru.nso.wg.meeting.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is present for each agenda item (§ 15, § 16): the members registered at the start of the sitting, then every
 * arrival (late, or a return) and departure recorded before an item, in order. The base P of an item — for its
 * quorum and its majority — is {@link #presentFor(int)}.
 *
 * <p>A movement "before item N" counts from item N on. Movements before the same item apply in the order given.
 */
public final class AttendanceTimeline {

  /** A member joins (arrives late or returns, in the room or by ВКС) or leaves the meeting. */
  public enum Move { ARRIVED, LEFT }

  /** One change of attendance, recorded before an item. */
  public record Movement(String memberId, int beforeItem, Move move) {
    public Movement {
      Objects.requireNonNull(memberId, "memberId");
      Objects.requireNonNull(move, "move");
      if (beforeItem < 1) {
        throw new IllegalArgumentException("Items are numbered from 1: " + beforeItem);
      }
    }
  }

  private final Set<String> atStart;
  private final List<Movement> movements;

  private AttendanceTimeline(Set<String> atStart, List<Movement> movements) {
    this.atStart = atStart;
    this.movements = movements;
  }

  /** The timeline of a sitting: present at its start, then the movements (any order of items; stable within one). */
  public static AttendanceTimeline of(Collection<String> presentAtStart, List<Movement> movements) {
    List<Movement> sorted = new ArrayList<>(movements);
    sorted.sort(Comparator.comparingInt(Movement::beforeItem));
    return new AttendanceTimeline(Collections.unmodifiableSet(new LinkedHashSet<>(presentAtStart)),
        List.copyOf(sorted));
  }

  /** Members present for item {@code itemNo}: P of that item. */
  public Set<String> presentFor(int itemNo) {
    Set<String> present = new LinkedHashSet<>(atStart);
    for (Movement m : movements) {
      if (m.beforeItem() > itemNo) {
        break;
      }
      if (m.move() == Move.ARRIVED) {
        present.add(m.memberId());
      } else {
        present.remove(m.memberId());
      }
    }
    return Collections.unmodifiableSet(present);
  }

  /** The movements recorded before item {@code itemNo}. */
  public List<Movement> before(int itemNo) {
    return movements.stream().filter(m -> m.beforeItem() == itemNo).toList();
  }

  /**
   * Checks the arrivals and departures the secretariat records before item {@code itemNo} against who is present
   * up to it: only someone absent can arrive, only someone present can leave, nobody does both at once.
   *
   * @param names names for the messages (an ID missing there is printed as it is)
   * @return the problems, in Russian, each naming the member and the clause; empty when the change is valid
   */
  public List<String> check(int itemNo, Collection<String> arriving, Collection<String> leaving,
                            Map<String, String> names) {
    Set<String> present = presentFor(itemNo);
    List<String> problems = new ArrayList<>();
    for (String id : new LinkedHashSet<>(arriving)) {
      if (leaving.contains(id)) {
        problems.add(name(names, id) + " отмечен(а) одновременно прибывшим(ей) и покинувшим(ей) заседание "
            + "перед вопросом " + itemNo);
      } else if (present.contains(id)) {
        problems.add(name(names, id) + " уже присутствует на заседании: отметить прибытие перед вопросом " + itemNo
            + " нельзя (п. 15 Положения)");
      }
    }
    for (String id : new LinkedHashSet<>(leaving)) {
      if (!arriving.contains(id) && !present.contains(id)) {
        problems.add(name(names, id) + " не присутствует на заседании и не может его покинуть перед вопросом "
            + itemNo + " (п. 15 Положения)");
      }
    }
    return problems;
  }

  /** This timeline with the given arrivals and departures before item {@code itemNo} (checked by the caller). */
  public AttendanceTimeline with(int itemNo, Collection<String> arriving, Collection<String> leaving) {
    List<Movement> all = new ArrayList<>(movements.stream().filter(m -> m.beforeItem() != itemNo).toList());
    new LinkedHashSet<>(leaving).forEach(id -> all.add(new Movement(id, itemNo, Move.LEFT)));
    new LinkedHashSet<>(arriving).forEach(id -> all.add(new Movement(id, itemNo, Move.ARRIVED)));
    return of(atStart, all);
  }

  private static String name(Map<String, String> names, String id) {
    return "«" + names.getOrDefault(id, id) + "»";
  }
}
