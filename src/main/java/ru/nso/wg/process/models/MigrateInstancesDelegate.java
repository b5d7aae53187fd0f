package ru.nso.wg.process.models;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import ru.nso.wg.migration.ProcessMigration;

import java.util.ArrayList;
import java.util.List;

import static ru.nso.wg.process.ModelMigrationProcess.Vars.*;

/**
 * The chosen instances move to the new version in one batch, their timers recalculated from the calendar.
 * Synchronous after the choice: a refusal keeps the choice task open with the reason, and nothing moves.
 */
@Component("migrateInstances")
public class MigrateInstancesDelegate implements JavaDelegate {

  private final ProcessMigration migration;

  public MigrateInstancesDelegate(ProcessMigration migration) {
    this.migration = migration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> chosen = new ArrayList<>();
    SpinJsonNode list = CHOSEN.find(execution).orElse(null);
    if (list != null && list.isArray()) {
      for (SpinJsonNode id : list.elements()) {
        chosen.add(id.isString() ? id.stringValue() : id.toString());
      }
    }
    List<ProcessMigration.Move> moves = migration.migrate(PROCESS_KEY.get(execution), FROM_VERSION.get(execution),
        TO_VERSION.get(execution), chosen, INITIATOR.find(execution).orElse(null));
    RESULT.set(execution, "Переведено на версию " + TO_VERSION.get(execution) + ": " + moves.size());
  }
}
