package ru.nso.wg.bench;

import org.camunda.bpm.engine.history.HistoricJobLog;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.document.DocumentService;
import ru.nso.wg.document.MeetingViews;
import ru.nso.wg.document.PdfDocuments;
import ru.nso.wg.document.model.MinutesModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import static ru.nso.wg.bench.BenchReport.f;
import static ru.nso.wg.bench.BenchReport.median;

/**
 * The project's benchmarks (docs/performance.md): {@code ./mvnw -B -Pbench verify} runs them all and writes
 * {@code target/bench/results.json} and {@code results.md}; {@code .ci/bench-smoke} runs one iteration of each
 * without asserting targets. Arguments: {@code --smoke}, {@code --only=lifecycle,throughput,documents,startup,
 * tasklist,dashboard,memory} (one or several; all seven by default; {@code h2-write-delay}, the cost of durable
 * commits on H2, only when named), {@code --out=DIR}, {@code --port=N} (first of the ports to use, default 18400).
 *
 * <p>Every target is a ratio against a baseline measured in the same run, alternating the two sides, and the figures
 * are medians: the machines this runs on are shared.
 */
public final class Bench {

  static boolean smoke;
  static int basePort = 18400;
  static Path work;
  /** Lifecycle iterations per side (default 5, smoke 1). */
  static Integer iterations;

  public static void main(String[] args) {
    int status;
    try {
      status = benchmarks(args);
    } catch (Throwable e) {
      e.printStackTrace();
      status = 2;
    }
    // the in-process application's threads (job executor, web server) must not keep the JVM alive
    System.exit(status);
  }

