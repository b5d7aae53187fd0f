package ru.nso.wg.tasklist;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ru.nso.wg.common.StartupWork;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Tasklist at scale on PostgreSQL (docs/performance.md, section 4). Camunda checks a user's right to read each task
 * by joining {@code ACT_RU_AUTHORIZATION} with conditions on bits of {@code PERMS_} ({@code PERMS_ & 2 = 2} for a
 * task's READ, {@code PERMS_ & 64 = 64} for a process definition's READ_TASK). PostgreSQL keeps no statistics on such
 * expressions and guesses that almost no row matches (10 where 2,084 did for a member with 2,000 assigned tasks), so
 * it joined every task with every authorization row: «Мои задачи» took 1.6 s. Statistics on the two expressions give
 * it the true numbers (with the planner settings of {@code docker-compose.yml} it then probes the index on
 * {@code RESOURCE_ID_}: 84 ms).
 *
 * <p>Created when the engine is built, not by a Flyway migration: the engine's tables must exist, and Flyway may run
 * before the engine creates them on a fresh database. {@code IF NOT EXISTS}, and analysed once when created, so
 * every start after the first costs one query. PostgreSQL 14 or later; nothing on H2, which keeps no statistics on
 * expressions.
 */
@Component
public class AuthorizationStatistics extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  static final List<String> NAMES = List.of("wg_auth_perms_read", "wg_auth_perms_read_task");
  private static final List<String> CREATE = List.of(
      "CREATE STATISTICS IF NOT EXISTS wg_auth_perms_read ON (perms_ & 2) FROM act_ru_authorization",
      "CREATE STATISTICS IF NOT EXISTS wg_auth_perms_read_task ON (perms_ & 64) FROM act_ru_authorization");

  private final StartupWork startup;

  public AuthorizationStatistics(StartupWork startup) {
    this.startup = startup;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("planner statistics on authorizations", () -> create(processEngine));
  }

  private void create(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try (Connection connection = configuration.getDataSource().getConnection();
         Statement statement = connection.createStatement()) {
      if (existing(statement) == NAMES.size()) {
        return;
      }
      for (String sql : CREATE) {
        statement.execute(sql);
      }
      statement.execute("ANALYZE act_ru_authorization");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info("Planner statistics on Camunda's authorization bits created: {}", NAMES);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the planner statistics " + NAMES + " on act_ru_authorization", e);
    }
  }

  private static int existing(Statement statement) throws SQLException {
    try (ResultSet found = statement.executeQuery("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname IN ('"
        + String.join("', '", NAMES) + "')")) {
      found.next();
      return found.getInt(1);
    }
  }
}
