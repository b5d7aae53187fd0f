package ru.nso.wg.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * In the {@code prod} profile, refuses to start when a required secret is missing or is a known default,
 * naming the environment variable, before anything touches the database.
 */
public class ProductionSecretsCheck implements EnvironmentPostProcessor {

  static final List<String> REQUIRED = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD",
      "WG_LINK_SECRET");
  static final List<String> SECRETS = List.of("DB_PASSWORD", "ADMIN_PASSWORD", "WG_LINK_SECRET");
  /** The key that signs links in e-mail ({@code common.LinkTokens}) must be long enough not to be guessed. */
  static final String LINK_SECRET = "WG_LINK_SECRET";
  static final int LINK_SECRET_MIN_LENGTH = 32;
  /** Values that ship in examples and documentation, and so are known to everyone. */
  static final Set<String> KNOWN_DEFAULTS = Set.of(
      "", "admin", "demo", "password", "postgres", "camunda", "changeme", "change-me", "secret", "sa", "123456");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.matchesProfiles("prod")) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String name : REQUIRED) {
      String value = environment.getProperty(name);
      if (value == null || value.isBlank()) {
        problems.add(name + " is not set");
      } else if (SECRETS.contains(name) && (KNOWN_DEFAULTS.contains(value.toLowerCase(Locale.ROOT))
          || value.toLowerCase(Locale.ROOT).startsWith("change"))) {
        problems.add(name + " has a known default value; set a real secret");
      } else if (LINK_SECRET.equals(name) && value.length() < LINK_SECRET_MIN_LENGTH) {
        problems.add(name + " is shorter than " + LINK_SECRET_MIN_LENGTH + " characters; set a long random key");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The 'prod' profile refuses to start: " + String.join("; ", problems)
          + ". See README, section Configuration.");
    }
  }
}
