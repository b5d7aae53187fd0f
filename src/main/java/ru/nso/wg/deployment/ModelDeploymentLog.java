package ru.nso.wg.deployment;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The record of every process version deployed ({@code wg_model_deployment}, Flyway V85): who (the authenticated
 * user; none at start-up), when, the deployment's source, and what changed against the version before it
 * ({@link ModelDiff}, forms whose content changed). Written in the deployment's transaction, also at the first start
 * of an empty database: the models are deployed after Flyway's migrations ({@code common/StartupMigration}).
 */
@Component
public class ModelDeploymentLog {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeploymentLog.class);
  static final String TABLE = "wg_model_deployment";

  /** One recorded version. */
  public record Entry(String deploymentId, String processDefinitionId, String processKey, int version,
                      Integer previousVersion, String deployedBy, OffsetDateTime deployedAt, String source,
                      Set<String> added, Set<String> removed, Set<String> changed, Set<String> formsChanged) {
  }

  private final JdbcTemplate jdbc;

  public ModelDeploymentLog(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /** Called by the engine after it deployed a new deployment, inside its command. */
  void record(DeploymentEntity deployment) {
    CommandContext command = Context.getCommandContext();
    for (ProcessDefinitionEntity definition : deployment.getDeployedArtifacts(ProcessDefinitionEntity.class)) {
      byte[] now = deployment.getResource(definition.getResourceName()).getBytes();
      ProcessDefinitionEntity previous = definition.getVersion() > 1
          ? command.getProcessDefinitionManager().findDefinitionByKeyVersionAndTenantId(definition.getKey(),
              definition.getVersion() - 1, definition.getTenantId())
          : null;
      byte[] before = null;
      Set<String> formsChanged = new TreeSet<>();
      if (previous != null) {
        ResourceEntity old = command.getResourceManager()
            .findResourceByDeploymentIdAndResourceName(previous.getDeploymentId(), previous.getResourceName());
        before = old == null ? null : old.getBytes();
        Map<String, byte[]> oldForms = new TreeMap<>();
        for (ResourceEntity resource : command.getResourceManager()
            .findResourcesByDeploymentId(previous.getDeploymentId())) {
          if (resource.getName().endsWith(".form")) {
            oldForms.put(baseName(resource.getName()), resource.getBytes());
          }
        }
        deployment.getResources().forEach((name, resource) -> {
          if (name.endsWith(".form") && !Arrays.equals(oldForms.get(baseName(name)), resource.getBytes())) {
            formsChanged.add(baseName(name));
          }
        });
      }
      ModelDiff diff = ModelDiff.of(before, now);
      Entry entry = new Entry(deployment.getId(), definition.getId(), definition.getKey(), definition.getVersion(),
          previous == null ? null : previous.getVersion(), command.getAuthenticatedUserId(),
          OffsetDateTime.now(), deployment.getSource(), diff.added(), diff.removed(), diff.changed(), formsChanged);
      insert(entry);
    }
  }

  /** Every recorded version of a process, newest first. */
  public List<Entry> versions(String processKey) {
    return jdbc.query("SELECT * FROM " + TABLE + " WHERE process_key = ? ORDER BY process_version DESC, id DESC",
        (rs, i) -> entry(rs), processKey);
  }

  private void insert(Entry e) {
    jdbc.update("INSERT INTO " + TABLE + " (deployment_id, process_definition_id, process_key, process_version,"
            + " previous_version, deployed_by, deployed_at, deployment_source, elements_added, elements_removed,"
            + " elements_changed, forms_changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.deploymentId(), e.processDefinitionId(), e.processKey(), e.version(), e.previousVersion(), e.deployedBy(),
        Timestamp.from(e.deployedAt().toInstant()), e.source(), join(e.added(), 10000), join(e.removed(), 10000),
        join(e.changed(), 10000), join(e.formsChanged(), 4000));
    LOG.info("Recorded {} version {} by {}: added {}, removed {}, changed {}, forms {}", e.processKey(), e.version(),
        e.deployedBy(), e.added(), e.removed(), e.changed(), e.formsChanged());
  }

  private static String baseName(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }

  private static String join(Set<String> names, int max) {
    String text = String.join(",", names);
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    Integer previous = rs.getObject("previous_version") == null ? null : rs.getInt("previous_version");
    return new Entry(rs.getString("deployment_id"), rs.getString("process_definition_id"),
        rs.getString("process_key"), rs.getInt("process_version"), previous,
        rs.getString("deployed_by"), rs.getObject("deployed_at", OffsetDateTime.class),
        rs.getString("deployment_source"), split(rs.getString("elements_added")),
        split(rs.getString("elements_removed")), split(rs.getString("elements_changed")),
        split(rs.getString("forms_changed")));
  }

  private static Set<String> split(String text) {
    return text == null || text.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(text.split(",")));
  }
}
