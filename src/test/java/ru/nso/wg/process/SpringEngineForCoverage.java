package ru.nso.wg.process;

import org.camunda.bpm.engine.ProcessEngine;
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

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    target.setProcessEngine(SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class));
  }
}
