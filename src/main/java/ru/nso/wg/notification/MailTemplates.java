package ru.nso.wg.notification;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import ru.nso.wg.common.StrictVariables.UnknownVariable;
import ru.nso.wg.common.TemplateEngines;
import ru.nso.wg.common.TemplateEngines.OldTemplateSyntax;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the messages, Thymeleaf templates ({@link TemplateEngines}): {@code templates/mail/<name>.html} (the
 * HTML part; its {@code <title>} is the subject line) and {@code templates/mail/<name>.txt} (the plain-text part, TEXT
 * mode). An administrator adapts them by copying the file to {@code wg.templates.directory}/mail/; the fixed texts
 * (the subject lines among them) are in {@code messages.properties}. The syntax, the variables of each message and
 * the rule for converting a template of the old {@code ${name}} syntax: {@code templates/mail/README.md}.
 *
 * <p>Values are escaped in HTML; lists (the agenda, the decisions) are given as lists the template iterates. A
 * template naming a variable it was not given, a template still in the old syntax or a subject-less template is an
 * error naming the template, so a mistyped template fails loudly (the job becomes an incident with that message)
 * instead of sending a broken letter.
 */
@Component
public class MailTemplates {

  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>",
      Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  /** A rendered message text. */
  public record Rendered(String subject, String text, String html) {
  }

  private final ITemplateEngine engine;

  public MailTemplates(ITemplateEngine engine) {
    this.engine = engine;
  }

  public Rendered render(String name, Map<String, Object> values) {
    Context context = new Context(TemplateEngines.RUSSIAN, values);
    String html = process("mail/" + name, "mail/" + name + ".html", context);
    String text = process("mail/" + name + ".txt", "mail/" + name + ".txt", context);
    Matcher title = TITLE.matcher(html);
    String subject = title.find() ? HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").trim() : "";
    if (subject.isEmpty()) {
      throw new NotificationException("В шаблоне mail/" + name + ".html нет темы письма: её пишут в элементе "
          + "<title> (см. templates/mail/README.md)");
    }
    return new Rendered(subject, text, html);
  }

  private String process(String template, String file, Context context) {
    try {
      return engine.process(template, context);
    } catch (TemplateEngineException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof UnknownVariable unknown) {
          throw new NotificationException(unknown.reason(), e);
        }
        if (cause instanceof OldTemplateSyntax old) {
          throw new NotificationException(old.reason(), e);
        }
      }
      throw new NotificationException("Не удалось заполнить шаблон письма " + file + ": " + e.getMessage(), e);
    }
  }
}
