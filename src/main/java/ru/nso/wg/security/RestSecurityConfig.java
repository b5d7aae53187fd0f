package ru.nso.wg.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication for the two HTTP APIs: Camunda's REST API ({@code /engine-rest}) takes HTTP Basic against
 * Camunda identity (Camunda's own filter); the application's API ({@code /api}) takes HTTP Basic or the
 * session of a user logged into the webapps (so links in Tasklist forms work).
 */
@Configuration
public class RestSecurityConfig {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter() {
          // Camunda lets the list of engine names (/engine) through anonymously; this API has nothing anonymous.
          @Override
          protected boolean requiresEngineAuthentication(String requestUrl) {
            return true;
          }
        });
    registration.setName("engine-rest-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(101);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ActuatorAuthenticationFilter> actuatorAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ActuatorAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ActuatorAuthenticationFilter(identityService));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(102);
    return registration;
  }
}
