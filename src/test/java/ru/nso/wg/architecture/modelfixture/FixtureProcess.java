package ru.nso.wg.architecture.modelfixture;

import ru.nso.wg.process.Var;

/**
 * The process-backing class of {@code src/test/resources/architecture/bpmn/fixture.bpmn}, the model that
 * {@code ModelVariablesTest} checks for the mistakes it must report. Not a bean; never part of the application.
 */
public final class FixtureProcess {

  public static final String KEY = "fixture-process";

  public static final class Vars {
    public static final Var.Str KNOWN = Var.string("known");
    public static final Var.Json OPTIONS = Var.json("options");
    public static final Var.Json ITEMS = Var.json("items");
    public static final Var.Bool APPROVED = Var.bool("approved");

    private Vars() {
    }
  }

  private FixtureProcess() {
  }
}
