package ru.nso.wg.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.TimeZone;

/**
 * The start-up baseline (ru.nso.wg.bench.StartupBench): a bare Camunda 7 Spring Boot starter application with the
 * webapps and the REST API, started from the same classpath as the application but with none of its code (only this
 * package is scanned) and none of its configuration (the benchmark passes {@code --spring.config.name} of a file that
 * does not exist, and the engine settings the application uses on the command line).
 */
@SpringBootApplication
public class BareCamundaApp {

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    SpringApplication.run(BareCamundaApp.class, args);
  }
}
