package ru.nso.wg.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.deployment.ModelExpressions.Identifier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;

import static ru.nso.wg.deployment.ModelExpressions.BPMN;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA_BUILT_INS;
import static ru.nso.wg.deployment.ModelExpressions.CAMUNDA_FUNCTIONS;
import static ru.nso.wg.deployment.ModelExpressions.STRING_LITERAL;
import static ru.nso.wg.deployment.ModelExpressions.expressions;
import static ru.nso.wg.deployment.ModelExpressions.identifiers;
import static ru.nso.wg.deployment.ModelExpressions.locals;

/**
 * The checks every deployment passes before the engine accepts it ({@link DeploymentCheckPlugin}), with the problems
 * in Russian, each naming the file and the element:
 * <ul>
 *   <li>the process is executable and has {@code historyTimeToLive};</li>
 *   <li>the rules of bpmnlint's recommended set that matter for running meetings: a start and an end event, no
 *   element without an incoming or outgoing flow, a name on every task and event a person sees, a condition on every
 *   flow leaving a splitting gateway (but its default), every service task implemented;</li>
 *   <li>every {@code camunda:formRef} resolvable: with {@code formRefBinding="deployment"} a form of the same
 *   deployment, otherwise of the deployment or one deployed before;</li>
 *   <li>every identifier of a {@code ${…}}/{@code #{…}} expression is a bean, a variable of the process-backing class
 *   of the process ({@link ModelVocabulary}), a Camunda built-in or a local of the element; a method called on a bean
 *   exists; a deadline of {@code deadlines} is one of {@link DeadlineKind}; every variable the model writes is
 *   declared;</li>
 *   <li>every timer is an expression (the calendar's beans or a date the code computed), never a hand-written date,
 *   duration or cycle.</li>
 * </ul>
 */
public final class ModelCheck {

  private static final Pattern BEAN_CALL =
      Pattern.compile("(?<![.\\w])([A-Za-z_$][\\w$]*)\\s*\\.\\s*([A-Za-z_$][\\w$]*)\\s*\\(");
  private static final Pattern DEADLINE_KIND = Pattern.compile("(?<![.\\w])deadlines\\s*\\.\\s*\\w+\\s*\\(\\s*"
      + "'([^']*)'");
  /** Flow nodes that a person sees in Tasklist or Cockpit and must read in Russian. */
  private static final Set<String> NAMED = Set.of("userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "task", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent");
  private static final Set<String> FLOW_NODES;
  private static final Set<String> TIMER_PARTS = Set.of("timeDate", "timeDuration", "timeCycle");

