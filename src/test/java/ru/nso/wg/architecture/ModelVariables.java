package ru.nso.wg.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import ru.nso.wg.deployment.ModelExpressions.Identifier;
import ru.nso.wg.deployment.ModelVocabulary;
import ru.nso.wg.process.Var;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import static ru.nso.wg.deployment.ModelExpressions.BPMN;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA_BUILT_INS;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA_FUNCTIONS;
import static ru.nso.wg.deployment.ModelExpressions.JUEL_WORDS;
import static ru.nso.wg.deployment.ModelExpressions.expressions;
import static ru.nso.wg.deployment.ModelExpressions.identifiers;
import static ru.nso.wg.deployment.ModelExpressions.locals;

/**
 * Checks that the models ({@code bpmn/*.bpmn}) and their forms ({@code forms/*.form}) name only what the code
 * declares: every identifier of a {@code ${…}}/{@code #{…}} expression and every variable a model writes
 * ({@code camunda:resultVariable}, output parameters, {@code camunda:initiator}) is a {@link Var} of the
 * process-backing class of its process, a Spring bean, a Camunda built-in or a local of the element (multi-instance
 * element variable, input parameter); every form field key, {@code valuesKey}, dynamic-list {@code path} and
 * identifier of a FEEL expression ({@code =…}) or template ({@code {{…}}}) is a {@link Var} of the process(es) whose
 * model references the form ({@code camunda:formRef}).
 *
 * <p>A process-backing class is a top-level class {@code *Process} or {@code *Processes} of the backing package; it
 * backs the processes whose keys it declares as {@code static final String KEY} or {@code *_KEY}, and declares the
 * variables as {@code static} {@link Var} fields, in itself or its nested classes ({@code Vars}). How expressions and
 * backing classes are read is the deploy-time check's ({@link ModelVocabulary},
 * {@code src/main/java/ru/nso/wg/deployment/ModelExpressions.java}); what is here is the test's own: the bean names
 * without a context, the messages, and the forms' FEEL.
 */
final class ModelVariables {

