package ru.nso.wg.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.SpringTemplateEngine;

import java.nio.file.Path;

/**
 * The template engine every HTML page, mail body and mail text goes through ({@link TemplateEngines}); Spring Boot's
 * own Thymeleaf engine steps back for it, and its view resolution is off ({@code spring.thymeleaf.enabled: false}):
 * the pages are rendered by their controllers.
 */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

  @Bean
  public SpringTemplateEngine templateEngine(@Value("${wg.templates.directory:./data/templates}") Path directory) {
    return TemplateEngines.create(directory);
  }
}
