package ru.nso.wg.process;

/**
 * Process backing for {@code bpmn/wg-model-migration.bpmn}: the Tasklist request of administrators and analysts
 * «Перевести заседания на новую версию процесса» (issue 18) — source and target versions in the start form, the
 * checked plan with the movable and the blocked instances shown, the chosen ones moved
 * ({@code migration/ProcessMigration}).
 */
public final class ModelMigrationProcess {

  public static final String KEY = "wg-model-migration";

  /** Element IDs. */
  public static final class Elements {
    public static final String START = "StartEvent_MigrationRequested";
    public static final String PLAN = "Task_PlanMigration";
    public static final String CHOOSE = "Task_ChooseInstances";
    public static final String MIGRATE = "Task_MigrateInstances";
    public static final String END = "EndEvent_Migrated";

    private Elements() {
    }
  }

  /** Variables. Form field keys in {@code forms/migrate-*.form} are these names. */
  public static final class Vars {
    public static final Var.Str PROCESS_KEY = Var.text("migrationProcessKey", "Процесс", 255);
    public static final Var.Int FROM_VERSION = Var.integer("migrationFromVersion");
    public static final Var.Int TO_VERSION = Var.integer("migrationToVersion");
    /** Who asked (the start's initiator): the choice task is theirs. */
    public static final Var.Str INITIATOR = Var.string("migrationInitiator");
    /** Options of the checklist: the movable instances ({@code [{"label": …, "value": id}]}). */
    public static final Var.Json CANDIDATES = Var.json("migrationCandidates");
    /** Rows of the table of instances that cannot move, with the reason. */
    public static final Var.Json BLOCKED = Var.json("migrationBlocked");
    public static final Var.Str SUMMARY = Var.string("migrationSummary");
    /** The chosen instances (process instance IDs). */
    public static final Var.Json CHOSEN = Var.json("migrationChosen", "Экземпляры для перевода");
    public static final Var.Str RESULT = Var.string("migrationResult");

    private Vars() {
    }
  }

  private ModelMigrationProcess() {
  }
}