  private static int benchmarks(String[] args) throws Exception {
    Set<String> only = new LinkedHashSet<>(List.of("lifecycle", "throughput", "documents", "tasklist", "dashboard",
        "startup", "memory"));
    Path out = Path.of("target/bench");
    for (String arg : args) {
      if (arg.equals("--smoke")) {
        smoke = true;
      } else if (arg.startsWith("--only=") && arg.length() > 7) {
        only = new LinkedHashSet<>(Arrays.asList(arg.substring(7).split(",")));
      } else if (arg.startsWith("--out=")) {
        out = Path.of(arg.substring(6));
      } else if (arg.startsWith("--iterations=")) {
        iterations = Integer.parseInt(arg.substring(13));
      } else if (arg.startsWith("--port=")) {
        basePort = Integer.parseInt(arg.substring(7));
      } else if (!arg.isBlank()) {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    work = out.resolve("work").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    BenchReport report = new BenchReport(out, smoke ? "smoke" : "full");
    long t0 = System.nanoTime();
    List<String> failures = new ArrayList<>();
    Map<String, Double> lifecycleMs = new LinkedHashMap<>();

    if ((only.contains("lifecycle") && !only.contains("no-h2")) || only.contains("documents")) {
      try (BenchApp app = BenchApp.start(BenchApp.Db.H2, work.resolve("h2"), basePort + 1)) {
        if (only.contains("lifecycle") && !only.contains("no-h2")) {
          run(failures, "lifecycle H2", () -> lifecycleMs.put("H2", lifecycle(report, app, "H2", null)));
        }
        if (only.contains("documents")) {
          run(failures, "documents", () -> documents(report, app, lifecycleMs.get("H2")));
        }
      }
      report.write();
    }
    if (only.contains("lifecycle") || only.contains("throughput") || only.contains("tasklist")
        || only.contains("dashboard")) {
      try (BenchApp app = BenchApp.start(BenchApp.Db.POSTGRES, work.resolve("pg"), basePort + 2)) {
        if (only.contains("dashboard")) { // first: its data is exactly what it seeds
          run(failures, "dashboard", () -> new DashboardBench(report, app, smoke).run());
          report.write();
        }
        if (only.contains("lifecycle")) {
          run(failures, "lifecycle PostgreSQL", () -> lifecycleMs.put("PG", lifecycle(report, app, "PostgreSQL", 1.5)));
        }
        report.write();
        if (only.contains("throughput")) {
          run(failures, "throughput", () -> throughput(report, app));
        }
        report.write();
        if (only.contains("tasklist")) {
          run(failures, "tasklist", () -> new TasklistBench(report, app, smoke).run());
        }
      }
      report.write();
    }
    if (only.contains("h2-write-delay")) {
      try (BenchApp app = BenchApp.start(BenchApp.Db.H2, work.resolve("h2-write-delay"), basePort + 3)) {
        run(failures, "H2 write delay", () -> writeDelay(report, app));
      }
      report.write();
    }
    if (only.contains("startup")) {
      run(failures, "startup", () -> new StartupBench(report, smoke, work.resolve("startup"), basePort + 10).run());
      report.write();
    }
    if (only.contains("memory")) {
      run(failures, "memory", () -> MemoryBench.runChild(report, smoke, work.resolve("memory")));
      report.write();
    }
    report.detail("totalMinutes", (System.nanoTime() - t0) / 60e9);
    report.detail("failures", failures);
    report.write();
    System.out.println();
    System.out.println(report.markdown());
    System.out.printf("Benchmarks took %.1f min; results in %s%n", (System.nanoTime() - t0) / 60e9,
        out.toAbsolutePath());
    if (!failures.isEmpty()) {
      System.out.println("FAILED: " + failures);
      return 1;
    }
    return 0;
  }

  interface Body {
    void run() throws Exception;
  }

  private static void run(List<String> failures, String name, Body body) {
    System.out.println("[bench] --- " + name + " ---");
    long t0 = System.nanoTime();
    try {
      body.run();
    } catch (Throwable e) {
      e.printStackTrace();
      failures.add(name + ": " + e);
    }
    System.out.printf("[bench] --- %s took %.1f s ---%n", name, (System.nanoTime() - t0) / 1e9);
  }

  // --- 1. lifecycle against the engine floor ------------------------------------------------------------------

  static final int ITEMS = 10;
  static final int INSTRUCTIONS = 5;

  /** Returns the median time of the application's meeting in ms. */
  static double lifecycle(BenchReport report, BenchApp app, String db, Double target) {
    int iterations = Bench.iterations != null ? Bench.iterations : smoke ? 1 : 5;
    if (!smoke) { // warm-up (JIT, caches), not counted
      new MeetingDriver(app.engine, true, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS).runAll();
      new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS).runAll();
    }
    MeetingDriver.StepTimes appSteps = new MeetingDriver.StepTimes();
    MeetingDriver.StepTimes floorSteps = new MeetingDriver.StepTimes();
    List<Double> appMs = new ArrayList<>();
    List<Double> floorMs = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      for (boolean floor : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        long t0 = System.nanoTime();
        new MeetingDriver(app.engine, floor, floor ? floorSteps : appSteps, ITEMS, INSTRUCTIONS).runAll();
        (floor ? floorMs : appMs).add((System.nanoTime() - t0) / 1e6);
      }
    }
    double a = median(appMs);
    double fl = median(floorMs);
    double ratio = a / fl;
    report.row("1 lifecycle " + db, "full meeting (10 items, 5 instructions), median of " + iterations + " ms",
        f(a, 0), f(fl, 0) + " (floor)", f(ratio, 2), target == null ? null : "≤ " + target,
        target == null || smoke ? null : ratio <= target);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("appMs", appMs);
    d.put("floorMs", floorMs);
    d.put("appSteps", stepTable(appSteps, iterations));
    d.put("floorSteps", stepTable(floorSteps, iterations));
    report.detail("lifecycle-" + db, d);
    List<Map.Entry<String, Long>> top = appSteps.nanos.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue().get()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5).toList();
    for (Map.Entry<String, Long> e : top) {
      long floorNs = floorSteps.nanos.containsKey(e.getKey()) ? floorSteps.nanos.get(e.getKey()).get() : 0;
      int count = appSteps.counts.get(e.getKey()).get() / iterations;
      report.row("1 lifecycle " + db, "  top step: " + e.getKey() + (count > 1 ? " (×" + count + ")" : "")
              + ", ms per meeting", f(e.getValue() / 1e6 / iterations, 0), f(floorNs / 1e6 / iterations, 0)
                  + " (floor)",
          floorNs == 0 ? null : f((double) e.getValue() / floorNs, 2), null, null);
    }
    return a;
  }

  /**
   * What durability on commit costs on H2 (issue 11, point 3): whole application meetings in one running
   * application, alternately with {@code WRITE_DELAY} 0 (the embedded default: every commit written to the file
   * before it returns) and 500 (H2's default, commits kept in memory up to half a second), switched at run time with
   * {@code SET WRITE_DELAY}; after one warm-up meeting, {@code --iterations} pairs (default 3), medians.
   */
  static void writeDelay(BenchReport report, BenchApp app) {
    int pairs = Bench.iterations != null ? Bench.iterations : 3;
    JdbcTemplate jdbc = app.context.getBean(JdbcTemplate.class);
    new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS).runAll();
    Map<Integer, List<Double>> ms = new LinkedHashMap<>();
    for (int i = 0; i < pairs; i++) {
      for (int delay : i % 2 == 0 ? new int[] {0, 500} : new int[] {500, 0}) {
        jdbc.execute("SET WRITE_DELAY " + delay);
        long t0 = System.nanoTime();
        new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS).runAll();
        ms.computeIfAbsent(delay, d -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
      }
    }
    jdbc.execute("SET WRITE_DELAY 0");
    double durable = median(ms.get(0));
    double delayed = median(ms.get(500));
    report.row("H2 write delay", "full meeting (10 items, 5 instructions), median of " + pairs + " ms, WRITE_DELAY=0",
        f(durable, 0), f(delayed, 0) + " (WRITE_DELAY=500)", f(durable / delayed, 2), null, null);
    report.detail("h2-write-delay", Map.of("writeDelay0Ms", ms.get(0), "writeDelay500Ms", ms.get(500)));
  }

  private static Map<String, Object> stepTable(MeetingDriver.StepTimes times, int iterations) {
    Map<String, Object> table = new LinkedHashMap<>();
    times.nanos.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue().get()))
        .forEach(e -> table.put(e.getKey(), Map.of("msPerMeeting", e.getValue().get() / 1e6 / iterations,
            "countPerMeeting", times.counts.get(e.getKey()).get() / iterations)));
    return table;
  }

  // --- 2. throughput ------------------------------------------------------------------------------------------

  static void throughput(BenchReport report, BenchApp app) throws Exception {
    int threads = 4;
    int perThread = smoke ? 1 : 2;
    List<Double> appRate = new ArrayList<>();
    List<Double> floorRate = new ArrayList<>();
    int rounds = 1;
    int userFailuresBefore = MeetingDriver.USER_OPTIMISTIC_LOCKING_FAILURES.get();
    long jobLogBefore = optimisticJobFailures(app);
    List<String> errors = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (boolean floor : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          futures.add(pool.submit(() -> {
            for (int m = 0; m < perThread; m++) {
              new MeetingDriver(app.engine, floor, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS).runAll();
            }
            return null;
          }));
        }
        for (Future<?> future : futures) {
          try {
            future.get();
          } catch (Exception e) {
            errors.add(String.valueOf(e.getCause()));
          }
        }
        pool.shutdown();
        double minutes = (System.nanoTime() - t0) / 60e9;
        (floor ? floorRate : appRate).add(threads * perThread / minutes);
      }
    }
    int userFailures = MeetingDriver.USER_OPTIMISTIC_LOCKING_FAILURES.get() - userFailuresBefore;
    long jobFailures = optimisticJobFailures(app) - jobLogBefore;
    double a = median(appRate);
    double fl = median(floorRate);
    report.row("2 throughput PostgreSQL", "meetings completed per minute, 4 threads", f(a, 1), f(fl, 1) + " (floor)",
        f(a / fl, 2), null, null);
    report.row("2 throughput PostgreSQL", "optimistic-locking failures surfacing to a user",
        String.valueOf(userFailures),
        null, null, "0", smoke ? null : userFailures == 0);
    report.row("2 throughput PostgreSQL", "  (job retries after optimistic locking, absorbed by the executor)",
        String.valueOf(jobFailures), null, null, null, null);
    report.detail("throughput", Map.of("appPerMinute", appRate, "floorPerMinute", floorRate, "errors", errors,
        "userOptimisticLockingFailures", userFailures, "jobOptimisticLockingRetries", jobFailures));
    if (!errors.isEmpty()) {
      throw new IllegalStateException("meetings failed under concurrency: " + errors);
    }
  }

  private static long optimisticJobFailures(BenchApp app) {
    return app.engine.getHistoryService().createHistoricJobLogQuery().failureLog().list().stream()
        .map(HistoricJobLog::getJobExceptionMessage)
        .filter(m -> m != null && (m.contains("OptimisticLocking") || m.contains("concurrently")))
        .count();
  }

  // --- 6. document generation ---------------------------------------------------------------------------------

  static void documents(BenchReport report, BenchApp app, Double lifecycleMs) {
    MeetingDriver meeting = new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), ITEMS, INSTRUCTIONS);
    meeting.runAll();
    MeetingViews views = app.bean(MeetingViews.class);
    DocumentService documents = app.bean(DocumentService.class);
    PdfDocuments pdf = app.bean(PdfDocuments.class);
    int warm = smoke ? 0 : 5;
    int n = smoke ? 1 : 20;
    List<Double> docxMs = new ArrayList<>();
    List<Double> pdfMs = new ArrayList<>();
    int docxBytes = 0;
    int pdfBytes = 0;
    for (int i = 0; i < warm + n; i++) {
      long t0 = System.nanoTime();
      MinutesModel model = views.minutes(meeting.businessKey);
      docxBytes = documents.minutes(model).length;
      long t1 = System.nanoTime();
      pdfBytes = pdf.minutes(views.minutes(meeting.businessKey), null, null).length;
      long t2 = System.nanoTime();
      if (i >= warm) {
        docxMs.add((t1 - t0) / 1e6);
        pdfMs.add((t2 - t1) / 1e6);
      }
    }
    double docx = median(docxMs);
    double pdfMedian = median(pdfMs);
    JdbcTemplate db = new JdbcTemplate(app.bean(DataSource.class));
    Integer docxStored = db.queryForObject("SELECT COUNT(*) FROM wg_document WHERE meeting_key = ? AND kind IN"
        + " ('MINUTES_DRAFT', 'MINUTES_UPLOADED', 'MINUTES_SIGNED')", Integer.class, meeting.businessKey);
    Integer pdfStored = db.queryForObject("SELECT COUNT(*) FROM wg_document WHERE meeting_key = ? AND kind IN"
        + " ('MINUTES_PDF', 'MINUTES_COPY', 'PUBLIC_PDF')", Integer.class, meeting.businessKey);
    report.row("6 documents H2", "minutes DOCX of a 10-item meeting (model + render), median ms", f(docx, 1), null,
        null, null, null);
    report.row("6 documents H2", "minutes PDF/A-2u of the same meeting (model + render), median ms", f(pdfMedian, 1),
        null, null, null, null);
    report.row("6 documents H2", "  minutes rendered and stored per meeting: DOCX / PDF (to sign, copy, public)",
        docxStored + " / " + pdfStored, null, null, null, null);
    if (lifecycleMs != null) {
      report.row("6 documents H2", "  share of the lifecycle (stored DOCX × DOCX time + stored PDF × PDF time)",
          f(100.0 * (docxStored * docx + pdfStored * pdfMedian) / lifecycleMs, 1) + " %", null, null, null, null);
    }
    report.detail("documents", Map.of("minutesDocxMs", docxMs, "minutesPdfMs", pdfMs, "docxBytes", docxBytes,
        "pdfBytes", pdfBytes, "docxStoredPerMeeting", docxStored, "pdfStoredPerMeeting", pdfStored));
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
