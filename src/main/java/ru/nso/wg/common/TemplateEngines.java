package ru.nso.wg.common;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.exceptions.TemplateInputException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one template engine of the application (Thymeleaf with Spring EL): every HTML page, mail body and mail text it
 * writes. Templates live under {@code templates/} on the classpath ({@code templates/mail/}, {@code templates/web/});
 * an administrator adapts one by copying it to the same relative path under {@code wg.templates.directory} (default
 * {@code ./data/templates}): that file wins over the shipped one, from the next use on — no restart. A template is
 * parsed once and kept while the files that decide it are unchanged ({@link FileStamps}: the administrator's copy,
 * absent or its content), so a mail to 15 members does not read and parse its template 15 times.
 * A name without an extension is the {@code .html} file (HTML mode, escaped by default); {@code name.txt} is a text
 * template (TEXT mode).
 *
 * <p>The fixed Russian texts are one message bundle, {@code messages.properties} (UTF-8), read from
 * {@code wg.templates.directory} first and then from the classpath, key by key.
 *
 * <p>Strict, so that a mistyped template fails loudly instead of sending a broken letter: an expression naming a
 * variable the caller did not give ({@link StrictVariables}), a message key the bundle lacks, or a mail template
 * still written in the old {@code ${name}} syntax ({@link OldTemplateSyntax}) is an error naming the file.
 */
public final class TemplateEngines {

  /** The locale of every text the application writes. */
  public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  /** The templates checked for the old syntax: the mail, which had it. */
  private static final String OLD_SYNTAX_CHECKED = "mail/";
  /** Where the subject lines were before they became texts of the bundle. */
  private static final String OLD_SUBJECTS = "mail/subjects.properties";

  private TemplateEngines() {
  }

