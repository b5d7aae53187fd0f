package ru.nso.wg.deployment;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a model's expressions are read: the BPMN and Camunda namespaces, the {@code ${…}}/{@code #{…}} expressions of
 * a text, their root identifiers, what the engine puts into their context and the locals of an element. The one
 * reading shared by the deploy-time check ({@link ModelCheck}) and the test of the shipped models
 * ({@code src/test/java/ru/nso/wg/architecture/ModelVariables.java}).
 */
public final class ModelExpressions {

  public static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  public static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** What the engine puts into every expression's context (VariableScopeElResolver), and its expression functions. */
  public static final Set<String> CAMUNDA_BUILT_INS = Set.of("execution", "task", "externalTask", "caseExecution",
      "authenticatedUserId");
  public static final Set<String> CAMUNDA_FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
  /** Variables of every multi-instance element. */
  public static final Set<String> MULTI_INSTANCE = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  public static final Set<String> JUEL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq",
      "ne", "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

  private ModelExpressions() {
  }

  /** A root identifier of an expression; {@code function} when it is called ({@code name(…)}). */
  public record Identifier(String name, boolean function) {
  }

  /** Multi-instance element variables and input parameters of the element and the scopes around it. */
  public static Set<String> locals(Element element) {
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
  public static List<String> expressions(String text) {
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

  /** The root identifiers of a JUEL expression: not a property after a dot, not a word of the language. */
  public static List<Identifier> identifiers(String expression) {
    return identifiers(expression, JUEL_WORDS);
  }

  /**
   * The root identifiers of an expression whose language has these words (JUEL's, or FEEL's for the forms): not a
   * property after a dot, not a word of the language.
   */
  public static List<Identifier> identifiers(String expression, Set<String> words) {
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
}
