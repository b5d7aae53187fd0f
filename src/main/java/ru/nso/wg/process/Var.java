package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import ru.nso.wg.common.InputText;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * A typed process variable (after holunda camunda-bpm-data): the name is spelled once, in the process-backing
 * class, and every reader and writer goes through it. JSON variables are Spin {@code Json} values, which is
 * what Tasklist submits for lists and objects and what form option lists ({@code valuesKey}) must be.
 */
public abstract sealed class Var<T> permits Var.Str, Var.Bool, Var.Int, Var.DateVar, Var.Day, Var.Moment, Var.Json {

  private final String name;

  protected Var(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(convert(scope.getVariable(name)));
  }

  public T get(VariableScope scope) {
    return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name + "' is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, wrap(value));
  }

  /** Puts the value, as it is stored, into variables that start a process or go with a message. */
  public void put(Map<String, Object> variables, T value) {
    variables.put(name, wrap(value));
  }

  /** Sets the variable in the scope's own execution (e.g. one instance of a multi-instance subprocess). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, wrap(value));
  }

  protected Object wrap(T value) {
    return value;
  }

  protected abstract T convert(Object raw);

  public static Str string(String name) {
    return new Str(name, null, 0);
  }

  /**
   * Text a person types: read through {@link InputText} (characters XML does not allow refused, at most
   * {@code maxLength} characters, the column's size), a refusal naming the field by its {@code label}.
   */
  public static Str text(String name, String label, int maxLength) {
    return new Str(name, label, maxLength);
  }

  public static Bool bool(String name) {
    return new Bool(name);
  }

  public static Int integer(String name) {
    return new Int(name);
  }

  public static DateVar date(String name) {
    return new DateVar(name);
  }

  public static Json json(String name) {
    return new Json(name, name);
  }

  /** A JSON value a person submits (a list of a form); {@code label} names the field in a refusal. */
  public static Json json(String name, String label) {
    return new Json(name, label);
  }

  /** A date; {@code label} names the form field in a refusal of an unreadable value. */
  public static Day day(String name, String label) {
    return new Day(name, label);
  }

  /** A date and time with its offset, as the datetime field submits it; optionally also written as derived values. */
  public static Moment moment(String name, String label) {
    return new Moment(name, label, null, null);
  }

  /**
   * A moment that is written together with what the model's expressions read of it: the instant (for a timer)
   * and the date in Novosibirsk (for the calendar's deadlines). Code reads and writes one value.
   */
  public static Moment moment(String name, String label, DateVar instant, Day date) {
    return new Moment(name, label, instant, date);
  }

  public static final class Str extends Var<String> {
    private final String label;
    private final int maxLength;

    Str(String name, String label, int maxLength) {
      super(name);
      this.label = label;
      this.maxLength = maxLength;
    }

    @Override
    protected String convert(Object raw) {
      if (raw == null) {
        return null;
      }
      if (label != null) {
        return InputText.clean(label, raw.toString(), maxLength);
      }
      String s = raw.toString().trim();
      return s.isEmpty() ? null : s;
    }
  }

  public static final class Bool extends Var<Boolean> {
    Bool(String name) {
      super(name);
    }

    @Override
    protected Boolean convert(Object raw) {
      return raw == null ? null : raw instanceof Boolean b ? b : Boolean.valueOf(raw.toString());
    }
  }

  public static final class Int extends Var<Integer> {
    Int(String name) {
      super(name);
    }

    @Override
    protected Integer convert(Object raw) {
      if (raw == null || raw instanceof Number) {
        return raw == null ? null : Integer.valueOf(((Number) raw).intValue());
      }
      try {
        return Integer.valueOf(raw.toString().trim());
      } catch (NumberFormatException e) {
        throw new Refusal("Поле «" + name() + "»: ожидается целое число");
      }
    }
  }

  public static final class DateVar extends Var<Date> {
    DateVar(String name) {
      super(name);
    }

    @Override
    protected Date convert(Object raw) {
      return (Date) raw;
    }
  }

  /**
   * A {@link LocalDate} stored as its ISO text ({@code 2026-12-15}), so that the model's expressions (timers,
   * due dates) can pass it to the calendar beans. Reading also accepts a date-time (a date field may submit one),
   * taken as its date.
   */
  public static final class Day extends Var<LocalDate> {
    private final String label;

    Day(String name, String label) {
      super(name);
      this.label = label;
    }

    @Override
    protected Object wrap(LocalDate value) {
      return value == null ? null : value.toString();
    }

    @Override
    protected LocalDate convert(Object raw) {
      if (raw == null || raw.toString().isBlank()) {
        return null;
      }
      String value = raw.toString().trim();
      try {
        return value.length() > 10 ? OffsetDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new Refusal("Поле «" + label + "»: дата «" + value + "» не распознана");
      }
    }
  }

  /** An {@link OffsetDateTime} stored as its ISO text ({@code 2026-12-15T14:30+07:00}). */
  public static final class Moment extends Var<OffsetDateTime> {
    private final String label;
    private final DateVar instant;
    private final Day date;

    Moment(String name, String label, DateVar instant, Day date) {
      super(name);
      this.label = label;
      this.instant = instant;
      this.date = date;
    }

    @Override
    public void set(VariableScope scope, OffsetDateTime value) {
      super.set(scope, value);
      if (instant != null) {
        instant.set(scope, value == null ? null : Date.from(value.toInstant()));
      }
      if (date != null) {
        date.set(scope, RussianDates.localDate(value));
      }
    }

    @Override
    protected Object wrap(OffsetDateTime value) {
      return value == null ? null : value.toString();
    }

    @Override
    protected OffsetDateTime convert(Object raw) {
      if (raw == null || raw.toString().isBlank()) {
        return null;
      }
      try {
        return OffsetDateTime.parse(raw.toString().trim());
      } catch (DateTimeParseException e) {
        throw new Refusal(label + " «" + raw + "» не распознаны");
      }
    }
  }

  /** A Spin JSON value; reading accepts what Tasklist submits (Json) and plain JSON strings. */
  public static final class Json extends Var<SpinJsonNode> {
    private final String label;

    Json(String name, String label) {
      super(name);
      this.label = label;
    }

    /** The field's name in a refusal. */
    public String label() {
      return label;
    }

    @Override
    protected Object wrap(SpinJsonNode value) {
      return value == null ? null : SpinValues.jsonValue(value.toString()).create();
    }

    @Override
    protected SpinJsonNode convert(Object raw) {
      if (raw == null) {
        return null;
      }
      if (raw instanceof SpinJsonNode node) {
        return node;
      }
      if (raw instanceof JsonValue json) {
        return json.getValue();
      }
      if (raw instanceof TypedValue typed) {
        return convert(typed.getValue());
      }
      try {
        return Spin.JSON(raw.toString());
      } catch (SpinRuntimeException e) {
        throw new Refusal("Поле «" + label + "»: значение не является списком или объектом JSON");
      }
    }
  }
}