  /** The engine reading an administrator's copies from {@code overrideDirectory} before the shipped templates. */
  public static SpringTemplateEngine create(Path overrideDirectory) {
    ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
    messages.setBasenames("file:" + overrideDirectory.toAbsolutePath().normalize() + "/messages", "classpath:messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    // an administrator's edited copy takes effect within seconds, without looking at the file at every text
    messages.setCacheSeconds(2);
    SpringMessageResolver strictMessages = new SpringMessageResolver() {
      @Override
      public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                      Object[] messageParameters) {
        throw new TemplateInputException("В наборе текстов messages.properties нет текста «" + key
            + "» (шаблон " + StrictVariables.fileName(context.getTemplateData().getTemplate()) + ")");
      }
    };
    strictMessages.setMessageSource(messages);
    SpringTemplateEngine engine = new SpringTemplateEngine() {
      @Override
      protected void initializeSpringSpecific() {
        // in place of the resolver SpringTemplateEngine makes, which shows a text the bundle lacks as ??key??
        setMessageResolver(strictMessages);
      }
    };
    engine.setTemplateEngineMessageSource(messages);
    engine.setDialect(new StrictVariables.Dialect());
    engine.addDialect(new TextLines.Dialect());

    FileTemplateResolver overrides = new FileTemplateResolver() {
      @Override
      protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                          String template, String resourceName,
                                                          String characterEncoding, Map<String, Object> attributes) {
        return checked(template, overrideDirectory, "каталог шаблонов администратора, " + resourceName,
            super.computeTemplateResource(configuration, ownerTemplate, template, resourceName, characterEncoding,
                attributes));
      }

      @Override
      protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                    String template, Map<String, Object> attributes) {
        return FileStamps.of(overrideDirectory, template, computeResourceName(configuration, ownerTemplate, template,
            "", getSuffix(), getForceSuffix(), getTemplateAliases(), attributes));
      }
    };
    overrides.setPrefix(overrideDirectory.toAbsolutePath().normalize() + "/");
    configure(overrides, 1);

    ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver(TemplateEngines.class.getClassLoader()) {
      @Override
      protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                          String template, String resourceName,
                                                          String characterEncoding, Map<String, Object> attributes) {
        return checked(template, overrideDirectory, "шаблон приложения, " + resourceName,
            super.computeTemplateResource(configuration, ownerTemplate, template, resourceName, characterEncoding,
                attributes));
      }

      @Override
      protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                    String template, Map<String, Object> attributes) {
        return FileStamps.of(overrideDirectory, template, computeResourceName(configuration, ownerTemplate, template,
            "", getSuffix(), getForceSuffix(), getTemplateAliases(), attributes));
      }
    };
    shipped.setPrefix("templates/");
    configure(shipped, 2);
    engine.addTemplateResolver(overrides);
    engine.addTemplateResolver(shipped);

    return engine;
  }

  private static void configure(AbstractConfigurableTemplateResolver resolver, int order) {
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    // kept while the administrator's copy is as it was (FileStamps): a new or edited copy wins from the next use on
    resolver.setCacheable(true);
    resolver.setOrder(order);
  }

  private static ITemplateResource checked(String template, Path overrideDirectory, String where,
                                           ITemplateResource resource) {
    return template.startsWith(OLD_SYNTAX_CHECKED)
        ? new OldSyntaxChecked(template, overrideDirectory.resolve(OLD_SUBJECTS), where, resource) : resource;
  }

  /**
   * A parsed template stays valid while the files that decide which text it is are as they were when it was read: the
   * administrator's copy of it (absent, or its content) and, for a mail template, the leftover
   * {@code subjects.properties} that refuses it. A shipped template costs one file-status call per use instead of a
   * read and a parse; an administrator's copy is compared byte for byte (a time stamp can stay the same across two
   * quick edits).
   */
  static final class FileStamps implements ICacheEntryValidity {

    private static final byte[] ABSENT = new byte[0];
    private final Map<Path, byte[]> contents = new LinkedHashMap<>();

    static FileStamps of(Path overrideDirectory, String template, String relativeResourceName) {
      FileStamps stamps = new FileStamps();
      Path copy = overrideDirectory.resolve(relativeResourceName);
      stamps.contents.put(copy, content(copy));
      if (template.startsWith(OLD_SYNTAX_CHECKED)) {
        Path subjects = overrideDirectory.resolve(OLD_SUBJECTS);
        stamps.contents.put(subjects, content(subjects));
      }
      return stamps;
    }

    private static byte[] content(Path file) {
      if (!Files.isRegularFile(file)) {
        return ABSENT;
      }
      try {
        return Files.readAllBytes(file);
      } catch (IOException unreadable) {
        return ABSENT;
      }
    }

    @Override
    public boolean isCacheable() {
      return true;
    }

    @Override
    public boolean isCacheStillValid() {
      return contents.entrySet().stream().allMatch(e -> {
        byte[] now = content(e.getKey());
        byte[] then = e.getValue();
        return now == ABSENT || then == ABSENT ? now == then : Arrays.equals(now, then);
      });
    }
  }

  /**
   * A mail template still written in the old syntax: a {@code ${name}} outside a Thymeleaf attribute
   * ({@code th:…}) and outside an inlined expression ({@code [[…]]}, {@code [(…)]}), which Thymeleaf would send as
   * it stands.
   */
  public static final class OldTemplateSyntax extends TemplateInputException {

    private final String template;
    private final String reason;

    OldTemplateSyntax(String template, String reason) {
      super(reason);
      this.template = template;
      this.reason = reason;
    }

    static OldTemplateSyntax subjects(Path file) {
      return new OldTemplateSyntax(OLD_SUBJECTS, "В каталоге шаблонов администратора лежит " + file
          + ": темы писем больше не читаются из него, а изменённые в нём темы не попали бы в письма. Перенесите их в "
          + "копию messages.properties (тексты mail.<имя>.subject) и удалите файл (templates/mail/README.md)");
    }

    static OldTemplateSyntax placeholder(String template, String where, String placeholder) {
      return new OldTemplateSyntax(template, "Шаблон " + template + " (" + where + ") написан в прежнем синтаксисе: "
          + "подстановка «" + placeholder + "» вне выражения Thymeleaf ушла бы в письмо как есть. Переведите шаблон "
          + "по правилу из templates/mail/README.md (например, «[[" + placeholder + "]]» в HTML, «[(" + placeholder
          + ")]» в тексте)");
    }

    public String template() {
      return template;
    }

    /** The Russian message without Thymeleaf's English note of the position. */
    public String reason() {
      return reason;
    }
  }

  /** What remains of a template once its Thymeleaf attributes and inlined expressions are taken out. */
  private static final Pattern THYMELEAF_PARTS = Pattern.compile(
      "(?:data-)?th:[\\w:-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*')" // th:text="${x}", th:href='...'
          + "|(?:data-)?wg:[\\w:-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*')" // the application's wg:lines="${x}"
          + "|\\[\\[.*?]]|\\[\\(.*?\\)]", // [[${x}]], [(${x})]
      Pattern.DOTALL);
  private static final Pattern OLD_PLACEHOLDER = Pattern.compile("\\$\\{[^}\\s]*}?");

  /** The first old-syntax placeholder of a template's source, or {@code null}. */
  static String oldPlaceholder(String source) {
    Matcher old = OLD_PLACEHOLDER.matcher(THYMELEAF_PARTS.matcher(source).replaceAll(""));
    return old.find() ? old.group() : null;
  }

  /** A template resource whose text is checked for the old syntax when it is read. */
  private record OldSyntaxChecked(String template, Path oldSubjects, String where, ITemplateResource resource)
      implements ITemplateResource {

    @Override
    public String getDescription() {
      return resource.getDescription();
    }

    @Override
    public String getBaseName() {
      return resource.getBaseName();
    }

    @Override
    public boolean exists() {
      return resource.exists();
    }

    @Override
    public Reader reader() throws IOException {
      if (Files.exists(oldSubjects)) {
        throw OldTemplateSyntax.subjects(oldSubjects);
      }
      String source;
      try (Reader in = resource.reader()) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          text.append(buffer, 0, n);
        }
        source = text.toString();
      }
      String placeholder = oldPlaceholder(source);
      if (placeholder != null) {
        throw OldTemplateSyntax.placeholder(template, where, placeholder);
      }
      return new StringReader(source);
    }

    @Override
    public ITemplateResource relative(String relativeLocation) {
      return resource.relative(relativeLocation);
    }
  }
}
