package ru.nso.wg.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.StartupWork;
import ru.nso.wg.process.ModelMigrationProcess;
import ru.nso.wg.process.ProcessKeys;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.RosterGroups;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

/**
 * Grants each group what its people need and no more (authorizations are on). Created when missing, never
 * changed afterwards: an administrator may tighten or widen them in Camunda Admin. Administrators
 * ({@code camunda-admin}) get everything from the engine's admin-user setup; nobody else may deploy,
 * change definitions or manage users.
 *
 * <p>Tasklist filters: READ is granted per filter, to the groups that may see it, by
 * {@code ru.nso.wg.tasklist.TasklistFilterBootstrap} (not on every filter: the secretariat's filter is its own).
 *
 * <p>Users: a user reads his own user but does not change it (Camunda would grant him ALL on it, see
 * {@link RosterAuthorizationProvider}); at every start, what Camunda granted users created before (exactly ALL on
 * themselves, to anyone but an administrator) is reduced to READ — a narrower or other grant an administrator made
 * is left alone. The secretariat maintains the roster's names and e-mail addresses (UPDATE on users; not their
 * passwords, see {@link EngineRestGuard}). On a database where the secretariat's grant on users existed before
 * (READ only), UPDATE is added to it once ({@value #IDENTITY_UPGRADE} in the engine's properties): an
 * administrator who takes it away later keeps it that way.
 *
 * <p>Tasks: the engine itself grants READ and UPDATE on a task to its assignee and candidate users/groups,
 * so members see only tasks assigned to them or their groups.
 */
@Component
@Order(20)
public class AuthorizationBootstrap extends AbstractProcessEnginePlugin {

  /** The engine property that records the one-time upgrade of the secretariat's grant on users. */
  static final String IDENTITY_UPGRADE = "wg.authorizations.secretariat-updates-users";

  private final StartupWork startup;

