package ru.nso.wg.deployment;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.common.RussianDates;
import ru.nso.wg.migration.ProcessMigration;
import ru.nso.wg.roster.RosterGroups;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * What changed in the models and when, for administrators and analysts: every deployed version of a process with who
 * deployed it and its diff ({@code GET /api/models/{processKey}/versions}), and when a meeting (a business key) was
 * moved to another version ({@code GET /api/models/moves/{businessKey}}). Anyone else gets 403.
 */
@RestController
@RequestMapping("/api/models")
public class ModelHistoryController {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final ModelDeploymentLog log;
  private final ProcessMigration migration;
  private final IdentityService identity;

  public ModelHistoryController(ModelDeploymentLog log, ProcessMigration migration, IdentityService identity) {
    this.log = log;
    this.migration = migration;
    this.identity = identity;
  }

  /** One version of a process: who deployed it, when, from where and what changed against the version before. */
  public record VersionView(int version, Integer previousVersion, String deployedBy, String deployedAt, String source,
                            String deploymentId, Set<String> added, Set<String> removed, Set<String> changed,
                            Set<String> formsChanged) {
  }

  /** One move of a process instance to another version. */
  public record MoveView(String processInstanceId, String businessKey, String processKey, int fromVersion,
                         int toVersion, String migratedBy, String migratedAt) {
  }

  @GetMapping("/{processKey}/versions")
  public List<VersionView> versions(@PathVariable String processKey) {
    allowed();
    return log.versions(processKey).stream().map(e -> new VersionView(e.version(), e.previousVersion(),
        e.deployedBy(), format(e.deployedAt()), e.source(), e.deploymentId(), e.added(), e.removed(), e.changed(),
        e.formsChanged())).toList();
  }

  @GetMapping("/moves/{businessKey}")
  public List<MoveView> moves(@PathVariable String businessKey) {
    allowed();
    return migration.moves(businessKey).stream().map(m -> new MoveView(m.processInstanceId(), m.businessKey(),
        m.processKey(), m.fromVersion(), m.toVersion(), m.migratedBy(), format(m.migratedAt()))).toList();
  }

  private void allowed() {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(RosterGroups.ANALYSTS)) {
      throw Refusal.forbidden("История версий моделей доступна администраторам и аналитикам (группа "
          + RosterGroups.ANALYSTS + ")");
    }
  }

  private static String format(OffsetDateTime moment) {
    return moment == null ? null : moment.atZoneSameInstant(RussianDates.ZONE).toOffsetDateTime().format(ISO);
  }
}
