package ru.nso.wg.tasklist;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running app serves the project's Tasklist files instead of the webjar's: the Russian locales and config, and
 * the build-time patched deps.js (Russian form-js texts) and Tasklist bootstrap (dynamic-list fix).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistResourcesTest {

  private static final String WEBJAR = "/camunda";

  @LocalServerPort
  int port;

  @Test
  void servesThePatchedDepsAndBootstrap() throws Exception {
    String deps = get(WEBJAR + "/lib/deps.js");
    assertThat(deps).contains("i.push(\"Поле обязательно для заполнения.\")", "\"Добавить\"]", "\"Выберите…\"")
        .doesNotContain("i.push(\"Field is required.\")", "\"Add new\"");

    String bootstrap = get(WEBJAR + "/app/tasklist/camunda-tasklist-bootstrap.js");
    assertThat(bootstrap).contains("wgHasMessages").doesNotContain("var t=!!Object.keys(e.errors).length;");
  }

  @Test
  void taskCardsTranslateTheAssigneesTooltip() throws Exception {
    // the card's assignee tooltip was the literal «task.assignee»
    String bootstrap = get(WEBJAR + "/app/tasklist/camunda-tasklist-bootstrap.js");
    assertThat(bootstrap).doesNotContain("uib-tooltip=\"task.assignee\"")
        .contains("uib-tooltip=\"{{ \\'ASSIGNEE\\' | translate }}\"");
  }

  @Test
  void theStartDialogShowsItsRefusalAboveStartAndAMeetingsNumberAfterIt() throws Exception {
    String bootstrap = get(WEBJAR + "/app/tasklist/camunda-tasklist-bootstrap.js");
    // a notification's title is no longer followed by « :»
    assertThat(bootstrap).doesNotContain("<strong ng-if=\"notification.message\">:</strong>");
    // the start dialog's messages are in its footer, by «Начать», not at the top of its body
    assertThat(bootstrap).contains("<div class=\"modal-footer\">\\n  <div notifications-panel")
        .doesNotContain("<div class=\"modal-body\">\\n\\n  <div notifications-panel></div>\\n\\n  "
            + "<div ng-if=\"!PROCESS_TO_START_SELECTED\">");
    // a started meeting is announced with its number
    assertThat(bootstrap).contains("\"Заседание № \"+r.businessKey.split(\"-\")[1]+\"/\"");
  }

  @Test
  void servesEveryReplacementOfThePatchList() throws Exception {
    for (Map.Entry<String, List<String>> file : replacements().entrySet()) {
      String served = get(WEBJAR + "/" + file.getKey());
      for (String replacement : file.getValue()) {
        assertThat(served).as("%s contains the replacement", file.getKey()).contains(replacement);
      }
    }
  }

  @Test
  void servesTheRussianLocalesAndConfig() throws Exception {
    assertThat(get(WEBJAR + "/app/tasklist/locales/ru.json")).contains("\"CLAIM_TASK\": \"Взять в работу\"");
    assertThat(get(WEBJAR + "/app/welcome/locales/ru.json")).contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"Войти\"");
    // every webapp's config.js takes its language from the one shared module, which is served beside them
    assertThat(get(WEBJAR + "/app/wg-locale.js")).contains("availableLocales: [locale]");
    for (String app : List.of("tasklist", "welcome", "cockpit", "admin")) {
      assertThat(get(WEBJAR + "/app/" + app + "/scripts/config.js")).as(app)
          .contains("from '../../wg-locale.js'", "...languageConfig(");
    }
    // the CE end-of-life banner stays hidden; notifications let clicks through to the form's buttons; room for an
    // open dropdown below the form (both proven in the browser by e2e/tasklist.spec.mjs)
    assertThat(get(WEBJAR + "/app/tasklist/styles/user-styles.css")).contains(".ce-eol-banner",
        ".page-notifications { bottom: 64px; pointer-events: none; }", ":has(.fjs-dropdownlist) .form-actions");
  }

  /** The "replace:" texts of src/build/webjar-patches.txt, by webjar file. */
  private static Map<String, List<String>> replacements() throws Exception {
    Map<String, List<String>> result = new LinkedHashMap<>();
    String file = null;
    for (String line : Files.readAllLines(Path.of("src/build/webjar-patches.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("[") && line.endsWith("]")) {
        file = line.substring(1, line.length() - 1);
        result.put(file, new ArrayList<>());
      } else if (line.startsWith("replace: ")) {
        result.get(file).add(line.substring("replace: ".length()));
      }
    }
    assertThat(result).containsKeys("lib/deps.js", "app/tasklist/camunda-tasklist-bootstrap.js");
    return result;
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }
}
