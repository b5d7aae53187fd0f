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
import ru.nso.wg.process.Var;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
 * variables as {@code static} {@link Var} fields, in itself or its nested classes ({@code Vars}).
 */
final class ModelVariables {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** What the engine puts into every expression's context (VariableScopeElResolver) and its JUEL functions. */
  static final Set<String> CAMUNDA_BUILT_INS = Set.of("execution", "task", "externalTask", "caseExecution",
      "authenticatedUserId");
  static final Set<String> CAMUNDA_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Variables of every multi-instance element. */
  static final Set<String> MULTI_INSTANCE = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  static final Set<String> JUEL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");
  /** FEEL's keywords; {@code item}, the element in a filter; {@code list} of the function {@code list contains}. */
  static final Set<String> FEEL_WORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then", "else",
      "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function", "is", "item",
      "list");
  /** What form-js puts into a form expression's context besides the variables. */
  static final Set<String> FORM_CONTEXT = Set.of("this", "parent", "_this_", "_parent_", "_path_", "_i");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
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
        backings.add(new Backing(type, keys(type), variables(type, new TreeSet<>())));
      }
    }
    return backings;
  }

  private static Set<String> keys(Class<?> type) {
    Set<String> keys = new TreeSet<>();
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
          && (f.getName().equals("KEY") || f.getName().endsWith("_KEY"))) {
        keys.add((String) staticValue(f));
      }
    }
    return keys;
  }

  private static Set<String> variables(Class<?> type, Set<String> into) {
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && Var.class.isAssignableFrom(f.getType())) {
        into.add(((Var<?>) staticValue(f)).name());
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      variables(nested, into);
    }
    return into;
  }

  private static Object staticValue(Field f) {
    try {
      f.setAccessible(true);
      return f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
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

  /** Multi-instance element variables and input parameters of the element and the scopes around it. */
  private static Set<String> locals(Element element) {
    Set<String> locals = new TreeSet<>();
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (!(c instanceof Element child)) {
          continue;
        }
        if (BPMN.equals(child.getNamespaceURI()) && child.getLocalName().equals("multiInstanceLoopCharacteristics")) {
          locals.addAll(MULTI_INSTANCE);
          String elementVariable = child.getAttributeNS(CAMUNDA, "elementVariable");
          if (!elementVariable.isEmpty()) {
            locals.add(elementVariable);
          }
        }
        if (BPMN.equals(child.getNamespaceURI()) && child.getLocalName().equals("extensionElements")) {
          NodeList inputs = child.getElementsByTagNameNS(CAMUNDA, "inputParameter");
          for (int i = 0; i < inputs.getLength(); i++) {
            locals.add(((Element) inputs.item(i)).getAttribute("name"));
          }
        }
      }
    }
    return locals;
  }

  /** The bodies of the {@code ${…}} and {@code #{…}} expressions of a text, braces inside strings skipped. */
  static List<String> expressions(String text) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int depth = 0;
        char quote = 0;
        int j = i + 1;
        for (; j < text.length(); j++) {
          char d = text.charAt(j);
          if (quote != 0) {
            if (d == '\\') {
              j++;
            } else if (d == quote) {
              quote = 0;
            }
          } else if (d == '\'' || d == '"') {
            quote = d;
          } else if (d == '{') {
            depth++;
          } else if (d == '}' && --depth == 0) {
            break;
          }
        }
        found.add(text.substring(i + 2, Math.min(j, text.length())));
        i = j + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  record Identifier(String name, boolean function) {
  }

  /** The root identifiers of a JUEL expression: not a property after a dot, not a word of the language. */
  static List<Identifier> juelIdentifiers(String expression) {
    return identifiers(expression, JUEL_WORDS);
  }

  /** The root identifiers of a FEEL expression (form conditions, {@code =…} properties, templates). */
  static List<Identifier> feelIdentifiers(String expression) {
    return identifiers(expression, FEEL_WORDS);
  }

  private static List<Identifier> identifiers(String expression, Set<String> words) {
    String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
    List<Identifier> ids = new ArrayList<>();
    Matcher m = IDENTIFIER.matcher(code);
    while (m.find()) {
      int before = m.start() - 1;
      while (before >= 0 && Character.isWhitespace(code.charAt(before))) {
        before--;
      }
      if (before >= 0 && (code.charAt(before) == '.' || Character.isDigit(code.charAt(before)))
          || words.contains(m.group())) {
        continue;
      }
      int after = m.end();
      while (after < code.length() && Character.isWhitespace(code.charAt(after))) {
        after++;
      }
      ids.add(new Identifier(m.group(), after < code.length() && code.charAt(after) == '('));
    }
    return ids;
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