  static {
    Set<String> nodes = new TreeSet<>(NAMED);
    nodes.addAll(Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
        "complexGateway", "transaction"));
    FLOW_NODES = Set.copyOf(nodes);
  }

  private final ModelVocabulary vocabulary;
  private final ObjectMapper json = new ObjectMapper();

  public ModelCheck(ModelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Every problem of a deployment's resources (name → bytes), in Russian; empty when it may be deployed.
   *
   * @param deployedForm whether a form of that id was deployed before (for {@code formRef} bound to the latest
   *                     version or a version)
   */
  public List<String> problems(Map<String, byte[]> resources, Predicate<String> deployedForm) {
    List<String> problems = new ArrayList<>();
    Map<String, String> formsById = new TreeMap<>();
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        try {
          String id = json.readTree(bytes).path("id").asText("");
          if (id.isBlank()) {
            problems.add(file(name) + ": у формы нет идентификатора (id)");
          } else {
            formsById.put(id, name);
          }
        } catch (IOException e) {
          problems.add(file(name) + ": форма не читается как JSON");
        }
      }
    });
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        checkModel(file(name), bytes, formsById, deployedForm, problems);
      }
    });
    return problems;
  }

  private static String file(String resourceName) {
    return resourceName.substring(resourceName.lastIndexOf('/') + 1);
  }

  private void checkModel(String file, byte[] bytes, Map<String, String> formsById, Predicate<String> deployedForm,
                          List<String> problems) {
    Document doc;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      problems.add(file + ": файл не читается как BPMN (XML с ошибкой)");
      return;
    }
    NodeList processes = doc.getElementsByTagNameNS(BPMN, "process");
    boolean executable = false;
    for (int i = 0; i < processes.getLength(); i++) {
      Element process = (Element) processes.item(i);
      if (!"true".equals(process.getAttribute("isExecutable"))) {
        continue;
      }
      executable = true;
      String key = process.getAttribute("id");
      String where = file + ", процесс «" + key + "»";
      if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
        problems.add(where + ": не задан срок хранения истории (historyTimeToLive, например P365D)");
      }
      lint(file, process, problems);
      Optional<Set<String>> variables = vocabulary.variables(key);
      if (variables.isEmpty()) {
        problems.add(where + ": в коде нет класса процесса с этим ключом (…Process с KEY = \"" + key
            + "\"), его переменные неизвестны");
      }
      walk(file, process, variables.orElse(Set.of()), variables.isPresent(), formsById, deployedForm, problems);
    }
    if (!executable) {
      problems.add(file + ": нет исполняемого процесса (isExecutable=\"true\")");
    }
  }

  // ------------------------------------------------------------------------------------------------------- lint

  private static void lint(String file, Element scope, List<String> problems) {
    List<Element> children = bpmnChildren(scope);
    boolean eventSubProcess = "true".equals(scope.getAttribute("triggeredByEvent"));
    if (children.stream().noneMatch(e -> e.getLocalName().equals("startEvent"))) {
      problems.add(file + ", " + label(scope) + ": нет начального события (bpmnlint start-event-required)");
    }
    if (children.stream().noneMatch(e -> e.getLocalName().equals("endEvent"))) {
      problems.add(file + ", " + label(scope) + ": нет конечного события (bpmnlint end-event-required)");
    }
    Map<String, Element> byId = new TreeMap<>();
    children.forEach(e -> byId.put(e.getAttribute("id"), e));
    for (Element node : children) {
      String type = node.getLocalName();
      if (!FLOW_NODES.contains(type)) {
        continue;
      }
      String where = file + ", " + label(node);
      boolean handler = "true".equals(node.getAttribute("isForCompensation"))
          || "true".equals(node.getAttribute("triggeredByEvent"));
      if (NAMED.contains(type) && node.getAttribute("name").isBlank() && !handler
          && !(type.equals("startEvent") && !eventSubProcess && !scope.getLocalName().equals("process"))) {
        problems.add(where + ": нет названия — его читают в Tasklist и Cockpit (bpmnlint label-required)");
      }
      boolean noIncoming = incoming(node, children).isEmpty();
      boolean noOutgoing = outgoing(node, children).isEmpty();
      if (!handler && !type.equals("startEvent") && !type.equals("boundaryEvent") && noIncoming) {
        problems.add(where + ": в элемент не ведёт ни один поток (bpmnlint no-disconnected)");
      }
      if (!handler && !type.equals("endEvent") && noOutgoing
          && !(type.equals("intermediateThrowEvent") && hasChild(node, "compensateEventDefinition"))) {
        problems.add(where + ": из элемента не выходит ни один поток (bpmnlint no-disconnected)");
      }
      if ((type.equals("exclusiveGateway") || type.equals("inclusiveGateway"))
          && outgoing(node, children).size() > 1) {
        String defaultFlow = node.getAttribute("default");
        for (Element flow : outgoing(node, children)) {
          if (!flow.getAttribute("id").equals(defaultFlow) && !hasChild(flow, "conditionExpression")) {
            problems.add(file + ", " + label(flow) + ": поток из развилки без условия и не выбран потоком по "
                + "умолчанию (bpmnlint conditional-flows)");
          }
        }
      }
      if (type.equals("serviceTask") || type.equals("sendTask") || type.equals("businessRuleTask")) {
        boolean implemented = Arrays.stream(new String[] {"delegateExpression", "class", "expression", "type",
            "decisionRef"}).anyMatch(a -> !node.getAttributeNS(CAMUNDA, a).isBlank())
            || node.getElementsByTagNameNS(CAMUNDA, "connector").getLength() > 0;
        if (!implemented) {
          problems.add(where + ": служебный шаг без реализации (выберите шаблон шага в Camunda Modeler)");
        }
      }
      if (type.equals("subProcess") || type.equals("transaction")) {
        lint(file, node, problems);
      }
    }
    for (Element flow : children) {
      if (flow.getLocalName().equals("sequenceFlow")) {
        for (String end : List.of("sourceRef", "targetRef")) {
          if (!byId.containsKey(flow.getAttribute(end))) {
            problems.add(file + ", " + label(flow) + ": поток ссылается на несуществующий элемент «"
                + flow.getAttribute(end) + "»");
          }
        }
      }
    }
  }

  private static List<Element> bpmnChildren(Element scope) {
    List<Element> list = new ArrayList<>();
    for (Node c = scope.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e && BPMN.equals(e.getNamespaceURI())) {
        list.add(e);
      }
    }
    return list;
  }

  private static List<Element> incoming(Element node, List<Element> siblings) {
    return flows(node, siblings, "targetRef");
  }

  private static List<Element> outgoing(Element node, List<Element> siblings) {
    return flows(node, siblings, "sourceRef");
  }

  private static List<Element> flows(Element node, List<Element> siblings, String end) {
    String id = node.getAttribute("id");
    return siblings.stream()
        .filter(e -> e.getLocalName().equals("sequenceFlow") && e.getAttribute(end).equals(id))
        .toList();
  }

  private static boolean hasChild(Element element, String localName) {
    return element.getElementsByTagNameNS(BPMN, localName).getLength() > 0;
  }

  /** «Task_X "Подготовить повестку"», or the nearest ID above an element without one. */
  private static String label(Element element) {
    for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
      if (!e.getAttribute("id").isEmpty() && !e.getLocalName().endsWith("EventDefinition")) {
        String name = e.getAttribute("name");
        String id = e.getAttribute("id");
        return name.isBlank() ? id : id + " «" + name + "»";
      }
    }
    return element.getTagName();
  }

  // --------------------------------------------------------------------------------- expressions, forms, timers

  private void walk(String file, Element element, Set<String> variables, boolean backed,
                    Map<String, String> formsById, Predicate<String> deployedForm, List<String> problems) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attr = (Attr) attributes.item(i);
      checkExpressions(file, element, attr.getValue(), variables, backed, problems);
      if (CAMUNDA.equals(attr.getNamespaceURI())) {
        switch (attr.getLocalName()) {
          case "resultVariable" -> checkWritten(file, element, attr.getValue(), variables, backed, problems);
          case "formRef" -> checkFormRef(file, element, attr.getValue(), formsById, deployedForm, problems);
          default -> { }
        }
      }
    }
    if (CAMUNDA.equals(element.getNamespaceURI()) && element.getLocalName().equals("outputParameter")) {
      checkWritten(file, element, element.getAttribute("name"), variables, backed, problems);
    }
    if (BPMN.equals(element.getNamespaceURI()) && TIMER_PARTS.contains(element.getLocalName())) {
      String text = element.getTextContent().strip();
      if (expressions(text).isEmpty()) {
        problems.add(file + ", " + label(element) + ": срок таймера задан вручную («" + text + "»); сроки считает "
            + "производственный календарь — выберите шаблон «Срок по Положению» (например, "
            + "${deadlines.due('minutesDue', meetingDate)})");
      }
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(file, e, variables, backed, formsById, deployedForm, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        checkExpressions(file, element, child.getNodeValue(), variables, backed, problems);
      }
    }
  }

  private static void checkFormRef(String file, Element element, String formRef, Map<String, String> formsById,
                                   Predicate<String> deployedForm, List<String> problems) {
    if (formRef.isBlank() || !expressions(formRef).isEmpty()) {
      return;
    }
    String binding = element.getAttributeNS(CAMUNDA, "formRefBinding");
    boolean here = formsById.containsKey(formRef);
    if ("deployment".equals(binding) && !here) {
      problems.add(file + ", " + label(element) + ": форма «" + formRef + "» (formRef) не входит в развёртывание — "
          + "добавьте файл " + formRef + ".form (formRefBinding=\"deployment\")");
    } else if (!here && !deployedForm.test(formRef)) {
      problems.add(file + ", " + label(element) + ": форма «" + formRef + "» (formRef) не найдена ни в "
          + "развёртывании, ни среди развёрнутых ранее");
    }
  }

  private static void checkWritten(String file, Element element, String variable, Set<String> variables,
                                   boolean backed, List<String> problems) {
    if (backed && !variable.isBlank() && !variables.contains(variable)) {
      problems.add(file + ", " + label(element) + ": записывает переменную «" + variable + "», которой нет в классе "
          + "процесса");
    }
  }

  private void checkExpressions(String file, Element element, String text, Set<String> variables, boolean backed,
                                List<String> problems) {
    for (String expression : expressions(text)) {
      String where = file + ", " + label(element) + ", выражение «${" + expression + "}»: ";
      Set<String> locals = locals(element);
      for (Identifier id : identifiers(expression)) {
        if (id.function()) {
          if (!CAMUNDA_FUNCTIONS.contains(id.name())) {
            problems.add(where + "«" + id.name() + "» — не функция выражений Camunda");
          }
          continue;
        }
        boolean known = vocabulary.bean(id.name()).isPresent() || CAMUNDA_BUILT_INS.contains(id.name())
            || locals.contains(id.name()) || (backed && variables.contains(id.name())) || !backed;
        if (!known) {
          problems.add(where + "«" + id.name() + "» — ни компонент приложения, ни переменная процесса, ни "
              + "встроенное имя Camunda, ни локальная переменная элемента");
        }
      }
      String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
      Matcher call = BEAN_CALL.matcher(code);
      while (call.find()) {
        Optional<Class<?>> type = vocabulary.bean(call.group(1));
        String method = call.group(2);
        if (type.isPresent() && type.get() != Object.class && Arrays.stream(type.get().getMethods())
            .noneMatch(m -> m.getName().equals(method) && Modifier.isPublic(m.getModifiers()))) {
          problems.add(where + "у компонента «" + call.group(1) + "» нет метода «" + method + "» (есть: "
              + publicMethods(type.get()) + ")");
        }
      }
      Matcher kind = DEADLINE_KIND.matcher(expression);
      while (kind.find()) {
        if (DeadlineKind.fromCode(kind.group(1)).isEmpty()) {
          problems.add(where + "неизвестный срок «" + kind.group(1) + "»; известные сроки: "
              + Arrays.stream(DeadlineKind.values()).map(DeadlineKind::code).collect(Collectors.joining(", ")));
        }
      }
    }
  }

  private static String publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName).distinct().sorted().collect(Collectors.joining(", "));
  }
}