  /** FEEL's keywords; {@code item}, the element in a filter; {@code list} of the function {@code list contains}. */
  static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then", "else",
      "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function", "is", "item",
      "list");
  /** What form-js puts into a form expression's context besides the variables. */
  static final Set<String> FORM_CONTEXT = Set.of("this", "parent", "_this_", "_parent_", "_path_", "_i");

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  /** A process-backing class and what it declares. */
  record Backing(Class<?> type, Set<String> keys, Set<String> variables) {
  }

  private final Map<String, Backing> backingByKey;
  private final Set<String> beans;
  private final List<String> problems = new ArrayList<>();

  ModelVariables(List<Backing> backings, Set<String> beans) {
    this.backingByKey = new TreeMap<>();
    for (Backing b : backings) {
      b.keys().forEach(k -> backingByKey.put(k, b));
    }
    this.beans = beans;
  }

  // ---------------------------------------------------------------------------------------- what the code declares

  /** The process-backing classes of a package (top-level {@code *Process}/{@code *Processes}), read reflectively. */
  static List<Backing> backings(String backingPackage, boolean mainClassesOnly) {
    ClassFileImporter importer = new ClassFileImporter();
    if (mainClassesOnly) {
      importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
    }
    List<Backing> backings = new ArrayList<>();
    for (JavaClass c : importer.importPackages(backingPackage)) {
      if (c.getPackageName().equals(backingPackage) && c.isTopLevelClass()
          && c.getSimpleName().matches(".*Process(es)?")) {
        Class<?> type = c.reflect();
        backings.add(new Backing(type, ModelVocabulary.keys(type), ModelVocabulary.declaredVariables(type)));
      }
    }
    return backings;
  }

  /**
   * The names of the Spring beans the application's component scan finds under a package, computed by Spring's own
   * scanner and name generator without starting a context: {@code @Component} (and {@code @Service},
   * {@code @Configuration}, {@code @RestController} …) classes and their {@code @Bean} methods. Classes compiled from
   * the tests are left out.
   */
  static Set<String> beanNames(String basePackage) {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> names = new TreeSet<>();
    for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
      if (isTestClass(candidate)) {
        continue;
      }
      names.add(AnnotationBeanNameGenerator.INSTANCE.generateBeanName(candidate, registry));
      Class<?> type;
      try {
        type = Class.forName(((AnnotatedBeanDefinition) candidate).getMetadata().getClassName());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      for (Method m : type.getDeclaredMethods()) {
        Bean bean = AnnotatedElementUtils.findMergedAnnotation(m, Bean.class);
        if (bean != null) {
          names.addAll(bean.name().length > 0 ? List.of(bean.name()) : List.of(m.getName()));
        }
      }
    }
    return names;
  }

  private static boolean isTestClass(BeanDefinition candidate) {
    String source = candidate.getResourceDescription();
    return source != null && source.replace('\\', '/').contains("/test-classes/");
  }

  // ------------------------------------------------------------------------------------------------------ the check

  /** Every problem in the models of {@code bpmnDir} and the forms of {@code formsDir}; paths are shown relative. */
  List<String> check(Path bpmnDir, Path formsDir) throws Exception {
    problems.clear();
    Map<String, Set<Backing>> formUsers = new TreeMap<>();
    for (Path bpmn : list(bpmnDir, ".bpmn")) {
      checkModel(bpmn, formUsers);
    }
    for (Path form : list(formsDir, ".form")) {
      checkForm(form, formUsers);
    }
    return List.copyOf(problems);
  }

  private static List<Path> list(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private void checkModel(Path file, Map<String, Set<Backing>> formUsers) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc;
    try (InputStream in = Files.newInputStream(file)) {
      doc = factory.newDocumentBuilder().parse(in);
    }
    String name = "bpmn/" + file.getFileName();
    NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      String key = process.getAttribute("id");
      Backing backing = backingByKey.get(key);
      if (backing == null) {
        problems.add(name + ": process '" + key + "' has no process-backing class (a *Process class declaring it as"
            + " KEY or *_KEY)");
        continue;
      }
      walkModel(name, process, backing, formUsers);
    }
  }

  private void walkModel(String file, Element element, Backing backing, Map<String, Set<Backing>> formUsers) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      String where = where(element) + " " + attr.getName();
      checkExpressions(file, where, attr.getValue(), element, backing);
      if (CAMUNDA.equals(attr.getNamespaceURI())) {
        switch (attr.getLocalName()) {
          case "resultVariable", "initiator" -> checkWritten(file, where, attr.getValue(), backing);
          case "formRef" -> formUsers.computeIfAbsent(attr.getValue(), k -> new LinkedHashSet<>()).add(backing);
          default -> { }
        }
      }
    }
    if (CAMUNDA.equals(element.getNamespaceURI()) && element.getLocalName().equals("outputParameter")) {
      checkWritten(file, where(element), element.getAttribute("name"), backing);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walkModel(file, e, backing, formUsers);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        checkExpressions(file, where(element), child.getNodeValue(), element, backing);
      }
    }
  }

  /** The element's ID, or the nearest ID above it and the element's name: "Task_X camunda:taskListener". */
  private static String where(Element element) {
    String path = element.getTagName();
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isEmpty()) {
        return e == element ? e.getAttribute("id") : e.getAttribute("id") + " " + path;
      }
    }
    return path;
  }

  private void checkWritten(String file, String where, String variable, Backing backing) {
    if (!variable.isBlank() && !backing.variables().contains(variable)) {
      problems.add(file + ": " + where + " writes '" + variable + "', which is not a variable of "
          + backing.type().getSimpleName());
    }
  }

  private void checkExpressions(String file, String where, String text, Element element, Backing backing) {
    for (String expression : expressions(text)) {
      Set<String> locals = locals(element);
      for (Identifier id : juelIdentifiers(expression)) {
        boolean known = id.function()
            ? CAMUNDA_FUNCTIONS.contains(id.name())
            : backing.variables().contains(id.name()) || beans.contains(id.name())
                || CAMUNDA_BUILT_INS.contains(id.name()) || locals.contains(id.name());
        if (!known) {
          problems.add(file + ": " + where + " \"" + expression + "\": '" + id.name() + "' is "
              + (id.function() ? "not a Camunda expression function" : "neither a variable of "
                  + backing.type().getSimpleName() + ", a bean, a Camunda built-in nor a local of the element"));
        }
      }
    }
  }

  /** The root identifiers of a JUEL expression: not a property after a dot, not a word of the language. */
  static List<Identifier> juelIdentifiers(String expression) {
    return identifiers(expression, JUEL_WORDS);
  }

  /** The root identifiers of a FEEL expression (form conditions, {@code =…} properties, templates). */
  static List<Identifier> feelIdentifiers(String expression) {
    return identifiers(expression, FEEL_WORDS);
  }

  // ----------------------------------------------------------------------------------------------------- the forms

  private void checkForm(Path file, Map<String, Set<Backing>> formUsers) throws IOException {
    String name = "forms/" + file.getFileName();
    JsonNode form = new ObjectMapper().readTree(file.toFile());
    String id = form.path("id").asText();
    Set<Backing> users = formUsers.get(id);
    if (users == null) {
      problems.add(name + ": form '" + id + "' is referenced by no model (camunda:formRef), so its keys belong to no"
          + " process");
      return;
    }
    Set<String> variables = new TreeSet<>();
    users.forEach(b -> variables.addAll(b.variables()));
    String owners = String.join(" or ", users.stream().map(b -> b.type().getSimpleName()).sorted().toList());
    for (JsonNode component : form.path("components")) {
      checkComponent(name, component, variables, owners);
    }
  }

  /** A component at the top level of the form's data (not inside a dynamic list or a group with a path). */
  private void checkComponent(String file, JsonNode component, Set<String> variables, String owners) {
    String label = component.path("type").asText() + " " + component.path("id").asText();
    for (String property : List.of("key", "valuesKey", "path")) {
      String value = component.path(property).asText("");
      if (!value.isEmpty() && !variables.contains(value.split("\\.")[0])) {
        problems.add(file + ": " + label + " " + property + " '" + value + "' is not a variable of " + owners);
      }
    }
    checkFormExpressions(file, label, component, variables, owners);
    // inside a path the keys are the fields of one item of the list (or of the object), not process variables
    if (component.path("path").asText("").isEmpty()) {
      for (JsonNode child : component.path("components")) {
        checkComponent(file, child, variables, owners);
      }
    }
  }

  private void checkFormExpressions(String file, String label, JsonNode node, Set<String> variables, String owners) {
    node.fields().forEachRemaining(entry -> {
      JsonNode value = entry.getValue();
      if (entry.getKey().equals("components")) {
        return;
      }
      if (value.isObject()) {
        checkFormExpressions(file, label, value, variables, owners);
      } else if (value.isTextual()) {
        String text = value.asText();
        List<String> feel = new ArrayList<>();
        if (text.startsWith("=")) {
          feel.add(text.substring(1));
        } else {
          feel.addAll(templates(text));
        }
        for (String expression : feel) {
          for (Identifier id : feelIdentifiers(expression)) {
            if (!id.function() && !variables.contains(id.name()) && !FORM_CONTEXT.contains(id.name())) {
              problems.add(file + ": " + label + " " + entry.getKey() + " \"" + expression.strip() + "\": '"
                  + id.name() + "' is not a variable of " + owners);
            }
          }
        }
      }
    });
  }

  /**
   * The expressions of a form-js template ({@code {{x}}}, {@code {{#if x}}}, {@code {{#loop x}}}); inside a loop the
   * names are the item's, so only the loop's own expression is taken.
   */
  static List<String> templates(String text) {
    List<String> found = new ArrayList<>();
    int loops = 0;
    Matcher m = TEMPLATE.matcher(text);
    while (m.find()) {
      String body = m.group(1).strip();
      if (body.startsWith("/")) {
        loops -= body.startsWith("/loop") ? 1 : 0;
      } else if (body.startsWith("#")) {
        String[] parts = body.substring(1).split("\\s+", 2);
        if (loops == 0 && parts.length > 1) {
          found.add(parts[1]);
        }
        loops += parts[0].equals("loop") ? 1 : 0;
      } else if (loops == 0 && !body.equals("else")) {
        found.add(body);
      }
    }
    return found;
  }
}
