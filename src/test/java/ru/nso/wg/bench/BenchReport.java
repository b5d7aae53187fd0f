package ru.nso.wg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: written as {@code results.json} and {@code results.md} after every benchmark. */
final class BenchReport {

  /** One line of the table. {@code target} is text ("≤ 1.5"), {@code met} null when there is no target. */
  record Row(String benchmark, String figure, String value, String baseline, String ratio, String target, Boolean met) {
  }

  private final Path out;
  private final String mode;
  final List<Row> rows = new ArrayList<>();
  final Map<String, Object> details = new LinkedHashMap<>();
  private final Instant started = Instant.now();

  BenchReport(Path out, String mode) {
    this.out = out;
    this.mode = mode;
  }

  void row(String benchmark, String figure, String value, String baseline, String ratio, String target, Boolean met) {
    rows.add(new Row(benchmark, figure, value, baseline, ratio, target, met));
    System.out.printf("[bench] %-22s %-60s %12s  base %-12s ratio %-6s %s%n", benchmark, figure, value,
        baseline == null ? "" : baseline, ratio == null ? "" : ratio,
        target == null ? "" : "target " + target + (met == null ? "" : met ? " MET" : " MISSED"));
  }

  void detail(String key, Object value) {
    details.put(key, value);
  }

  void write() throws IOException {
    Files.createDirectories(out);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("mode", mode);
    json.put("started", started.toString());
    json.put("finished", Instant.now().toString());
    json.put("machine", machine());
    json.put("rows", rows);
    json.put("details", details);
    new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("results.json").toFile(), json);
    Files.writeString(out.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Run: ").append(mode).append(", ").append(started).append(", ").append(machine().get("summary"))
        .append("\n\n");
    md.append("| Benchmark | Figure | Value | Baseline | Ratio | Target | Met |\n|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.benchmark()).append(" | ").append(r.figure()).append(" | ").append(nz(r.value()))
          .append(" | ").append(nz(r.baseline())).append(" | ").append(nz(r.ratio())).append(" | ")
          .append(nz(r.target())).append(" | ").append(r.met() == null ? "" : r.met() ? "yes"
              : "**no**").append(" |\n");
    }
    return md.toString();
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    String cpu = "?";
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    long memMb = 0;
    try {
      memMb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).orElse(0L);
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    m.put("cpu", cpu);
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("memoryMiB", memMb);
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("summary", String.format(Locale.ROOT, "%s, %d CPUs, %d MiB, %s", cpu,
        Runtime.getRuntime().availableProcessors(),
        memMb, m.get("java")));
    return m;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // --- statistics ---------------------------------------------------------------------------------------------

  static double median(List<Double> values) {
    return percentile(values, 50);
  }

  /** Nearest-rank percentile. */
  static double percentile(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    if (p == 50 && sorted.length % 2 == 0) {
      return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String f(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  static String list(List<Double> values, int decimals) {
    return Arrays.toString(values.stream().map(v -> f(v, decimals)).toArray());
  }
}
