package ru.nso.wg.common;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartupMigrationTest {

  private final DriverManagerDataSource database = new DriverManagerDataSource(
      "jdbc:h2:mem:startup-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  private final StartupWork startup = new StartupWork();

  @AfterEach
  void stop() {
    startup.destroy();
  }

  @Test
  void theMigrationsRunOnTheStartupThreadWhileTheEngineIsBuiltAndTheFlywayInitializerWaitsForThem() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> migratedOn = new CopyOnWriteArrayList<>();
    Flyway flyway = flyway(new Pause(release, migratedOn));
    StartupMigration migration = new StartupMigration(startup, provider(flyway));

    migration.preInit(null);
    assertThat(tables()).as("the engine's build goes on while the migrations wait").doesNotContain("WG_MEETING");

    release.countDown();
    migration.migrate(flyway);
    assertThat(tables()).contains("WG_MEETING", "WG_CALENDAR_STATE", "WG_MODEL_DEPLOYMENT");
    assertThat(migratedOn).containsExactly("wg-startup");
    startup.start();
  }

  @Test
  void aFailedMigrationFailsTheFlywayInitializerAndTheStartWithTheStepsName(@TempDir Path extra) throws Exception {
    Files.writeString(extra.resolve("V99__broken.sql"), "CREATE TABLE wg_meeting (id BIGINT);");
    Flyway flyway = Flyway.configure().dataSource(database).table("wg_schema_history")
        .locations("classpath:db/migration", "filesystem:" + extra).load();
    StartupMigration migration = new StartupMigration(startup, provider(flyway));

    migration.preInit(null);

    assertThatThrownBy(() -> migration.migrate(flyway)).isInstanceOf(FlywayException.class)
        .hasMessageContaining("V99__broken.sql");
    assertThatThrownBy(startup::start).isInstanceOf(IllegalStateException.class)
        .hasMessage("Start-up step 'Flyway migrations of db/migration' failed");
  }

  @Test
  void whenTheFlywayInitializerComesFirstItMigratesOnItsOwnThreadAndNothingIsHandedOver() {
    List<String> migratedOn = new CopyOnWriteArrayList<>();
    Flyway flyway = flyway(new Pause(new CountDownLatch(0), migratedOn));
    StartupMigration migration = new StartupMigration(startup, provider(flyway));

    migration.migrate(flyway);
    migration.preInit(null);
    startup.start();

    assertThat(migratedOn).as("migrated once, on the initializer's thread")
        .containsExactly(Thread.currentThread().getName());
    assertThat(tables()).contains("WG_MEETING");
  }

  private Flyway flyway(Callback callback) {
    return Flyway.configure().dataSource(database).locations("classpath:db/migration").table("wg_schema_history")
        .callbacks(callback).load();
  }

  private static ObjectProvider<Flyway> provider(Flyway flyway) {
    return new StaticListableBeanFactory(Map.of("flyway", flyway)).getBeanProvider(Flyway.class);
  }

  private List<String> tables() {
    return new JdbcTemplate(database).queryForList(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'", String.class);
  }

  /** Holds the migrations back until released, and notes the thread they ran on. */
  private record Pause(CountDownLatch release, List<String> migratedOn) implements Callback {
    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      if (event == Event.AFTER_MIGRATE) {
        migratedOn.add(Thread.currentThread().getName());
        return;
      }
      try {
        if (!release.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("not released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String getCallbackName() {
      return "pause";
    }
  }
}
