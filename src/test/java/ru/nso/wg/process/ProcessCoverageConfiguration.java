package ru.nso.wg.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the process-test-coverage parse listeners on the engine that Spring Boot builds, so the coverage
 * extension can measure the real application (its Spring delegates, its deployment) rather than a bare engine.
 */
@TestConfiguration
public class ProcessCoverageConfiguration {

  @Bean
  public AbstractProcessEnginePlugin processCoveragePlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      }
    };
  }
}
