package ru.nso.wg.platform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.security.ProductionSecretsCheck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code prod} profile refuses to start without real secrets, naming the variable, before touching the
 * database.
 */
class ProductionSecretsCheckTest {

  static final List<String> REQUIRED = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD",
      "WG_LINK_SECRET");

  static Map<String, String> validSecrets() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("DB_URL", "jdbc:postgresql://db:5432/wg");
    values.put("DB_USER", "wg");
    values.put("DB_PASSWORD", "Db-Pa55word-From-Vault");
    values.put("ADMIN_USER", "admin");
    values.put("ADMIN_PASSWORD", "Adm1n-Pa55word-From-Vault");
    values.put("WG_LINK_SECRET", "Link-Key-From-Vault-0123456789abcdef");
    return values;
  }

  @Nested
  class AsUnit {

    private final ProductionSecretsCheck check = new ProductionSecretsCheck();

    private void run(Map<String, String> values, String... profiles) {
      MockEnvironment environment = new MockEnvironment();
      environment.setActiveProfiles(profiles);
      values.forEach(environment::setProperty);
      check.postProcessEnvironment(environment, new SpringApplication());
    }

    @Test
    void acceptsRealSecrets() {
      assertThatCode(() -> run(validSecrets(), "prod")).doesNotThrowAnyException();
    }

    @Test
    void otherProfilesAreNotChecked() {
      assertThatCode(() -> run(Map.of())).doesNotThrowAnyException();
      assertThatCode(() -> run(Map.of("ADMIN_PASSWORD", "admin"), "test")).doesNotThrowAnyException();
    }

    @Test
    void prodAmongOtherProfilesIsChecked() {
      assertThatThrownBy(() -> run(Map.of(), "cluster", "prod")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_URL", "DB_USER", "DB_PASSWORD", "ADMIN_USER", "ADMIN_PASSWORD", "WG_LINK_SECRET"})
    void namesAMissingVariable(String name) {
      Map<String, String> values = validSecrets();
      values.remove(name);

      assertThatThrownBy(() -> run(values, "prod"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(name + " is not set")
          .hasMessageStartingWith("The 'prod' profile refuses to start");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DB_URL", "ADMIN_PASSWORD"})
    void aBlankVariableIsMissing(String name) {
      Map<String, String> values = validSecrets();
      values.put(name, "  ");

      assertThatThrownBy(() -> run(values, "prod")).hasMessageContaining(name + " is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "demo", "password", "postgres", "camunda", "changeme", "change-me",
        "Change-Me-Please", "secret", "sa", "123456"})
    void refusesAKnownDefaultAsAdminPassword(String known) {
      Map<String, String> values = validSecrets();
      values.put("ADMIN_PASSWORD", known);

      assertThatThrownBy(() -> run(values, "prod"))
          .hasMessageContaining("ADMIN_PASSWORD has a known default value")
          .hasMessageNotContaining("DB_PASSWORD")
          .hasMessageNotContaining("ADMIN_USER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "change-me", "demo"})
    void refusesAKnownDefaultAsDatabasePassword(String known) {
      Map<String, String> values = validSecrets();
      values.put("DB_PASSWORD", known);

      assertThatThrownBy(() -> run(values, "prod")).hasMessageContaining("DB_PASSWORD has a known default value");
    }

    /** The key of the links in e-mail (attendance replies): a known default or a short key is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"change-me", "changeme", "short-key-0123456789"})
    void refusesAWeakKeyOfTheLinks(String weak) {
      Map<String, String> values = validSecrets();
      values.put("WG_LINK_SECRET", weak);

      assertThatThrownBy(() -> run(values, "prod")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("WG_LINK_SECRET").hasMessageNotContaining(weak);
    }

    @Test
    void namesEveryProblemAtOnceAndNoSecretValue() {
      Map<String, String> values = validSecrets();
      values.remove("DB_URL");
      values.put("DB_PASSWORD", "postgres");
      values.put("ADMIN_PASSWORD", "admin");

      assertThatThrownBy(() -> run(values, "prod"))
          .hasMessageContainingAll("DB_URL is not set", "DB_PASSWORD has a known default value",
              "ADMIN_PASSWORD has a known default value")
          .hasMessageNotContaining("postgres");
    }
  }

  @Nested
  class WhenTheApplicationStarts {

    @TempDir
    Path temp;

    /** Command-line arguments win over the environment, so the machine's own variables cannot interfere. */
    private Throwable startProd(Map<String, String> values) {
      List<String> args = new ArrayList<>(List.of("--server.port=0", "--SERVER_ADDRESS=127.0.0.1"));
      values.forEach((name, value) -> args.add("--" + name + "=" + value));
      try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WgMeetingsApplication.class)
          .profiles("prod").run(args.toArray(String[]::new))) {
        throw new AssertionError("The prod profile started with " + values.keySet() + " on " + context.getId());
      } catch (RuntimeException e) {
        return e;
      }
    }

    private Map<String, String> secretsWithDatabaseIn(Path folder) {
      Map<String, String> values = validSecrets();
      values.put("DB_URL", "jdbc:h2:file:" + folder.resolve("prod-check").toAbsolutePath());
      return values;
    }

    @Test
    void refusesTheKnownDefaultAdminPasswordBeforeTouchingTheDatabase() throws IOException {
      Map<String, String> values = secretsWithDatabaseIn(temp);
      values.put("ADMIN_PASSWORD", "admin");

      Throwable failure = startProd(values);

      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ADMIN_PASSWORD has a known default value");
      try (Stream<Path> files = Files.list(temp)) {
        assertThat(files).as("no database file was created").isEmpty();
      }
    }

    @Test
    void namesTheMissingVariables() {
      Map<String, String> values = secretsWithDatabaseIn(temp);
      values.put("DB_URL", "");
      values.put("DB_PASSWORD", "");

      assertThat(startProd(values)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("DB_URL is not set")
          .hasMessageContaining("DB_PASSWORD is not set")
          .hasMessageNotContaining("ADMIN_PASSWORD");
    }

    @Test
    void theExampleEnvironmentFileIsRefused() throws IOException {
      Map<String, String> values = new LinkedHashMap<>();
      for (String line : Files.readAllLines(Path.of(".env.example"))) {
        int equals = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
          values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
      }
      assertThat(values).containsKeys(REQUIRED.toArray(String[]::new));

      assertThat(startProd(values)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("DB_PASSWORD has a known default value")
          .hasMessageContaining("ADMIN_PASSWORD has a known default value");
    }
  }
}
