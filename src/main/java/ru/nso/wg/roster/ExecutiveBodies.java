package ru.nso.wg.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The executive bodies of the region (ОИВ) an instruction may name as its executor (§ 8), from a list the
 * administrator maintains: the file of the setting {@code wg.executive-bodies.file}, or the list bundled with the
 * application ({@code src/main/resources/roster/executive-bodies.txt}, which describes the format). The file is read
 * again when it changes; a file that has become unreadable or invalid keeps the last valid list in force (and is
 * logged), at start it stops the application with the reason.
 *
 * <p>A body has no account: its executor id is {@value #PREFIX}{@code <code>}; the secretariat enters its report.
 */
@Component
public class ExecutiveBodies {

  /** The executor id of a body is this prefix and the body's code. */
  public static final String PREFIX = "oiv-";

  static final String BUNDLED = "roster/executive-bodies.txt";
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Logger LOG = LoggerFactory.getLogger(ExecutiveBodies.class);

  private final Path file;
  private Map<String, String> bodies;
  private long readModified;

  public ExecutiveBodies(@Value("${wg.executive-bodies.file:}") String file) {
    this.file = file == null || file.isBlank() ? null : Path.of(file.trim());
    this.bodies = read();
    this.readModified = modified();
  }

  /** Executor id → full name, in the order of the list. */
  public synchronized Map<String, String> all() {
    long now = modified();
    if (now != readModified) {
      try {
        bodies = read();
      } catch (RuntimeException e) {
        LOG.error("The list of executive bodies {} is not valid, the previous list stays in force: {}", file,
            e.getMessage());
      }
      readModified = now;
    }
    return bodies;
  }

  public Optional<String> name(String executorId) {
    return Optional.ofNullable(executorId == null ? null : all().get(executorId));
  }

  public boolean isBody(String executorId) {
    return name(executorId).isPresent();
  }

  private long modified() {
    try {
      return file == null ? 0 : Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1;
    }
  }

  private Map<String, String> read() {
    String where = file == null ? "classpath:" + BUNDLED : file.toString();
    try (InputStream in = file == null ? ExecutiveBodies.class.getClassLoader().getResourceAsStream(BUNDLED)
        : Files.newInputStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Нет списка исполнительных органов " + where);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), where);
    } catch (IOException e) {
      throw new UncheckedIOException("Список исполнительных органов " + where + " не прочитан", e);
    }
  }

  /** The list of a file's text; a line that is not «code; name» or a repeated code is refused with its number. */
  static Map<String, String> parse(String text, String where) {
    Map<String, String> result = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    String[] lines = text.replace("\uFEFF", "").split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int separator = line.indexOf(';');
      String code = separator < 0 ? "" : line.substring(0, separator).strip();
      String name = separator < 0 ? "" : line.substring(separator + 1).strip();
      if (!CODE.matcher(code).matches() || name.length() < 3 || name.length() > 500) {
        problems.add("строка " + (i + 1) + ": ожидается «код; наименование» (код — латинские строчные буквы, "
            + "цифры и «-»)");
      } else if (result.putIfAbsent(PREFIX + code, name) != null) {
        problems.add("строка " + (i + 1) + ": код «" + code + "» уже встречался");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Список исполнительных органов " + where + ": " + String.join("; ", problems));
    }
    if (result.isEmpty()) {
      throw new IllegalStateException("Список исполнительных органов " + where + " пуст");
    }
    return Collections.unmodifiableMap(result);
  }
}
