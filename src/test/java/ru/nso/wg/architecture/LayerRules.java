package ru.nso.wg.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package layering of the application (README, "Architecture"), as ArchUnit rules over a root package:
 * {@code ru.nso.wg} for the application ({@link ArchitectureTest}), a fixture package for the test that shows
 * each rule catches its violation.
 *
 * <pre>
 *   process (Camunda adapters) ──▶ features (meeting, control, calendar, notification, document, roster)
 *                                     meeting.rules: plain Java, depends on nothing
 * </pre>
 */
final class LayerRules {

  /** The feature packages: plain services and records, called by the adapters in {@code process}. */
  static final List<String> FEATURES = List.of("meeting", "control", "calendar", "notification", "document", "roster");

  private LayerRules() {
  }

  /** {@code meeting.rules} (quorum, voting) is plain Java: nothing of the application, no Camunda or Spring. */
  static ArchRule rulesArePlainJava(String root) {
    return classes().that().resideInAPackage(root + ".meeting.rules..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".meeting.rules..", "java..", "")
        .as("meeting.rules depends only on itself and the JDK (nothing of the application, no Camunda or Spring)");
  }

  /** {@code process} may call the features; no feature knows the Camunda adapters. */
  static ArchRule featuresDoNotDependOnProcess(String root) {
    return noClasses().that().resideInAnyPackage(features(root))
        .should().dependOnClassesThat().resideInAPackage(root + ".process..")
        .as("no feature package (" + String.join(", ", FEATURES) + ") depends on " + root + ".process");
  }

  /** Features are called with typed values, never with an execution, a task or a variable scope. */
  static ArchRule featuresDoNotUseTheDelegateApi(String root) {
    return noClasses().that().resideInAnyPackage(features(root))
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.delegate..")
        .as("no feature package depends on Camunda's delegate API (org.camunda.bpm.engine.delegate)");
  }

  /** Listeners and delegates are adapters: they live in {@code process}. */
  static ArchRule adaptersLiveInProcess(String root) {
    DescribedPredicate<JavaClass> adapter = assignableTo(JavaDelegate.class).or(assignableTo(ExecutionListener.class))
        .or(assignableTo(TaskListener.class)).as("Camunda delegates and listeners");
    return classes().that().resideInAPackage(root + "..").and(adapter)
        .should().resideInAPackage(root + ".process..")
        .as("Camunda delegates and listeners live in " + root + ".process");
  }

  /** The top-level packages form no cycle. */
  static ArchRule noCyclesBetweenTopLevelPackages(String root) {
    return slices().matching(root + ".(*)..").namingSlices("$1")
        .should().beFreeOfCycles()
        .as("the top-level packages of " + root + " are free of cycles");
  }

  static List<ArchRule> all(String root) {
    return List.of(rulesArePlainJava(root), featuresDoNotDependOnProcess(root), featuresDoNotUseTheDelegateApi(root),
        adaptersLiveInProcess(root), noCyclesBetweenTopLevelPackages(root));
  }

  private static String[] features(String root) {
    return FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new);
  }
}
