package ru.nso.wg.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's Russian locales of Tasklist, the start page (welcome app: start page, login, profile), Cockpit and
 * Admin cover every key of the English locale of the Camunda webjar the application runs with (so a Camunda upgrade
 * that adds labels fails the build instead of showing keys or English), are really translated, keep the
 * placeholders, and have the date locale where English has one; terms follow {@code docs/glossary.md}.
 */
public class RussianLocalesTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Empty on purpose: the CE end-of-life banner is hidden (user-styles.css); Tasklist's text for a task without a
   * form (empty in English too); the English plural suffix "s" that Cockpit appends to an already translated word.
   */
  private static final Set<String> INTENTIONALLY_EMPTY = Set.of("BANNER_CE_EOL_TEXT", "NO_TASK_FORM", "PLGN_BATCH_S",
      "PLGN_MIG_S", "PLGN_MOD_DIALOG_S", "PLGN_MOD_RESTART_DIALOG_S");

  /** The same text as in English: product names, file formats, technical values, operators. */
  private static final Set<String> SAME_AS_ENGLISH = Set.of("APP_VENDOR", "AUTHORIZATION_OPTIMIZE",
      "PLGN_SKE_CAMUNDA_COCKPIT", "PLGN_REP_CSV", "PLGN_REP_JSON",
      "CAM_WIDGET_VARIABLES_TABLE_NULL", "CAM_WIDGET_VARIABLE_NULL",
      "SEARCH_LESS_THAN", "SEARCH_LESS_THAN_EQUALS", "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS");

  /** Translated, but without a Russian letter: the end of a sentence («… включите параметр „Каскадно“.»). */
  private static final Set<String> PUNCTUATION_ONLY = Set.of("REPOSITORY_DEPLOYMENTS_DELETE_FLAG");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final Pattern CYRILLIC = Pattern.compile("[а-яА-ЯёЁ]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
  void russianLocaleHasEveryEnglishKeyTranslated(String app) throws IOException {
    JsonNode english = read(webjarResource(String.format(LOCALES, app, "en")));
    JsonNode russian = read(projectResource(String.format(LOCALES, app, "ru")));

    JsonNode en = english.get("labels");
    JsonNode ru = russian.get("labels");
    Set<String> missing = new TreeSet<>(fieldNames(en));
    missing.removeAll(fieldNames(ru));
    assertThat(missing).as("keys of the webjar's %s en.json missing from our ru.json", app).isEmpty();
    Set<String> extra = new TreeSet<>(fieldNames(ru));
    extra.removeAll(fieldNames(en));
    assertThat(extra).as("keys of our %s ru.json that the webjar no longer has", app).isEmpty();

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String englishText = entry.getValue().asText();
      String russianText = ru.get(key).asText();
      if (INTENTIONALLY_EMPTY.contains(key)) {
        if (!russianText.isEmpty()) {
          problems.add(key + ": expected to be empty");
        }
        continue;
      }
      if (russianText.isBlank()) {
        problems.add(key + ": empty");
      } else if (SAME_AS_ENGLISH.contains(key)) {
        if (!russianText.equals(englishText)) {
          problems.add(key + ": expected to stay '" + englishText + "'");
        }
      } else if (russianText.equals(englishText)) {
        problems.add(key + ": not translated");
      } else if (!CYRILLIC.matcher(russianText).find() && !PUNCTUATION_ONLY.contains(key)) {
        problems.add(key + ": no Russian letter in '" + russianText + "'");
      }
      if (!placeholders(russianText).equals(placeholders(englishText))) {
        problems.add(key + ": placeholders " + placeholders(russianText) + " differ from " + placeholders(englishText));
      }
      if (englishText.contains("{}") != russianText.contains("{}")) {
        problems.add(key + ": the count placeholder {} is lost or added");
      }
    }
    assertThat(problems).as("problems in %s ru.json", app).isEmpty();

    // The moment.js date locale (month and weekday names, formats) where the English locale has one.
    if (english.has("dateLocales")) {
      assertThat(russian.has("dateLocales")).as("%s ru.json has dateLocales", app).isTrue();
      assertThat(fieldNames(russian.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));
      for (String part : List.of("calendar", "longDateFormat", "relativeTime")) {
        assertThat(fieldNames(russian.get("dateLocales").get(part))).as("dateLocales.%s of %s", part, app)
            .isEqualTo(fieldNames(english.get("dateLocales").get(part)));
      }
    }
  }

  /** The file of the Camunda webjar itself (not an override of the project's). */
  public static URL webjarResource(String path) throws IOException {
    for (URL url : Collections.list(RussianLocalesTest.class.getClassLoader().getResources(path))) {
      if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("no " + path + " in the camunda-webapp-webjar on the classpath");
  }

  /** The project's own file (target/classes), not one from a jar. */
  static URL projectResource(String path) throws IOException {
    for (URL url : Collections.list(RussianLocalesTest.class.getClassLoader().getResources(path))) {
      if (!"jar".equals(url.getProtocol())) {
        return url;
      }
    }
    throw new AssertionError("the project has no " + path);
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the UTF-8 byte order mark of Camunda's files
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
