package ru.nso.wg.monitoring;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.StartupWork;
import ru.nso.wg.roster.DeputyArea;

/**
 * Deputy chairs follow the decisions of their areas in Cockpit («Заседания и сроки»): each area group may open
 * Cockpit (the secretariat and the chair's office already may, see {@code AuthorizationBootstrap}). What the plugin
 * shows is limited by {@link MonitoringAccess}; Cockpit's own views by the engine's authorizations (an area group may
 * read no process instance). Created when missing, never changed afterwards (an administrator may revoke it).
 */
@Component
@Order(21)
public class MonitoringAuthorizationBootstrap extends AbstractProcessEnginePlugin {

  private final StartupWork startup;

  public MonitoringAuthorizationBootstrap(StartupWork startup) {
    this.startup = startup;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    startup.submit("Cockpit access of the deputy chairs' areas", () -> grantCockpit(processEngine));
  }

  private void grantCockpit(ProcessEngine processEngine) {
    AuthorizationService auth = processEngine.getAuthorizationService();
    for (DeputyArea area : DeputyArea.values()) {
      boolean exists = auth.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
          .groupIdIn(area.groupId()).resourceType(Resources.APPLICATION).resourceId("cockpit").count() > 0;
      if (!exists) {
        Authorization grant = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(area.groupId());
        grant.setResource(Resources.APPLICATION);
        grant.setResourceId("cockpit");
        grant.addPermission(Permissions.ACCESS);
        auth.saveAuthorization(grant);
      }
    }
  }
}
