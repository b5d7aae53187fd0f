package ru.nso.wg.process;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;
import ru.nso.wg.roster.AsEngine;

/**
 * Lets a group follow a task it does not work on: READ on that one task (it is listed and its form can be looked
 * at), no UPDATE (it cannot be taken, completed or handed on). The engine deletes a task's authorizations with the
 * task. Used for the report task of a decision under control, which its controlling deputy chair's area group follows
 * in «Контроль исполнения: мои решения» ({@code tasklist/TasklistFilters.java}).
 */
@Component
public class TaskReaders {

  private final AuthorizationService authorizations;
  private final AsEngine asEngine;

  public TaskReaders(AuthorizationService authorizations, AsEngine asEngine) {
    this.authorizations = authorizations;
    this.asEngine = asEngine;
  }

  /** Grants the group READ on the task (as the engine: whoever's action created the task). */
  public void letGroupRead(String taskId, String groupId) {
    if (groupId == null || groupId.isBlank()) {
      return;
    }
    asEngine.run(() -> {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId(groupId);
      read.setResource(Resources.TASK);
      read.setResourceId(taskId);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
    });
  }
}
