package ru.nso.wg.common;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.processor.AbstractStandardExpressionAttributeTagProcessor;
import org.thymeleaf.standard.processor.StandardTextTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

import java.util.Set;

/**
 * {@code wg:lines="${value}"}: the value as the element's text, escaped like {@code th:text}, each line break a
 * {@code <br>} — for what people typed in several lines (a reason, an opinion, reference materials), which HTML would
 * otherwise run together.
 */
final class TextLines extends AbstractStandardExpressionAttributeTagProcessor {

  static final String PREFIX = "wg";

  /** The application's own attributes: {@code wg:lines}. */
  static final class Dialect extends AbstractProcessorDialect {

    Dialect() {
      super("Рабочая группа", PREFIX, StandardTextTagProcessor.PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
      return Set.of(new TextLines(dialectPrefix));
    }
  }

  private TextLines(String dialectPrefix) {
    super(TemplateMode.HTML, dialectPrefix, "lines", StandardTextTagProcessor.PRECEDENCE, true);
  }

  @Override
  protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                           String attributeValue, Object expressionResult, IElementTagStructureHandler handler) {
    String text = expressionResult == null ? "" : expressionResult.toString();
    handler.setBody(html(text), false);
  }

  /** The text escaped for HTML, its line breaks {@code <br>}. */
  static String html(String text) {
    return HtmlEscape.escapeHtml5Xml(text.replace("\r\n", "\n")).replace("\n", "<br>\n");
  }
}
