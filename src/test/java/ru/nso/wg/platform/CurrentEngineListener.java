package ru.nso.wg.platform;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before every test of a Spring context with an engine, makes that engine the one Camunda's REST API and webapps find
 * by name. They look it up in a JVM-wide registry, where the last context started owns the name "default": with
 * several cached application contexts in one test JVM, an HTTP call of a test would otherwise reach another
 * context's engine (another database, other users, other filters' view). Registered for every test in
 * {@code META-INF/spring.factories}.
 */
public class CurrentEngineListener extends AbstractTestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    if (testContext.hasApplicationContext()) {
      testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
          .ifAvailable(ProcessEngines::registerProcessEngine);
    }
  }
}
