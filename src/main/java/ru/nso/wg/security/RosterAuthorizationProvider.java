package ru.nso.wg.security;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default authorizations for new resources, except for a new user: Camunda grants him ALL on his own
 * user (so he could rename himself — and the minutes print names from identity — or delete himself); here he gets
 * READ only. Names, positions and e-mail addresses are maintained by administrators and the secretariat
 * ({@link AuthorizationBootstrap}); a user changes his own password through {@link EngineRestGuard}.
 */
public class RosterAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    AuthorizationEntity self = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
    self.setUserId(user.getId());
    self.setResource(Resources.USER);
    self.setResourceId(user.getId());
    self.addPermission(Permissions.READ);
    return new AuthorizationEntity[] {self};
  }
}
