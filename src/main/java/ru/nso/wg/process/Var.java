package ru.nso.wg.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import java.util.Date;
import java.util.Optional;

/**
 * A typed process variable (after holunda camunda-bpm-data): the name is spelled once, in the process-backing
 * class, and every reader and writer goes through it. JSON variables are Spin {@code Json} values, which is
 * what Tasklist submits for lists and objects and what form option lists ({@code valuesKey}) must be.
 */
public abstract sealed class Var<T> permits Var.Str, Var.Bool, Var.Int, Var.DateVar, Var.Json {

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

  /** Sets the variable in the scope's own execution (e.g. one instance of a multi-instance subprocess). */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, wrap(value));
  }

  protected Object wrap(T value) {
    return value;
  }

  protected abstract T convert(Object raw);

  public static Str string(String name) {
    return new Str(name);
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
    return new Json(name);
  }

  public static final class Str extends Var<String> {
    Str(String name) {
      super(name);
    }

    @Override
    protected String convert(Object raw) {
      if (raw == null) {
        return null;
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
      return raw == null ? null : raw instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(raw.toString());
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

  /** A Spin JSON value; reading accepts what Tasklist submits (Json) and plain JSON strings. */
  public static final class Json extends Var<SpinJsonNode> {
    Json(String name) {
      super(name);
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
      return org.camunda.spin.Spin.JSON(raw.toString());
    }
  }
}
