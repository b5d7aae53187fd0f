package ru.nso.wg.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the application ({@link LayerRules}, README "Architecture"), checked on the compiled
 * main classes. {@link LayerRulesTest} shows that each rule fails on a fixture that breaks it.
 */
class ArchitectureTest {

  private static final String ROOT = "ru.nso.wg";

  private static JavaClasses application;

  @BeforeAll
  static void importApplication() {
    application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void meetingRulesArePlainJava() {
    LayerRules.rulesArePlainJava(ROOT).check(application);
  }

  @Test
  void noFeatureDependsOnTheCamundaAdapters() {
    LayerRules.featuresDoNotDependOnProcess(ROOT).check(application);
  }

  @Test
  void featuresDoNotUseTheCamundaDelegateApi() {
    LayerRules.featuresDoNotUseTheDelegateApi(ROOT).check(application);
  }

  @Test
  void delegatesAndListenersLiveInProcess() {
    LayerRules.adaptersLiveInProcess(ROOT).check(application);
  }

  @Test
  void topLevelPackagesHaveNoCycles() {
    LayerRules.noCyclesBetweenTopLevelPackages(ROOT).check(application);
  }
}
