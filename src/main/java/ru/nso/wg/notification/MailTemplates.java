package ru.nso.wg.notification;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import ru.nso.wg.document.TemplateResources;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the messages: {@code templates/mail/<name>.html}, {@code templates/mail/<name>.txt} and the subject
 * line {@code <name>} in {@code templates/mail/subjects.properties} (UTF-8). An administrator adapts them by copying
 * the file to {@code wg.templates.directory}/mail/ (see {@link TemplateResources}).
 *
 * <p>Placeholders are {@code ${name}}. In HTML, text values are escaped (and line breaks become {@code <br>});
 * values of type {@link Html} are fragments the application built and escaped itself (lists) and are inserted as
 * they are. An unknown placeholder is an error naming the template, so a mistyped template fails loudly (the job
 * becomes an incident with that message) instead of sending a broken letter.
 */
@Component
public class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

  /** An HTML fragment built (and escaped) by the application. */
  public record Html(String html) {
  }

  /** A rendered message text. */
  public record Rendered(String subject, String text, String html) {
  }

  private final TemplateResources resources;

  public MailTemplates(TemplateResources resources) {
    this.resources = resources;
  }

  public Rendered render(String name, Map<String, Object> values) {
    Properties subjects = new Properties();
    try {
      subjects.load(new StringReader(new String(resources.read("mail/subjects.properties"), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String subjectTemplate = subjects.getProperty(name);
    if (subjectTemplate == null) {
      throw new NotificationException("В шаблоне mail/subjects.properties нет темы письма «" + name + "»");
    }
    String subject = fill("mail/subjects.properties#" + name, subjectTemplate, values, false)
        .replaceAll("\\s+", " ").trim();
    String text = fill("mail/" + name + ".txt", read("mail/" + name + ".txt"), values, false);
    String html = fill("mail/" + name + ".html", read("mail/" + name + ".html"), values, true);
    return new Rendered(subject, text, html);
  }

  private String read(String path) {
    return new String(resources.read(path), StandardCharsets.UTF_8);
  }

  static String fill(String templateName, String template, Map<String, Object> values, boolean html) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      if (!values.containsKey(key)) {
        throw new NotificationException("Шаблон " + templateName + " содержит неизвестную подстановку ${" + key
            + "}; допустимы: " + String.join(", ", new TreeSet<>(values.keySet())));
      }
      Object value = values.get(key);
      String replacement;
      if (value instanceof Html fragment) {
        replacement = html ? fragment.html() : stripTags(fragment.html());
      } else {
        String s = value == null ? "" : value.toString();
        replacement = html ? HtmlUtils.htmlEscape(s, "UTF-8").replace("\n", "<br>\n") : s;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String stripTags(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", ""));
  }
}
