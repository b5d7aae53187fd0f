package ru.nso.wg.tasklist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.webapp.RussianLocalesTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build step src/build/WebjarPatch.java (run by exec-maven-plugin): it reproduces the patched files the build put
 * into target/classes, and it fails, writing nothing, when a text to patch is not in the webjar any more.
 */
class WebjarPatchBuildStepTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";
  private static final List<String> PATCHED = List.of("lib/deps.js", "app/tasklist/camunda-tasklist-bootstrap.js");

  @TempDir
  Path temp;

  @Test
  void patchesTheWebjarFilesLikeTheBuildDid() throws Exception {
    Path source = unpackWebjarFiles();
    Path out = temp.resolve("out");

    Result result = run(Path.of("src/build/webjar-patches.txt"), source, out);

    assertThat(result.exitCode()).as(result.output()).isZero();
    for (String file : PATCHED) {
      assertThat(Files.readString(out.resolve(file)))
          .as("%s as the build wrote it to target/classes", file)
          .isEqualTo(Files.readString(Path.of("target/classes", WEBJAR, file)));
    }
  }

  @Test
  void failsAndWritesNothingWhenATextIsMissing() throws Exception {
    Path source = unpackWebjarFiles();
    Path out = temp.resolve("out");
    Path list = temp.resolve("patches.txt");
    String patches = Files.readString(Path.of("src/build/webjar-patches.txt"), StandardCharsets.UTF_8)
        + "\n[lib/deps.js]\n# a text that Camunda's bundle does not contain\n"
        + "find: i.push(\"This text is not in form-js.\")\nreplace: i.push(\"Нет такого текста.\")\n";
    Files.writeString(list, patches, StandardCharsets.UTF_8);

    Result result = run(list, source, out);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("FAILED", "This text is not in form-js.", "found 0");
    assertThat(out).doesNotExist();
  }

  /** The two files from the camunda-webapp-webjar jar on the test classpath. */
  private Path unpackWebjarFiles() throws IOException {
    Path root = temp.resolve("webjar");
    for (String file : PATCHED) {
      Path target = root.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = RussianLocalesTest.webjarResource(WEBJAR + file).openStream()) {
        Files.copy(in, target);
      }
    }
    return root;
  }

  record Result(int exitCode, String output) {
  }

  private static Result run(Path list, Path source, Path out) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "src/build/WebjarPatch.java",
        list.toString(), source.toString(), out.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
