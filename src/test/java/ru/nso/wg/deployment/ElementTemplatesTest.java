package ru.nso.wg.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.nso.wg.calendar.DeadlineKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camunda Modeler element templates ({@code .camunda/element-templates/*.json}) and the code agree: every template
 * names an existing bean of the right kind (a {@link JavaDelegate} for a service step, a {@link TaskListener} for a
 * task with a form, an {@link ExecutionListener} for a listener); every bean a model in {@code bpmn/} uses and every
 * step or listener the application offers has a template; the deadline dropdowns offer exactly the regulation's
 * deadlines ({@link DeadlineKind}); what an analyst reads is Russian.
 */
class ElementTemplatesTest {

  private static final Path TEMPLATES = Path.of(".camunda/element-templates");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("^\\$\\{([A-Za-z_$][\\w$]*)}$");
  private static final Pattern USED_BEAN = Pattern.compile("delegateExpression=\"\\$\\{([A-Za-z_$][\\w$]*)}\"");
  private static final Pattern CYRILLIC = Pattern.compile(".*[А-Яа-яЁё].*", Pattern.DOTALL);
  private static final Map<String, Class<?>> KIND_BY_ELEMENT = Map.of("bpmn:ServiceTask", JavaDelegate.class,
      "bpmn:UserTask", TaskListener.class, "bpmn:StartEvent", ExecutionListener.class);

  private static Map<String, Class<?>> beans;
  private static Map<String, JsonNode> templates;

  @BeforeAll
  static void read() throws IOException {
    beans = ScannedVocabulary.beans("ru.nso.wg");
    templates = new TreeMap<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode template : new ObjectMapper().readTree(file.toFile())) {
          assertThat(templates.put(template.path("id").asText(), template)).as("duplicate id in " + file).isNull();
        }
      }
    }
  }

  private static String bean(JsonNode template) {
    return template.path("id").asText().replaceFirst("^ru\\.nso\\.wg\\.", "");
  }

  @Test
  void everyTemplatePointsAtAnExistingBeanOfItsKind() {
    assertThat(templates).isNotEmpty();
    List<String> problems = new ArrayList<>();
    templates.forEach((id, template) -> {
      String bean = bean(template);
      Class<?> type = beans.get(bean);
      String element = template.path("appliesTo").path(0).asText();
      Class<?> kind = KIND_BY_ELEMENT.get(element);
      if (!id.startsWith("ru.nso.wg.") || type == null) {
        problems.add(id + ": no bean '" + bean + "'");
      } else if (kind == null || !kind.isAssignableFrom(type)) {
        problems.add(id + ": bean '" + bean + "' (" + type.getSimpleName() + ") is not a " + kind + " for " + element);
      }
      for (JsonNode property : template.path("properties")) {
        String binding = property.path("binding").path("name").asText(property.path("binding").path("type").asText());
        Matcher expression = BEAN_EXPRESSION.matcher(property.path("value").asText());
        if ((binding.equals("camunda:delegateExpression") || binding.equals("camunda:executionListener"))
            && !(expression.matches() && expression.group(1).equals(bean))) {
          problems.add(id + ": " + binding + " is '" + property.path("value").asText() + "', not ${" + bean + "}");
        }
        if (binding.equals("camunda:formRef")
            && !Files.exists(Path.of("forms", property.path("value").asText() + ".form"))) {
          problems.add(id + ": form '" + property.path("value").asText() + "' is not in forms/");
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyBeanTheModelsUseAndEveryStepTheApplicationOffersHasATemplate() throws IOException {
    Set<String> templated = new TreeSet<>();
    templates.values().forEach(t -> templated.add(bean(t)));
    Set<String> used = new TreeSet<>();
    try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        Matcher m = USED_BEAN.matcher(Files.readString(model));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    Set<String> offered = new TreeSet<>();
    beans.forEach((name, type) -> {
      if (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
          || ExecutionListener.class.isAssignableFrom(type)) {
        offered.add(name);
      }
    });

    assertThat(used).as("beans of bpmn/").isNotEmpty();
    assertThat(templated).as("beans used in bpmn/ without a template").containsAll(used);
    assertThat(templated).as("steps and listeners of the application without a template").containsAll(offered);
  }

  @Test
  void theDeadlineDropdownsOfferExactlyTheRegulationsDeadlines() {
    // the publication's service level has steps of its own (remindPublication, escalatePublication)
    List<String> kinds = Arrays.stream(DeadlineKind.values()).filter(DeadlineKind::regulatory).map(DeadlineKind::code)
        .toList();
    int dropdowns = 0;
    for (JsonNode template : templates.values()) {
      for (JsonNode property : template.path("properties")) {
        if (property.path("binding").path("name").asText().equals("deadlineKind")) {
          dropdowns++;
          assertThat(property.path("type").asText()).isEqualTo("Dropdown");
          assertThat(property.path("choices").findValuesAsText("value")).as(template.path("id").asText())
              .containsExactlyElementsOf(kinds);
          assertThat(kinds).contains(property.path("value").asText());
        }
      }
    }
    assertThat(dropdowns).as("templates with a deadline dropdown").isGreaterThanOrEqualTo(2);
  }

  @Test
  void everyTemplateIsForCamunda7AndReadsInRussian() {
    for (JsonNode template : templates.values()) {
      String id = template.path("id").asText();
      assertThat(template.path("$schema").asText()).as(id)
          .isEqualTo("https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json");
      assertThat(template.path("version").isInt()).as(id + " version").isTrue();
      assertThat(template.path("name").asText()).as(id + " name").matches(CYRILLIC);
      assertThat(template.path("description").asText()).as(id + " description").matches(CYRILLIC);
      for (JsonNode property : template.path("properties")) {
        if (!property.path("type").asText().equals("Hidden")) {
          assertThat(property.path("label").asText()).as(id + " label").matches(CYRILLIC);
        }
      }
    }
  }
}
