package ru.nso.wg.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The deploy-time checks ({@link ModelCheck}) on the shipped models and on models broken on purpose. */
class ModelCheckTest {

  private static ModelCheck check;

  @BeforeAll
  static void vocabulary() {
    check = new ModelCheck(ScannedVocabulary.of("ru.nso.wg"));
  }

  /** The deployment ModelDeployer makes of one bpmn/ file: the model and every form of forms/. */
  private static Map<String, byte[]> deployment(String bpmnFile, String bpmnText) throws IOException {
    Map<String, byte[]> resources = new TreeMap<>();
    resources.put("bpmn/" + bpmnFile, bpmnText.getBytes(StandardCharsets.UTF_8));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        resources.put("forms/" + form.getFileName(), Files.readAllBytes(form));
      }
    }
    return resources;
  }

  private static String meeting() throws IOException {
    return Files.readString(Path.of("bpmn/wg-meeting.bpmn"));
  }

  @Test
  void everyShippedModelPasses() throws IOException {
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        assertThat(check.problems(deployment(model.getFileName().toString(), Files.readString(model)), id -> false))
            .as(model.toString()).isEmpty();
      }
    }
  }

  @Test
  void aBrokenExpressionAndAMissingTimeToLiveAreListedInRussian() throws IOException {
    String broken = meeting()
        .replace(" camunda:historyTimeToLive=\"P365D\"", "")
        .replace("${sendAgenda}", "${sendAgendaa}")
        .replace("${deadlines.due('minutesDue', meetingDate)}", "${deadlines.due('minutesDeu', meetingDay)}")
        .replace("${deadlines.reminder('minutesCopiesDue', signedOn)}", "${deadlines.remind('minutesCopiesDue', "
            + "signedOn)}");

    List<String> problems = check.problems(deployment("wg-meeting.bpmn", broken), id -> false);

    assertThat(problems).containsExactly(
        "wg-meeting.bpmn, процесс «wg-meeting»: не задан срок хранения истории (historyTimeToLive, например P365D)",
        "wg-meeting.bpmn, Task_SendAgenda «Отправить повестку членам и приглашённым», выражение «${sendAgendaa}»: "
            + "«sendAgendaa» — ни компонент приложения, ни переменная процесса, ни встроенное имя Camunda, ни "
            + "локальная переменная элемента",
        "wg-meeting.bpmn, Task_DraftMinutes «Оформить протокол заседания», выражение «${deadlines.due('minutesDeu', "
            + "meetingDay)}»: «meetingDay» — ни компонент приложения, ни переменная процесса, ни встроенное имя "
            + "Camunda, ни локальная переменная элемента",
        "wg-meeting.bpmn, Task_DraftMinutes «Оформить протокол заседания», выражение «${deadlines.due('minutesDeu', "
            + "meetingDay)}»: неизвестный срок «minutesDeu»; известные сроки: agendaToChair, agendaDistribution, "
            + "minutesDue, minutesCopiesDue, publication, materialsDue",
        "wg-meeting.bpmn, Event_MinutesDeadlineMissed «Срок п. 18 истёк», выражение «${deadlines.due('minutesDeu', "
            + "meetingDay)}»: «meetingDay» — ни компонент приложения, ни переменная процесса, ни встроенное имя "
            + "Camunda, ни локальная переменная элемента",
        "wg-meeting.bpmn, Event_MinutesDeadlineMissed «Срок п. 18 истёк», выражение «${deadlines.due('minutesDeu', "
            + "meetingDay)}»: неизвестный срок «minutesDeu»; известные сроки: agendaToChair, agendaDistribution, "
            + "minutesDue, minutesCopiesDue, publication, materialsDue",
        "wg-meeting.bpmn, Event_CopiesReminder «Напоминание о сроке», выражение «${deadlines.remind("
            + "'minutesCopiesDue', signedOn)}»: у компонента «deadlines» нет метода «remind» (есть: due, dueText, "
            + "followUp, quorumForecast, reminder)");
  }

  @Test
  void handWrittenTimersAndFormsOutsideTheDeploymentAreRefused() throws IOException {
    String model = meeting().replace("${deadlines.due('agendaToChair', meetingDate)}", "P3D");
    Map<String, byte[]> resources = deployment("wg-meeting.bpmn", model);
    resources.remove("forms/sign-minutes.form");

    assertThat(check.problems(resources, id -> true)).containsExactly(
        "wg-meeting.bpmn, Event_AgendaDeadlineMissed «Срок п. 13 истёк»: срок таймера задан вручную («P3D»); сроки "
            + "считает производственный календарь — выберите шаблон «Срок по Положению» (например, "
            + "${deadlines.due('minutesDue', meetingDate)})",
        "wg-meeting.bpmn, Task_SignMinutes «Подписать протокол заседания»: форма «sign-minutes» (formRef) не входит в "
            + "развёртывание — добавьте файл sign-minutes.form (formRefBinding=\"deployment\")");
  }

  @Test
  void theLintRulesThatMatterAreChecked() {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
          <bpmn:process id="wg-meeting-cancel" isExecutable="true" camunda:historyTimeToLive="P30D">
            <bpmn:startEvent id="StartEvent_A" name="Начало" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_A" targetRef="Gateway_Split" />
            <bpmn:exclusiveGateway id="Gateway_Split" default="Flow_Default" />
            <bpmn:sequenceFlow id="Flow_Default" sourceRef="Gateway_Split" targetRef="Task_Unnamed" />
            <bpmn:sequenceFlow id="Flow_NoCondition" sourceRef="Gateway_Split" targetRef="Task_Service" />
            <bpmn:userTask id="Task_Unnamed" />
            <bpmn:serviceTask id="Task_Service" name="Шаг" />
            <bpmn:userTask id="Task_Lonely" name="Одинокий шаг" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Unnamed" targetRef="EndEvent_Missing" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    List<String> problems = check.problems(Map.of("x.bpmn", model.strip().getBytes(StandardCharsets.UTF_8)),
        id -> true);

    assertThat(problems).containsExactly(
        "x.bpmn, wg-meeting-cancel: нет конечного события (bpmnlint end-event-required)",
        "x.bpmn, Flow_NoCondition: поток из развилки без условия и не выбран потоком по умолчанию (bpmnlint "
            + "conditional-flows)",
        "x.bpmn, Task_Unnamed: нет названия — его читают в Tasklist и Cockpit (bpmnlint label-required)",
        "x.bpmn, Task_Service «Шаг»: из элемента не выходит ни один поток (bpmnlint no-disconnected)",
        "x.bpmn, Task_Service «Шаг»: служебный шаг без реализации (выберите шаблон шага в Camunda Modeler)",
        "x.bpmn, Task_Lonely «Одинокий шаг»: в элемент не ведёт ни один поток (bpmnlint no-disconnected)",
        "x.bpmn, Task_Lonely «Одинокий шаг»: из элемента не выходит ни один поток (bpmnlint no-disconnected)",
        "x.bpmn, Flow_2: поток ссылается на несуществующий элемент «EndEvent_Missing»");
  }

  @Test
  void theDiffNamesElementsAddedRemovedAndChanged() throws IOException {
    String before = meeting();
    String after = before
        .replace("name=\"Подписать протокол заседания\"", "name=\"Подписать протокол (п. 18)\"")
        .replace("${deadlines.due('agendaToChair', meetingDate)}", "${deadlines.due('agendaDistribution', "
            + "meetingDate)}")
        .replace("<bpmn:endEvent id=\"EndEvent_AgendaEscalated\" name=\"Нарушение зафиксировано\">",
            "<bpmn:endEvent id=\"EndEvent_AgendaEscalatedNew\" name=\"Нарушение зафиксировано\">")
        .replace("targetRef=\"EndEvent_AgendaEscalated\"", "targetRef=\"EndEvent_AgendaEscalatedNew\"");

    ModelDiff diff = ModelDiff.of(before.getBytes(StandardCharsets.UTF_8), after.getBytes(StandardCharsets.UTF_8));

    assertThat(diff.added()).containsExactly("EndEvent_AgendaEscalatedNew");
    assertThat(diff.removed()).containsExactly("EndEvent_AgendaEscalated");
    assertThat(diff.changed()).containsExactlyInAnyOrder("Task_SignMinutes", "Event_AgendaDeadlineMissed",
        "Flow_AgendaEscalated", "Task_PrepareAgenda"); // its due date uses the same deadline
    assertThat(ModelDiff.of(before.getBytes(StandardCharsets.UTF_8), before.getBytes(StandardCharsets.UTF_8))
        .empty()).isTrue();
  }
}
