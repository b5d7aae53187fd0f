package ru.nso.wg.common;

import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.spring6.expression.SPELVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.IStandardVariableExpressionEvaluator;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thymeleaf renders a variable it does not know as nothing; a template with a mistyped name would send a letter with
 * a hole in it. Here every {@code ${…}} is first checked: the variables it names at its root (not the properties of
 * a value, not {@code #strings}-like utility objects) must be variables of the template — given by the caller or
 * declared in the template ({@code th:each}, {@code th:with}). Otherwise the template fails with
 * {@link UnknownVariable}, naming the template, the variable and those it may use.
 */
public final class StrictVariables implements IStandardVariableExpressionEvaluator {

  private static final SpelExpressionParser PARSER = new SpelExpressionParser();

  private final Map<String, Set<String>> rootsByExpression = new ConcurrentHashMap<>();

  /** A template names a variable it was not given. */
  public static final class UnknownVariable extends TemplateProcessingException {

    private final String template;
    private final String variable;
    private final Set<String> known;

    UnknownVariable(String template, String variable, Set<String> known) {
      super(reason(template, variable, known));
      this.template = template;
      this.variable = variable;
      this.known = known;
    }

    public String template() {
      return template;
    }

    public String variable() {
      return variable;
    }

    public Set<String> known() {
      return known;
    }

    /** The Russian message without Thymeleaf's English note of the position. */
    public String reason() {
      return reason(template, variable, known);
    }

    private static String reason(String template, String variable, Set<String> known) {
      return "Шаблон " + template + " содержит неизвестную подстановку ${" + variable + "}; допустимы: "
          + String.join(", ", known);
    }
  }

  /** Spring's standard dialect with this check before every variable expression. */
  static final class Dialect extends SpringStandardDialect {

    private final StrictVariables evaluator = new StrictVariables();

    @Override
    public IStandardVariableExpressionEvaluator getVariableExpressionEvaluator() {
      return evaluator;
    }
  }

  @Override
  public Object evaluate(IExpressionContext context, IStandardVariableExpression expression,
                         StandardExpressionExecutionContext expContext) {
    boolean onSelection = expression.getUseSelectionAsRoot() && context instanceof ITemplateContext template
        && template.hasSelectionTarget();
    if (!onSelection) {
      for (String root : rootsByExpression.computeIfAbsent(expression.getExpression(), StrictVariables::roots)) {
        if (!context.containsVariable(root)) {
          Set<String> known = new TreeSet<>();
          for (String name : context.getVariableNames()) {
            if (!name.contains("::")) {
              known.add(name);
            }
          }
          String template = context instanceof ITemplateContext t ? fileName(t.getTemplateData().getTemplate()) : "?";
          throw new UnknownVariable(template, root, known);
        }
      }
    }
    return SPELVariableExpressionEvaluator.INSTANCE.evaluate(context, expression, expContext);
  }

  /** A template's name as its file is named: {@code mail/agenda} is {@code mail/agenda.html}. */
  static String fileName(String template) {
    return template.matches(".*\\.[A-Za-z]+") ? template : template + ".html";
  }

  /** The variables a Spring EL expression reads from its root object, the template's variables. */
  static Set<String> roots(String expression) {
    Set<String> roots = new LinkedHashSet<>();
    try {
      roots(((SpelExpression) PARSER.parseRaw(expression)).getAST(), true, roots);
    } catch (RuntimeException e) {
      // an expression Spring EL cannot parse fails in the evaluation itself, with Thymeleaf's own message
    }
    return roots;
  }

  private static void roots(SpelNode node, boolean atRoot, Set<String> roots) {
    if (node instanceof PropertyOrFieldReference reference) {
      if (atRoot) {
        roots.add(reference.getName());
      }
      return;
    }
    if (node instanceof Selection || node instanceof Projection || node instanceof Indexer) {
      return; // evaluated against the elements of a collection, or a map's key: not the template's variables
    }
    if (node instanceof MethodReference || node instanceof FunctionReference) {
      for (int i = 0; i < node.getChildCount(); i++) {
        roots(node.getChild(i), true, roots); // the arguments of a call are evaluated against the root
      }
      return;
    }
    if (node instanceof CompoundExpression) {
      roots(node.getChild(0), atRoot, roots);
      for (int i = 1; i < node.getChildCount(); i++) {
        SpelNode step = node.getChild(i);
        if (step instanceof MethodReference) {
          roots(step, false, roots);
        }
      }
      return;
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      roots(node.getChild(i), atRoot, roots);
    }
  }
}