  public AuthorizationBootstrap(StartupWork startup) {
    this.startup = startup;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new RosterAuthorizationProvider());
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("authorizations", () -> grant(processEngine));
  }

  private void grant(ProcessEngine processEngine) {
    Grants grants = new Grants();
    for (String group : RosterGroups.ALL_STAFF) {
      grants.add(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grants.add(group, Resources.USER, ANY, Permissions.READ);
      grants.add(group, Resources.GROUP, ANY, Permissions.READ);
      grants.add(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      // Tasklist resolves a task's form through its process definition: whoever gets a task needs READ on it
      // (READ on a definition shows no instance and no task).
      // the postponement and cancellation requests: their decision task goes to the chair or a deputy chair (§ 7 (3))
      for (String key : new String[] {ProcessKeys.MEETING, ProcessKeys.DECISION_CONTROL, ProcessKeys.POSTPONE,
          ProcessKeys.CANCEL}) {
        grants.add(group, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ);
      }
    }
    // § 17: every member may file a dissenting opinion from Tasklist.
    grants.add(RosterGroups.MEMBERS, Resources.PROCESS_DEFINITION, ProcessKeys.DISSENT,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    // § 14, § 15: every member replies whether he will attend (for himself: replies.AttendanceReplies).
    grants.add(RosterGroups.MEMBERS, Resources.PROCESS_DEFINITION, ProcessKeys.ATTENDANCE_REPLY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);

    // § 9 (2), § 13: members, deputy chairs and the secretariat propose items for the agenda (wg-agenda-proposal);
    // READ also lets the proposer open his amendment task. The use case checks who proposes, too
    // (meeting/AgendaProposals).
    for (String group : new String[] {RosterGroups.MEMBERS, RosterGroups.DEPUTY_CHAIRS, RosterGroups.SECRETARIAT}) {
      grants.add(group, Resources.PROCESS_DEFINITION, ProcessKeys.AGENDA_PROPOSAL,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.AGENDA_PROPOSAL,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);

    // The secretariat starts, postpones and cancels meetings, and follows them (also in Cockpit).
    for (String key : ProcessKeys.SECRETARIAT_STARTS) {
      grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
    }
    grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.DISSENT,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.DECISION_CONTROL,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grants.add(RosterGroups.SECRETARIAT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    // The secretariat maintains the roster: names and e-mail addresses (issue 11: nobody renames himself).
    grants.add(RosterGroups.SECRETARIAT, Resources.USER, ANY, Permissions.READ, Permissions.UPDATE);

    // The chair's office monitors meetings and the execution of decisions in Cockpit (read only).
    for (String key : new String[] {ProcessKeys.MEETING, ProcessKeys.DECISION_CONTROL}) {
      grants.add(RosterGroups.CHAIR, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    grants.add(RosterGroups.CHAIR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grants.add(RosterGroups.CHAIR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // Deputy chairs follow the decisions they control (§ 8). Their area group is the candidate group of the review
    // task; someone of a deputy chair's office may be in it without being in the roster, so the group itself gets
    // what Tasklist needs for the task form.
    for (DeputyArea area : DeputyArea.values()) {
      grants.add(area.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grants.add(area.groupId(), Resources.PROCESS_DEFINITION, ProcessKeys.DECISION_CONTROL,
          ProcessDefinitionPermissions.READ);
      // § 8: the area's deputy chair reviews the proposals for the agenda of his area
      grants.add(area.groupId(), Resources.PROCESS_DEFINITION, ProcessKeys.AGENDA_PROPOSAL,
          ProcessDefinitionPermissions.READ);
      grants.add(area.groupId(), Resources.USER, ANY, Permissions.READ);
      grants.add(area.groupId(), Resources.GROUP, ANY, Permissions.READ);
    }
    // § 8: the chair's office extends due dates of decisions under control; the secretariat records that a later
    // decision of the working group withdrew one. Both from Tasklist (or the REST API) by a small request process.
    grants.add(RosterGroups.CHAIR, Resources.PROCESS_DEFINITION, ProcessKeys.DECISION_EXTEND,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    // § 10: the chair's office records the chair's instruction handing the chair's powers to a deputy for a period.
    grants.add(RosterGroups.CHAIR, Resources.PROCESS_DEFINITION, ProcessKeys.CHAIR_INSTRUCTION,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    // ... and withdraws it when the chair returns early
    grants.add(RosterGroups.CHAIR, Resources.PROCESS_DEFINITION, ProcessKeys.CHAIR_INSTRUCTION_WITHDRAW,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    grants.add(RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.DECISION_WITHDRAW,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY);
    // Analysts change the models: they deploy (every deployment is checked, deployment/DeploymentCheckPlugin; in prod
    // only when wg.models.rest-deployment allows it, EngineRestGuard), read every process and its instances in
    // Cockpit, and move running instances to another version (Tasklist request, migration/ProcessMigration).
    grants.add(RosterGroups.ANALYSTS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grants.add(RosterGroups.ANALYSTS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.add(RosterGroups.ANALYSTS, Resources.USER, ANY, Permissions.READ);
    // the shared Tasklist filters (created with their readers before analysts existed): they show an analyst only the
    // tasks he may see — his migration requests
    grants.add(RosterGroups.ANALYSTS, Resources.FILTER, ANY, Permissions.READ);
    grants.add(RosterGroups.ANALYSTS, Resources.GROUP, ANY, Permissions.READ);
    grants.add(RosterGroups.ANALYSTS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grants.add(RosterGroups.ANALYSTS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grants.add(RosterGroups.ANALYSTS, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE,
        ProcessInstancePermissions.READ);
    grants.add(RosterGroups.ANALYSTS, Resources.PROCESS_DEFINITION, ModelMigrationProcess.KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK);
    AuthorizationService auth = processEngine.getAuthorizationService();
    upgradeSecretariatOnUsers(auth, processEngine.getManagementService());
    grants.apply(auth);
    reduceSelfGrants(auth, processEngine.getIdentityService());
  }

  /** Once: the secretariat's grant on users, from before it maintained the roster, gets UPDATE. */
  private static void upgradeSecretariatOnUsers(AuthorizationService auth, ManagementService management) {
    if (management.getProperties().containsKey(IDENTITY_UPGRADE)) {
      return;
    }
    Authorization existing = auth.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(RosterGroups.SECRETARIAT).resourceType(Resources.USER).resourceId(ANY).singleResult();
    if (existing != null && !existing.isPermissionGranted(Permissions.UPDATE)) {
      existing.addPermission(Permissions.UPDATE);
      auth.saveAuthorization(existing);
    }
    management.setProperty(IDENTITY_UPGRADE, "done");
  }

  /** Camunda's ALL of a user on himself (from before {@link RosterAuthorizationProvider}) becomes READ. */
  private static void reduceSelfGrants(AuthorizationService auth, IdentityService identity) {
    for (Authorization grant : auth.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.USER).list()) {
      String userId = grant.getUserId();
      if (userId == null || !userId.equals(grant.getResourceId()) || !grant.isEveryPermissionGranted()
          || identity.createUserQuery().userId(userId).memberOfGroup(RosterGroups.ADMINS).count() > 0) {
        continue;
      }
      grant.setPermissions(new Permission[] {Permissions.READ});
      auth.saveAuthorization(grant);
    }
  }

  /** The wanted grants, merged per group, resource and resource id before anything is written. */
  private static final class Grants {
    private final Map<List<Object>, Set<Permission>> wanted = new LinkedHashMap<>();

    void add(String groupId, Resource resource, String resourceId, Permission... permissions) {
      wanted.computeIfAbsent(List.of(groupId, resource, resourceId), k -> new LinkedHashSet<>())
          .addAll(Arrays.asList(permissions));
    }

    void apply(AuthorizationService auth) {
      wanted.forEach((key, permissions) -> create(auth, (String) key.get(0), (Resource) key.get(1),
          (String) key.get(2), permissions));
    }
  }

  private static void create(AuthorizationService auth, String groupId, Resource resource, String resourceId,
                             Set<Permission> permissions) {
    boolean exists = auth.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    auth.saveAuthorization(authorization);
  }
}
