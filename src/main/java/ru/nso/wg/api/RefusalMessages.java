package ru.nso.wg.api;

import ch.qos.logback.classic.LoggerContext;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

/**
 * Refusals of submitted forms reach Tasklist (and REST clients) as their own short message and a 4xx status: the
 * engine reports each refusal of a command ({@link RefusalInterceptor}), the filter on the engine APIs rewrites the
 * error answer; the log gets one WARN line per refusal ({@link RefusalLogFilter}).
 */
@Configuration
public class RefusalMessages {

  @Bean
  public FilterRegistrationBean<RefusalMessageFilter> refusalMessageFilter(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<RefusalMessageFilter> registration =
        new FilterRegistrationBean<>(new RefusalMessageFilter());
    registration.setName("refusal-messages");
    // Tasklist's engine API (under the webapps' application path) and the REST API for clients
    registration.addUrlPatterns(webappPath.replaceAll("/+$", "") + "/api/engine/*", "/engine-rest/*");
    // outermost of the application's filters: it sees the final answer of the engine API
    registration.setOrder(90);
    return registration;
  }

  /** A refusal is one WARN line in the log ({@link RefusalInterceptor}), not the engine's stack traces. */
  @Bean
  public SmartInitializingSingleton refusalLogFilter() {
    return () -> {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
          && logback.getTurboFilterList().stream().noneMatch(f -> RefusalLogFilter.NAME.equals(f.getName()))) {
        RefusalLogFilter filter = new RefusalLogFilter();
        filter.start();
        logback.addTurboFilter(filter);
      }
    };
  }

  @Bean
  public AbstractProcessEnginePlugin refusalInterceptorPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new RefusalInterceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    };
  }
}
