package ru.nso.wg.process.models;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.common.Refusal;
import ru.nso.wg.migration.ProcessMigration;

import static ru.nso.wg.process.ModelMigrationProcess.Vars.*;

/**
 * The migration request's plan: the versions from the start form are checked and the running instances of the source
 * version sorted into movable (the checklist's options) and blocked (a table with the reason). Synchronous after the
 * start, so a refusal (no such version, a plan Camunda refuses) shows in the start dialog and nothing starts.
 */
@Component("planMigration")
public class PlanMigrationDelegate implements JavaDelegate {

  private final ProcessMigration migration;

  public PlanMigrationDelegate(ProcessMigration migration) {
    this.migration = migration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessMigration.Plan plan = migration.plan(PROCESS_KEY.find(execution)
            .orElseThrow(() -> new Refusal("Укажите процесс")),
        FROM_VERSION.find(execution).orElseThrow(() -> new Refusal("Укажите исходную версию")),
        TO_VERSION.find(execution).orElseThrow(() -> new Refusal("Укажите новую версию")));
    SpinJsonNode options = Spin.JSON("[]");
    for (ProcessMigration.Candidate c : plan.movable()) {
      SpinJsonNode option = Spin.JSON("{}");
      option.prop("label", ProcessMigration.label(c) + " — " + String.join(", ", c.waitingIn()));
      option.prop("value", c.processInstanceId());
      options.append(option);
    }
    SpinJsonNode blocked = Spin.JSON("[]");
    for (ProcessMigration.Candidate c : plan.blocked()) {
      SpinJsonNode row = Spin.JSON("{}");
      row.prop("instance", ProcessMigration.label(c));
      row.prop("reason", String.join("; ", c.problems()));
      blocked.append(row);
    }
    CANDIDATES.set(execution, options);
    BLOCKED.set(execution, blocked);
    SUMMARY.set(execution, "Процесс «" + plan.processKey() + "», версия " + plan.fromVersion() + " → "
        + plan.toVersion() + ": можно перевести " + plan.movable().size() + ", нельзя — " + plan.blocked().size());
  }
}
