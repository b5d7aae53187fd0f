package ru.nso.wg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.TimeZone;

/**
 * Meetings of the interdepartmental working group on client-centricity (Novosibirsk Oblast):
 * one JVM with the Camunda 7 engine, its REST API and webapps.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WgMeetingsApplication {

  public static void main(String[] args) {
    // The JVM runs in UTC; business dates are computed explicitly in Asia/Novosibirsk.
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    SpringApplication.run(WgMeetingsApplication.class, args);
  }
}
