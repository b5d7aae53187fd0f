package ru.nso.wg.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Invitee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading what Camunda Forms submit, and building what they display (option lists, tables). */
public final class FormValues {

  private FormValues() {
  }

  /** A checklist's value: a JSON array of strings (absent = nothing checked). */
  public static List<String> strings(Optional<SpinJsonNode> node) {
    List<String> values = new ArrayList<>();
    node.filter(SpinJsonNode::isArray).ifPresent(array -> array.elements().forEach(e -> {
      if (e.isString() && !e.stringValue().isBlank()) {
        values.add(e.stringValue());
      }
    }));
    return values;
  }

  /** Options for a select or checklist ({@code valuesKey}): label → value, in order. */
  public static SpinJsonNode options(Map<String, String> valueToLabel) {
    SpinJsonNode array = Spin.JSON("[]");
    valueToLabel.forEach((value, label) -> array.append(Spin.JSON("{}").prop("label", label).prop("value", value)));
    return array;
  }

  public static SpinJsonNode emptyArray() {
    return Spin.JSON("[]");
  }

  /** Rows of the invitees dynamic list. */
  public static List<Invitee> invitees(Optional<SpinJsonNode> node) {
    List<Invitee> invitees = new ArrayList<>();
    node.filter(SpinJsonNode::isArray).ifPresent(array -> array.elements().forEach(row -> {
      if (row.isObject()) {
        invitees.add(new Invitee(text(row, "fullName"), text(row, "jobTitle"), text(row, "organisation"),
            text(row, "email"), null));
      }
    }));
    return invitees;
  }

  /** Rows of the agenda dynamic list, numbered in their order. */
  public static List<AgendaItem> agenda(Optional<SpinJsonNode> node) {
    List<AgendaItem> items = new ArrayList<>();
    node.filter(SpinJsonNode::isArray).ifPresent(array -> array.elements().forEach(row -> {
      if (row.isObject()) {
        items.add(new AgendaItem(items.size() + 1, text(row, "title"), itemType(text(row, "itemType")),
            text(row, "speaker"), text(row, "materials"), text(row, "area")));
      }
    }));
    return items;
  }

  /** An item type chosen in the form; one the form does not offer counts as not chosen. */
  private static AgendaItemType itemType(String value) {
    return Arrays.stream(AgendaItemType.values()).filter(t -> t.name().equals(value)).findFirst().orElse(null);
  }

  /** The agenda as a read-only table (a form {@code table} shows it and submits nothing). */
  public static SpinJsonNode agendaTable(List<AgendaItem> items) {
    SpinJsonNode array = Spin.JSON("[]");
    items.forEach(i -> array.append(Spin.JSON("{}").prop("no", i.no()).prop("title", i.title())
        .prop("typeLabel", i.type().title()).prop("speaker", i.speaker())
        .prop("materials", nz(i.materials()))));
    return array;
  }

  /** A choice of a select or radio field as its enum; {@code null} when nothing was chosen. */
  public static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      throw new Refusal("Недопустимое значение «" + value + "»: выберите один из предложенных вариантов");
    }
  }

  /** The user completing a task or starting a process (from the webapp or REST authentication). */
  public static String currentUser(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private static String text(SpinJsonNode row, String prop) {
    if (!row.hasProp(prop)) {
      return null;
    }
    SpinJsonNode value = row.prop(prop);
    if (value.isNull()) {
      return null;
    }
    String s = value.isString() ? value.stringValue() : value.toString();
    return s.isBlank() ? null : s.trim();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
