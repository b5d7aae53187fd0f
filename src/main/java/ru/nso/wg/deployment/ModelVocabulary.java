package ru.nso.wg.deployment;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import ru.nso.wg.process.Var;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a model may name: the Spring beans (and their types, so a method a model calls can be checked) and, per
 * process key, the variables its process-backing class declares. A process-backing class is a top-level class
 * {@code *Process} or {@code *Processes} of {@code ru.nso.wg.process}; it backs the processes whose keys it declares
 * as {@code static final String KEY} or {@code *_KEY}, and declares the variables as {@code static} {@link Var}
 * fields, in itself or its nested classes ({@link #keys(Class)}, {@link #declaredVariables(Class)}: the one reading,
 * shared with {@code src/test/java/ru/nso/wg/architecture/ModelVariables.java}). A new process with its backing
 * class is known without changing this class.
 */
public final class ModelVocabulary {

  /** The package of the process-backing classes. */
  public static final String BACKING_PACKAGE = "ru.nso.wg.process";

  private final Function<String, Optional<Class<?>>> beanTypes;
  private final Map<String, Set<String>> variablesByProcess;

  public ModelVocabulary(Function<String, Optional<Class<?>>> beanTypes, Map<String, Set<String>> variablesByProcess) {
    this.beanTypes = beanTypes;
    this.variablesByProcess = Map.copyOf(variablesByProcess);
  }

  /** The running application's beans and the backing classes of {@link #BACKING_PACKAGE}. */
  public static ModelVocabulary of(ListableBeanFactory beans) {
    return new ModelVocabulary(name -> {
      if (!beans.containsBean(name)) {
        return Optional.empty();
      }
      Class<?> type = beans.getType(name, false);
      return Optional.of(type == null ? Object.class : type);
    }, backingVariables(BACKING_PACKAGE));
  }

  /** Is there a bean of this name; its type when known. */
  Optional<Class<?>> bean(String name) {
    return beanTypes.apply(name);
  }

  /** The declared variables of a process, or empty when no backing class declares its key. */
  Optional<Set<String>> variables(String processKey) {
    return Optional.ofNullable(variablesByProcess.get(processKey));
  }

  /** Process key → the variables of its backing class, read from the classes of a package. */
  public static Map<String, Set<String>> backingVariables(String backingPackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("[^$]*\\.[^.$]*Process(es)?")));
    Map<String, Set<String>> byKey = new TreeMap<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(backingPackage)) {
      Class<?> type;
      try {
        type = Class.forName(candidate.getBeanClassName(), false, ModelVocabulary.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      if (!type.getPackageName().equals(backingPackage)) {
        continue;
      }
      Set<String> variables = declaredVariables(type);
      for (String key : keys(type)) {
        byKey.computeIfAbsent(key, k -> new TreeSet<>()).addAll(variables);
      }
    }
    return byKey;
  }

  /** The process keys a backing class declares: its {@code static String} fields {@code KEY} and {@code *_KEY}. */
  public static Set<String> keys(Class<?> type) {
    Set<String> keys = new TreeSet<>();
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
          && (f.getName().equals("KEY") || f.getName().endsWith("_KEY"))) {
        keys.add((String) staticValue(f));
      }
    }
    return keys;
  }

  /** The names of the {@code static} {@link Var} fields of a backing class and of its nested classes. */
  public static Set<String> declaredVariables(Class<?> type) {
    return variables(type, new TreeSet<>());
  }

  private static Set<String> variables(Class<?> type, Set<String> into) {
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Var.class.isAssignableFrom(f.getType())) {
        into.add(((Var<?>) staticValue(f)).name());
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      variables(nested, into);
    }
    return into;
  }

  private static Object staticValue(Field f) {
    try {
      f.setAccessible(true);
      return f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
