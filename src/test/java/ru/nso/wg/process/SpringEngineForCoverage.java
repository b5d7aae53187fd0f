package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a Camunda JUnit 5 extension (here: the coverage extension) the engine of the Spring Boot test context
 * before it would build a standalone engine of its own. Register it with a lower {@code @Order} than the
 * extension it serves.
 */
public class SpringEngineForCoverage implements TestInstancePostProcessor {

  private final ProcessEngineExtension target;

  public SpringEngineForCoverage(ProcessEngineExtension target) {
    this.target = target;
  }

  /**
   * A configuration for the coverage extension's builder. The extension builds an engine from it even though the
   * engine measured is Spring Boot's; each test class gets its own name and in-memory database, so two process
   * test classes in one JVM do not collide on Camunda's default in-memory database.
   */
  public static StandaloneInMemProcessEngineConfiguration placeholder(String name) {
    StandaloneInMemProcessEngineConfiguration placeholder = new StandaloneInMemProcessEngineConfiguration();
    placeholder.setProcessEngineName("coverage-placeholder-" + name);
    placeholder.setJdbcUrl("jdbc:h2:mem:coverage-placeholder-" + name + ";DB_CLOSE_DELAY=-1");
    return placeholder;
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    target.setProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
  }
}
