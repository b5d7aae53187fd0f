package ru.nso.wg.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refusals of submitted forms reach Tasklist (and REST clients) as their own short message. */
@Configuration
public class RefusalMessageConfig {

  @Bean
  public FilterRegistrationBean<RefusalMessageFilter> refusalMessages(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<RefusalMessageFilter> registration = new FilterRegistrationBean<>(new RefusalMessageFilter());
    registration.setName("refusal-messages");
    // Tasklist's engine API (under the webapps' application path) and the REST API for clients
    registration.addUrlPatterns(webappPath.replaceAll("/+$", "") + "/api/engine/*", "/engine-rest/*");
    // outermost of the application's filters: it sees the final answer of the engine API
    registration.setOrder(90);
    return registration;
  }
}
