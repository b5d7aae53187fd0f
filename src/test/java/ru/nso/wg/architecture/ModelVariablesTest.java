package ru.nso.wg.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The models and forms name only what the code declares ({@link ModelVariables}): a typo in a form field key or in a
 * {@code ${…}} expression fails here, not in a running meeting.
 */
class ModelVariablesTest {

  @Test
  void everyNameInTheModelsAndFormsIsDeclaredInTheCode() throws Exception {
    ModelVariables check = new ModelVariables(ModelVariables.backings("ru.nso.wg.process", true),
        ModelVariables.beanNames("ru.nso.wg"));

    List<String> problems = check.check(Path.of("bpmn"), Path.of("forms"));

    assertThat(problems).as("names in bpmn/ and forms/ that the code does not declare").isEmpty();
  }

  @Test
  void eachKindOfUndeclaredNameIsReportedWithItsFileAndPlace() throws Exception {
    ModelVariables check = new ModelVariables(ModelVariables.backings("ru.nso.wg.architecture.modelfixture", false),
        Set.of("knownBean"));
    Path fixtures = Path.of("src/test/resources/architecture");

    List<String> problems = check.check(fixtures.resolve("bpmn"), fixtures.resolve("forms"));

    String neither = "' is neither a variable of FixtureProcess, a bean, a Camunda built-in nor a local of the element";
    assertThat(problems).containsExactlyInAnyOrder(
        "bpmn/fixture.bpmn: Start camunda:initiator writes 'starterTypo', which is not a variable of FixtureProcess",
        "bpmn/fixture.bpmn: Task_Review camunda:assignee \"assigneeTypo\": 'assigneeTypo" + neither,
        "bpmn/fixture.bpmn: Task_Review camunda:taskListener delegateExpression \"unknownBean\": 'unknownBean"
            + neither,
        "bpmn/fixture.bpmn: Flow_Approved bpmn:conditionExpression \"approved && !approvedTypo\": 'approvedTypo"
            + neither,
        "bpmn/fixture.bpmn: Task_Item camunda:resultVariable writes 'resultTypo', which is not a variable of"
            + " FixtureProcess",
        "bpmn/fixture.bpmn: Task_Item camunda:outputParameter writes 'outputTypo', which is not a variable of"
            + " FixtureProcess",
        "bpmn/fixture.bpmn: Event_Deadline bpmn:timeDate \"knownBean.due('aLiteralNotAVariable', known, kind,"
            + " bogusFunction(), now())\": 'kind" + neither,
        "bpmn/fixture.bpmn: Event_Deadline bpmn:timeDate \"knownBean.due('aLiteralNotAVariable', known, kind,"
            + " bogusFunction(), now())\": 'bogusFunction' is not a Camunda expression function",
        "bpmn/fixture.bpmn: process 'unbacked-process' has no process-backing class (a *Process class declaring it"
            + " as KEY or *_KEY)",
        "forms/fixture.form: text Text_Title text \"templateTypo\": 'templateTypo' is not a variable of"
            + " FixtureProcess",
        "forms/fixture.form: textfield Field_Typo key 'keyTypo' is not a variable of FixtureProcess",
        "forms/fixture.form: textfield Field_Typo hide \"is defined(conditionTypo) = false or approved != true\":"
            + " 'conditionTypo' is not a variable of FixtureProcess",
        "forms/fixture.form: select Field_Option valuesKey 'optionsTypo' is not a variable of FixtureProcess",
        "forms/fixture.form: dynamiclist List_Typo path 'listTypo' is not a variable of FixtureProcess",
        "forms/fixture.form: checkbox Field_Nested key 'nestedTypo' is not a variable of FixtureProcess",
        "forms/orphan.form: form 'orphan-form' is referenced by no model (camunda:formRef), so its keys belong to no"
            + " process");
  }

  @Test
  void theBeansAndBackingClassesAreFoundTheWaySpringAndTheEngineFindThem() {
    assertThat(ModelVariables.beanNames("ru.nso.wg"))
        .as("@Component with a name, @Component without one, @Bean(\"…\") methods")
        .contains("meetingProcess", "deadlines", "sendMinutesCopies", "findDecisionToExtend");
    assertThat(ModelVariables.backings("ru.nso.wg.process", true))
        .flatExtracting(ModelVariables.Backing::keys)
        .contains("wg-meeting", "wg-meeting-postpone", "wg-decision-control", "wg-decision-extend");
  }
}
