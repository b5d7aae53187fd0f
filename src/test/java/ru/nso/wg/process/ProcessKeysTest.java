package ru.nso.wg.process;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's task listeners (task mail, Tasklist columns) apply to its own models only, told by their keys:
 * every executable process in {@code bpmn/} must carry the prefix, or its tasks would silently mail nobody.
 */
class ProcessKeysTest {

  private static final Pattern EXECUTABLE = Pattern.compile(
      "<bpmn:process\\s+id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");

  @Test
  void everyModelInBpmnIsOneOfTheApplications() throws IOException {
    List<String> keys;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      keys = files.filter(f -> f.toString().endsWith(".bpmn")).flatMap(ProcessKeysTest::executableKeys).toList();
    }
    assertThat(keys).hasSizeGreaterThanOrEqualTo(13).allMatch(ProcessKeys::isApplications);
  }

  @Test
  void aModelDeployedBesideThemIsNot() {
    assertThat(ProcessKeys.isApplications("bench-floor-meeting")).isFalse();
    assertThat(ProcessKeys.isApplications((String) null)).isFalse();
    assertThat(ProcessKeys.isApplications(ProcessKeys.MEETING)).isTrue();
  }

  private static Stream<String> executableKeys(Path file) {
    try {
      Matcher m = EXECUTABLE.matcher(Files.readString(file));
      return m.results().map(r -> r.group(1)).toList().stream();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
