import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step (run by exec-maven-plugin in process-resources, as a single-file Java program): applies the
 * replacements of {@code src/build/webjar-patches.txt} to files unpacked from the Camunda webapp webjar and writes
 * the results to the application's resources, where they override the webjar's files at run time.
 *
 * <p>Usage: {@code java src/build/WebjarPatch.java <patch list> <unpacked webjar root> <output root>}; both roots
 * are the directory holding {@code META-INF/resources/webjars/camunda/}'s content (the file paths of the list are
 * relative to them).
 *
 * <p>Exits with status 1 (failing the build) when any "find" text does not occur exactly "count" times in the file
 * as patched so far, when the list is malformed, or when a listed file is missing: a webjar upgrade must not
 * silently undo a translation or a fix.
 */
public class WebjarPatch {

  record Entry(int line, String find, String replace, int count) {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: java WebjarPatch.java <patch list> <unpacked webjar root> <output root>");
      System.exit(2);
    }
    Path list = Path.of(args[0]);
    Path sourceRoot = Path.of(args[1]);
    Path outputRoot = Path.of(args[2]);

    List<String> problems = new ArrayList<>();
    Map<String, List<Entry>> patches = parse(list, problems);
    Map<Path, String> results = new LinkedHashMap<>();
    for (Map.Entry<String, List<Entry>> file : patches.entrySet()) {
      Path source = sourceRoot.resolve(file.getKey());
      if (!Files.isRegularFile(source)) {
        problems.add(file.getKey() + ": not found in the webjar (looked for " + source + ")");
        continue;
      }
      String text = Files.readString(source, StandardCharsets.UTF_8);
      for (Entry entry : file.getValue()) {
        int found = occurrences(text, entry.find());
        if (found != entry.count()) {
          problems.add(String.format("%s, entry at line %d: expected %d occurrence(s) of the find text, found %d: %s",
              file.getKey(), entry.line(), entry.count(), found, abbreviate(entry.find())));
          continue;
        }
        text = text.replace(entry.find(), entry.replace());
      }
      results.put(outputRoot.resolve(file.getKey()), text);
    }
    if (!problems.isEmpty()) {
      System.err.println("[webjar-patch] FAILED: the webjar no longer matches " + list
          + " (was Camunda upgraded? read the new file and adjust the entries); nothing written:");
      problems.forEach(p -> System.err.println("  - " + p));
      System.exit(1);
    }
    for (Map.Entry<Path, String> result : results.entrySet()) {
      Files.createDirectories(result.getKey().getParent());
      Files.writeString(result.getKey(), result.getValue(), StandardCharsets.UTF_8);
    }
    patches.forEach((file, entries) -> System.out.printf("[webjar-patch] %s: %d replacement(s) applied -> %s%n",
        file, entries.size(), outputRoot.resolve(file)));
  }

  static Map<String, List<Entry>> parse(Path list, List<String> problems) throws IOException {
    Map<String, List<Entry>> patches = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    Pending pending = null;
    String file = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int lineNo = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        flush(pending, patches, problems);
        pending = null;
        file = line.substring(1, line.length() - 1).trim();
        patches.putIfAbsent(file, new ArrayList<>());
      } else if (line.startsWith("find: ")) {
        flush(pending, patches, problems);
        pending = null;
        if (file == null) {
          problems.add("line " + lineNo + ": \"find:\" before any [file] section");
          continue;
        }
        pending = new Pending(file, lineNo, line.substring("find: ".length()));
        if (pending.find.isEmpty()) {
          problems.add("line " + lineNo + ": empty find text");
        }
      } else if (line.startsWith("replace: ") && pending != null && pending.replace == null) {
        pending.replace = line.substring("replace: ".length());
      } else if (line.startsWith("count: ") && pending != null && pending.replace != null) {
        try {
          pending.count = Integer.parseInt(line.substring("count: ".length()).trim());
        } catch (NumberFormatException e) {
          problems.add("line " + lineNo + ": count is not a number");
        }
      } else {
        problems.add("line " + lineNo + ": not understood here: " + abbreviate(line));
      }
    }
    flush(pending, patches, problems);
    return patches;
  }

  static final class Pending {
    final String file;
    final int line;
    final String find;
    String replace;
    int count = 1;

    Pending(String file, int line, String find) {
      this.file = file;
      this.line = line;
      this.find = find;
    }
  }

  static void flush(Pending pending, Map<String, List<Entry>> patches, List<String> problems) {
    if (pending == null) {
      return;
    }
    if (pending.replace == null) {
      problems.add("line " + pending.line + ": \"find:\" without \"replace:\"");
      return;
    }
    patches.get(pending.file).add(new Entry(pending.line, pending.find, pending.replace, pending.count));
  }

  static int occurrences(String text, String find) {
    int count = 0;
    for (int from = text.indexOf(find); from >= 0; from = text.indexOf(find, from + find.length())) {
      count++;
    }
    return count;
  }

  static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
