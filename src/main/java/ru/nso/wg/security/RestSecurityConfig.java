package ru.nso.wg.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.nso.wg.roster.AsEngine;

import java.time.Clock;
import java.time.Duration;

/**
 * Authentication for the two HTTP APIs: Camunda's REST API ({@code /engine-rest}) takes HTTP Basic against
 * Camunda identity (Camunda's own filter); the application's API ({@code /api}) takes HTTP Basic or the
 * session of a user logged into the webapps (so links in Tasklist forms work). Around them: the security headers
 * ({@link SecurityHeadersFilter}), the brake on password guessing ({@link LoginThrottleFilter}, also on the
 * webapps' login) and, behind the authentication, what Camunda's authorizations do not cover
 * ({@link EngineRestGuard}, also on the webapps' engine API).
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
  public LoginThrottle loginThrottle(
      @Value("${wg.login-throttle.account-free-attempts:5}") int accountFree,
      @Value("${wg.login-throttle.address-free-attempts:20}") int addressFree,
      @Value("${wg.login-throttle.base-delay:PT1S}") Duration baseDelay,
      @Value("${wg.login-throttle.max-delay:PT1M}") Duration maxDelay,
      @Value("${wg.login-throttle.forget-after:PT15M}") Duration forgetAfter) {
    return new LoginThrottle(new LoginThrottle.Settings(accountFree, addressFree, baseDelay, maxDelay, forgetAfter),
        Clock.systemUTC());
  }

  @Bean
  public FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new SecurityHeadersFilter());
    registration.setName("security-headers");
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/materials/*", "/reply/*");
    registration.setOrder(80);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<LoginThrottleFilter> loginThrottling(
      LoginThrottle throttle, IdentityService identityService, AsEngine asEngine,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String webapp = webappPath.replaceAll("/+$", "");
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
        new LoginThrottleFilter(throttle, identityService, asEngine, webapp + "/api/admin/auth/user/"));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/*", webapp + "/api/admin/auth/user/*");
    registration.setOrder(90);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<EngineRestGuard> engineRestGuard(
      IdentityService identityService, AsEngine asEngine, LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${wg.models.rest-deployment:false}") boolean restDeployment) {
    FilterRegistrationBean<EngineRestGuard> registration =
        new FilterRegistrationBean<>(new EngineRestGuard(identityService, asEngine, throttle, restDeployment));
    registration.setName("engine-rest-guard");
    registration.addUrlPatterns("/engine-rest/*", webappPath.replaceAll("/+$", "") + "/api/engine/*");
    registration.setOrder(110);
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
