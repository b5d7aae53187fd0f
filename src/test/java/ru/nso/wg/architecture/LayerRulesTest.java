package ru.nso.wg.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule of {@link LayerRules} fails on the fixture package {@code ru.nso.wg.architecture.fixture}, which breaks
 * each of them once, and names the offending classes: the architecture test cannot pass by accident.
 */
class LayerRulesTest {

  private static final String ROOT = "ru.nso.wg.architecture.fixture";

  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter().importPackages(ROOT);
  }

  @Test
  void rulesThatUseSpringOrTheApplicationAreReported() {
    assertThat(violations(LayerRules.rulesArePlainJava(ROOT))).anySatisfy(v -> assertThat(v)
            .contains("SpringAwareRule").contains("org.springframework.util.StringUtils"))
        .anySatisfy(v -> assertThat(v).contains("SpringAwareRule").contains(ROOT + ".meeting.Meeting"));
  }

  @Test
  void aFeatureThatKnowsAProcessClassIsReported() {
    assertThat(violations(LayerRules.featuresDoNotDependOnProcess(ROOT)))
        .anySatisfy(v -> assertThat(v).contains(ROOT + ".control.ControlService").contains("FixtureProcess"))
        .allSatisfy(v -> assertThat(v).doesNotContain("SendMailDelegate"));
  }

  @Test
  void aFeatureThatTakesAnExecutionIsReported() {
    assertThat(violations(LayerRules.featuresDoNotUseTheDelegateApi(ROOT)))
        .anySatisfy(v -> assertThat(v).contains("ControlService").contains("DelegateExecution"))
        .anySatisfy(v -> assertThat(v).contains("SendMailDelegate").contains("JavaDelegate"));
  }

  @Test
  void aDelegateOutsideProcessIsReported() {
    assertThat(violations(LayerRules.adaptersLiveInProcess(ROOT)))
        .singleElement().satisfies(v -> assertThat(v).contains(ROOT + ".notification.SendMailDelegate"));
  }

  @Test
  void aCycleBetweenTopLevelPackagesIsReported() {
    List<String> cycles = violations(LayerRules.noCyclesBetweenTopLevelPackages(ROOT));
    assertThat(cycles).singleElement().satisfies(v -> assertThat(v).contains("Cycle detected")
        .contains(ROOT + ".meeting.Meeting").contains(ROOT + ".document.Minutes"));
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertThat(result.hasViolation()).as("rule '%s' on the fixtures", rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
