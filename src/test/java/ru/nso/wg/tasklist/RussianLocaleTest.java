package ru.nso.wg.tasklist;

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
 * The project's Russian locales of Tasklist and of the start page (welcome app: start page, login, profile) cover
 * every key of the English locale of the webjar the app runs with, and really are translated.
 */
class RussianLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys left empty on purpose: the CE end-of-life banner is hidden (user-styles.css); English is empty too. */
  private static final Set<String> INTENTIONALLY_EMPTY = Set.of("BANNER_CE_EOL_TEXT", "NO_TASK_FORM");

  /** Keys whose Russian text is the same as the English one: a product name, a technical value, operators. */
  private static final Set<String> SAME_AS_ENGLISH = Set.of(
      "APP_VENDOR", // "Camunda"
      "CAM_WIDGET_VARIABLES_TABLE_NULL", "CAM_WIDGET_VARIABLE_NULL", // "<null>"
      "SEARCH_LESS_THAN", "SEARCH_LESS_THAN_EQUALS", "SEARCH_GREATER_THAN", "SEARCH_GREATER_THAN_EQUALS");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");
  private static final Pattern CYRILLIC = Pattern.compile("[а-яА-ЯёЁ]");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "welcome"})
  void russianLocaleHasEveryEnglishKeyTranslated(String app) throws IOException {
    JsonNode english = read(webjarResource(String.format(LOCALES, app, "en")));
    JsonNode russian = read(projectResource(String.format(LOCALES, app, "ru")));

    JsonNode en = english.get("labels");
    JsonNode ru = russian.get("labels");
    assertThat(fieldNames(ru)).as("keys of %s ru.json", app).isEqualTo(fieldNames(en));

    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = en.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      String englishText = entry.getValue().asText();
      String russianText = ru.get(key).asText();
      if (INTENTIONALLY_EMPTY.contains(key)) {
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
      } else if (!CYRILLIC.matcher(russianText).find()) {
        problems.add(key + ": no Russian letter in '" + russianText + "'");
      }
      if (!placeholders(russianText).equals(placeholders(englishText))) {
        problems.add(key + ": placeholders " + placeholders(russianText) + " differ from " + placeholders(englishText));
      }
    }
    assertThat(problems).as("problems in %s ru.json", app).isEmpty();

    // The moment.js date locale (month and weekday names, formats) where the English locale has one.
    if (english.has("dateLocales")) {
      assertThat(russian.has("dateLocales")).as("%s ru.json has dateLocales", app).isTrue();
      assertThat(fieldNames(russian.get("dateLocales"))).isEqualTo(fieldNames(english.get("dateLocales")));
      for (String part : List.of("calendar", "longDateFormat", "relativeTime")) {
        assertThat(fieldNames(russian.get("dateLocales").get(part)))
            .as("dateLocales.%s of %s", part, app)
            .isEqualTo(fieldNames(english.get("dateLocales").get(part)));
      }
    }
  }

  /** The file of the Camunda webjar itself (not an override of the project's). */
  static URL webjarResource(String path) throws IOException {
    for (URL url : Collections.list(RussianLocaleTest.class.getClassLoader().getResources(path))) {
      if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("no " + path + " in the camunda-webapp-webjar on the classpath");
  }

  /** The project's own file (target/classes), not one from a jar. */
  static URL projectResource(String path) throws IOException {
    for (URL url : Collections.list(RussianLocaleTest.class.getClassLoader().getResources(path))) {
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
