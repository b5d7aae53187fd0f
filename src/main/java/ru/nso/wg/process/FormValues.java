package ru.nso.wg.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import ru.nso.wg.common.InputText;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.meeting.AgendaItemType;
import ru.nso.wg.meeting.MeetingData.AgendaItem;
import ru.nso.wg.meeting.MeetingData.Invitee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading what Camunda Forms submit, and building what they display (option lists, tables). */
public final class FormValues {

  private FormValues() {
  }

  /** The most entries a submitted list may have (the roster, the invitees, the agenda are all far shorter). */
  static final int MAX_LIST = 200;

  /**
   * A checklist's value: a JSON array of the option values (user ids, numbers as text); absent = nothing checked.
   * Anything else — not an array, an entry that is not a text (a number, an object), an empty or overlong entry —
   * is refused naming the field, never dropped: a dropped id would silently change a quorum or a vote.
   */
  public static List<String> strings(Var.Json list, VariableScope scope) {
    List<String> values = new ArrayList<>();
    Optional<SpinJsonNode> node = list.find(scope);
    if (node.isEmpty() || node.get().isNull()) {
      return values;
    }
    SpinJsonNode array = node.get();
    if (!array.isArray()) {
      throw new Refusal("Поле «" + list.label() + "»: ожидается список значений из предложенных вариантов");
    }
    List<SpinJsonNode> elements = array.elements();
    if (elements.size() > MAX_LIST) {
      throw new Refusal("Поле «" + list.label() + "»: не более " + MAX_LIST + " значений");
    }
    for (int i = 0; i < elements.size(); i++) {
      SpinJsonNode e = elements.get(i);
      String value = e.isString() ? InputText.clean(list.label(), e.stringValue(), 64) : null;
      if (value == null) {
        throw new Refusal("Поле «" + list.label() + "»: значение № " + (i + 1) + " (" + shortJson(e)
            + ") не из предложенных вариантов");
      }
      values.add(value);
    }
    return values;
  }

  /** A checklist of numbers offered as texts ({@code "1"}, {@code "2"}: the invitees present). */
  public static List<Integer> numbers(Var.Json list, VariableScope scope) {
    List<Integer> numbers = new ArrayList<>();
    for (String value : strings(list, scope)) {
      try {
        numbers.add(Integer.valueOf(value));
      } catch (NumberFormatException e) {
        throw new Refusal("Поле «" + list.label() + "»: значение «" + value + "» не из предложенных вариантов");
      }
    }
    return numbers;
  }

  private static String shortJson(SpinJsonNode node) {
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
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

  /** The values a checklist starts with: a JSON array of strings. */
  public static SpinJsonNode array(List<String> values) {
    SpinJsonNode array = Spin.JSON("[]");
    values.forEach(array::append);
    return array;
  }

  /** Rows of the invitees dynamic list; every text checked against its column (see {@code InputText}). */
  public static List<Invitee> invitees(Var.Json list, VariableScope scope) {
    List<Invitee> invitees = new ArrayList<>();
    for (SpinJsonNode row : rows(list, scope)) {
      String n = "Приглашённый № " + (invitees.size() + 1) + ", ";
      invitees.add(new Invitee(text(row, "fullName", n + "ФИО", 300), text(row, "jobTitle", n + "должность", 500),
          text(row, "organisation", n + "организация", 500), text(row, "email", n + "электронная почта", 320),
          null));
    }
    return invitees;
  }

  /** Rows of the agenda dynamic list, numbered in their order; every text checked against its column. */
  public static List<AgendaItem> agenda(Var.Json list, VariableScope scope) {
    List<AgendaItem> items = new ArrayList<>();
    for (SpinJsonNode row : rows(list, scope)) {
      String n = "Вопрос № " + (items.size() + 1) + ", ";
      items.add(new AgendaItem(items.size() + 1, text(row, "title", n + "формулировка", 2000),
          itemType(text(row, "itemType", n + "вид вопроса", 40)), text(row, "speaker", n + "докладчик", 500),
          text(row, "materials", n + "информационные материалы", 4000),
          text(row, "area", n + "направление заместителя председателя", 64),
          flag(row, "notForPublication", n + "не для опубликования"),
          text(row, "notForPublicationReason", n + "причина (не для опубликования)", 500)));
    }
    return items;
  }

  /**
   * The speakers of the agenda's rows who provide materials (field {@code speakerContact}: a roster login or an
   * e-mail address), by item number; rows without one are absent.
   */
  public static Map<Integer, String> agendaSpeakers(Var.Json list, VariableScope scope) {
    Map<Integer, String> speakers = new LinkedHashMap<>();
    List<SpinJsonNode> rows = rows(list, scope);
    for (int i = 0; i < rows.size(); i++) {
      String contact = text(rows.get(i), "speakerContact", "Вопрос № " + (i + 1) + ", докладчик (логин или e-mail)",
          320);
      if (contact != null && !contact.isBlank()) {
        speakers.put(i + 1, contact.trim());
      }
    }
    return speakers;
  }

  /** The rows of a dynamic list: an array of objects (absent = none); anything else is refused. */
  private static List<SpinJsonNode> rows(Var.Json list, VariableScope scope) {
    Optional<SpinJsonNode> node = list.find(scope);
    if (node.isEmpty() || node.get().isNull()) {
      return List.of();
    }
    if (!node.get().isArray()) {
      throw new Refusal("Поле «" + list.label() + "»: ожидается список строк");
    }
    List<SpinJsonNode> rows = node.get().elements();
    if (rows.size() > MAX_LIST) {
      throw new Refusal("Поле «" + list.label() + "»: не более " + MAX_LIST + " строк");
    }
    for (int i = 0; i < rows.size(); i++) {
      if (!rows.get(i).isObject()) {
        throw new Refusal("Поле «" + list.label() + "»: строка № " + (i + 1) + " (" + shortJson(rows.get(i))
            + ") не заполнена как строка списка");
      }
    }
    return rows;
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

  /** The agenda as the rows of the agenda's dynamic list ({@code forms/prepare-agenda.form}). */
  public static SpinJsonNode agendaRows(List<AgendaItem> items) {
    SpinJsonNode array = Spin.JSON("[]");
    items.forEach(i -> array.append(Spin.JSON("{}").prop("title", i.title())
        .prop("itemType", i.type() == null ? "" : i.type().name()).prop("speaker", nz(i.speaker()))
        .prop("materials", nz(i.materials())).prop("area", nz(i.area()))));
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

  private static String text(SpinJsonNode row, String prop, String label, int maxLength) {
    if (!row.hasProp(prop)) {
      return null;
    }
    SpinJsonNode value = row.prop(prop);
    if (value.isNull()) {
      return null;
    }
    if (!value.isString() && !value.isNumber()) {
      throw new Refusal("Поле «" + label + "»: ожидается текст");
    }
    return InputText.clean(label, value.isString() ? value.stringValue() : value.toString(), maxLength);
  }

  /** A checkbox of a list row: absent or {@code null} is unchecked; anything but a boolean is refused. */
  private static boolean flag(SpinJsonNode row, String prop, String label) {
    if (!row.hasProp(prop) || row.prop(prop).isNull()) {
      return false;
    }
    if (!row.prop(prop).isBoolean()) {
      throw new Refusal("Поле «" + label + "»: ожидается отметка «да» или «нет»");
    }
    return row.prop(prop).boolValue();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
