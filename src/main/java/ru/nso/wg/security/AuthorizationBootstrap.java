package ru.nso.wg.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nso.wg.process.ProcessKeys;
import ru.nso.wg.roster.DeputyArea;
import ru.nso.wg.roster.RosterGroups;

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
 * <p>Tasks: the engine itself grants READ and UPDATE on a task to its assignee and candidate users/groups,
 * so members see only tasks assigned to them or their groups.
 */
@Component
@Order(20)
public class AuthorizationBootstrap extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    AuthorizationService auth = processEngine.getAuthorizationService();
    for (String group : RosterGroups.ALL_STAFF) {
      grant(auth, group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(auth, group, Resources.USER, ANY, Permissions.READ);
      grant(auth, group, Resources.GROUP, ANY, Permissions.READ);
      grant(auth, group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }
    // § 17: every member may file a dissenting opinion from Tasklist.
    grant(auth, RosterGroups.MEMBERS, Resources.PROCESS_DEFINITION, ProcessKeys.DISSENT,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);

    // The secretariat starts, postpones and cancels meetings, and follows them (also in Cockpit).
    for (String key : ProcessKeys.SECRETARIAT_STARTS) {
      grant(auth, RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
          ProcessDefinitionPermissions.READ_TASK);
    }
    grant(auth, RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.DISSENT,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(auth, RosterGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, ProcessKeys.DECISION_CONTROL,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
    grant(auth, RosterGroups.SECRETARIAT, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(auth, RosterGroups.SECRETARIAT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // The chair's office monitors meetings and the execution of decisions in Cockpit (read only).
    for (String key : new String[] {ProcessKeys.MEETING, ProcessKeys.DECISION_CONTROL}) {
      grant(auth, RosterGroups.CHAIR, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_HISTORY);
    }
    grant(auth, RosterGroups.CHAIR, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(auth, RosterGroups.CHAIR, Resources.APPLICATION, "cockpit", Permissions.ACCESS);

    // Deputy chairs follow the decisions they control (§ 8).
    for (DeputyArea area : DeputyArea.values()) {
      grant(auth, area.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    }
  }

  private static void grant(AuthorizationService auth, String groupId, Resource resource, String resourceId,
                            Permission... permissions) {
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
