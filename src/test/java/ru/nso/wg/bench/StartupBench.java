package ru.nso.wg.bench;

import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.bench.bare.BareCamundaApp;
import ru.nso.wg.process.MeetingProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static ru.nso.wg.bench.BenchReport.f;
import static ru.nso.wg.bench.BenchReport.median;

/**
 * 3. Start-up: wall time from launching the JVM to the first HTTP 200 of {@code /actuator/health} (the web server,
 * the database, the engine and — for the application — its own start-up work are done), and the peak RSS of the
 * JVM at that moment (VmHWM).
 *
 * <p>Fairness: both sides are separate JVMs launched from the same classpath (the benchmark's), with the same JVM
 * flags, each on its own fresh H2 file database, alternated. The baseline is {@link BareCamundaApp}: the Camunda
 * 7.24 Spring Boot starter with the same webapps, REST API, actuator and engine settings as the application
 * (authorization on, history full, JSON serialization, admin user, job executor on), but none of the application's
 * beans, migrations or models. Also: the application on a copy of a database holding 1,000 finished meetings
 * (seeded with {@link HistoryCloner}) against the empty one, and the RSS with the Dockerfile's flags in a 1 GiB
 * container (emulated with {@code -XX:MaxRAM=1g}).
 */
final class StartupBench {

  /** The JVM flags the Dockerfile sets (kept in step with it by hand). */
  static final List<String> DOCKERFILE_FLAGS = List.of("-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-Xss512k",
      "-XX:+ExitOnOutOfMemoryError");
  private static final List<String> COMMON_FLAGS = List.of("-Duser.timezone=UTC", "-Dfile.encoding=UTF-8");

  private final BenchReport report;
  private final boolean smoke;
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private int runNo;

  StartupBench(BenchReport report, boolean smoke, Path dir, int port) {
    this.report = report;
    this.smoke = smoke;
    this.dir = dir;
    this.port = port;
  }

  enum Kind { BARE, APP, APP_HISTORY }

  record Result(double seconds, long peakRssKb, long rssKb) {
  }

  void run() throws Exception {
    Path seeded = seedHistory(smoke ? 10 : 1000, smoke ? 2 : 5);
    int rounds = smoke ? 1 : 5; // the issue: alternated 5 times
    Map<Kind, List<Result>> results = new LinkedHashMap<>();
    for (Kind kind : Kind.values()) {
      results.put(kind, new ArrayList<>());
    }
    for (int round = 0; round < rounds; round++) {
      List<Kind> order = switch (round % 3) {
        case 0 -> List.of(Kind.BARE, Kind.APP, Kind.APP_HISTORY);
        case 1 -> List.of(Kind.APP, Kind.APP_HISTORY, Kind.BARE);
        default -> List.of(Kind.APP_HISTORY, Kind.BARE, Kind.APP);
      };
      for (Kind kind : order) {
        results.get(kind).add(launch(kind, seeded, List.of()));
      }
    }
    List<Result> docker = new ArrayList<>();
    for (int i = 0; i < (smoke ? 0 : 1); i++) {
      List<String> flags = new ArrayList<>(DOCKERFILE_FLAGS);
      flags.add("-XX:MaxRAM=1g");
      docker.add(launch(Kind.APP, seeded, flags));
    }
    double bare = median(seconds(results.get(Kind.BARE)));
    double app = median(seconds(results.get(Kind.APP)));
    double hist = median(seconds(results.get(Kind.APP_HISTORY)));
    // the ratios are medians of each round's own ratio: the machine's load changes between rounds far more than
    // within one (three launches in a row)
    double appToBare = pairedRatio(results.get(Kind.APP), results.get(Kind.BARE));
    double histToApp = pairedRatio(results.get(Kind.APP_HISTORY), results.get(Kind.APP));
    report.row("3 start-up H2", "JVM start to HTTP 200, median of " + rounds + " alternated, s", f(app, 1),
        f(bare, 1) + " (bare Camunda)", f(appToBare, 2), "≤ 1.10", smoke ? null : appToBare <= 1.10);
    report.row("3 start-up H2", "  with " + (smoke ? 10 : 1000) + " finished meetings in the database, s", f(hist, 1),
        f(app, 1) + " (empty)", f(histToApp, 2), "≤ 1.05", smoke ? null : histToApp <= 1.05);
    double bareRss = median(kb(results.get(Kind.BARE), true)) / 1024;
    double appRss = median(kb(results.get(Kind.APP), true)) / 1024;
    report.row("3 start-up H2", "  peak RSS at ready (VmHWM), default flags, MiB", f(appRss, 0),
        f(bareRss, 0) + " (bare Camunda)", f(appRss / bareRss, 2), null, null);
    report.row("5 memory", "RSS after start-up, default JVM flags, MiB", f(median(kb(results.get(Kind.APP),
        false)) / 1024, 0),
        f(median(kb(results.get(Kind.BARE), false)) / 1024, 0) + " (bare Camunda)", null, null, null);
    if (!docker.isEmpty()) {
      String flags = String.join(" ", DOCKERFILE_FLAGS);
      report.row("5 memory", "RSS after start-up, Dockerfile flags in 1 GiB (" + flags + "), MiB",
          f(median(kb(docker, false)) / 1024, 0), null, null, null, null);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    results.forEach((k, v) -> d.put(k.name(), v));
    d.put("APP_DOCKERFILE_FLAGS_1G", docker);
    report.detail("startup", d);
  }

  /** The median of {@code a[i] / b[i]}: each round's ratio. */
  private static double pairedRatio(List<Result> a, List<Result> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      ratios.add(a.get(i).seconds() / b.get(i).seconds());
    }
    return median(ratios);
  }

  private static List<Double> seconds(List<Result> results) {
    return results.stream().map(Result::seconds).toList();
  }

  private static List<Double> kb(List<Result> results, boolean peak) {
    return results.stream().map(r -> (double) (peak ? r.peakRssKb() : r.rssKb())).toList();
  }

  /** An H2 database holding {@code meetings} finished meetings, written by the application itself plus copies. */
  private Path seedHistory(int meetings, int templates) throws Exception {
    Path seedDir = dir.resolve("seed");
    try (BenchApp app = BenchApp.start(BenchApp.Db.H2, seedDir, port + 50)) {
      HistoryCloner cloner = new HistoryCloner(app.bean(DataSource.class));
      cloner.baseline();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < templates; i++) {
        MeetingDriver meeting = new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), Bench.ITEMS,
            Bench.INSTRUCTIONS);
        meeting.runAll();
        keys.add(meeting.businessKey);
      }
      cloner.cloneTemplates(keys, meetings / templates - 1);
      long finished = app.engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(MeetingProcess.KEY).finished().count();
      report.detail("startupSeed", Map.of("finishedMeetings", finished, "openTasks",
          app.engine.getTaskService().createTaskQuery().count()));
    }
    // H2 writes a bulk copy as many small chunks and keeps the old ones: 1,000 meetings left a 17 GB file that every
    // start-up had to open. A database that grew over years is compacted by H2 as it goes; SHUTDOWN COMPACT gives the
    // copy the size such a database has, so the figure measures the application, not the bulk load's leftovers.
    Path db = seedDir.resolve("db");
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.resolve("wg-meetings").toAbsolutePath(),
        "sa", ""); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN COMPACT");
    }
    return db;
  }

  private Result launch(Kind kind, Path seededDb, List<String> extraFlags) throws Exception {
    Path runDir = dir.resolve("run-" + (++runNo) + "-" + kind.name().toLowerCase());
    Files.createDirectories(runDir.resolve("db"));
    if (kind == Kind.APP_HISTORY) {
      try (var files = Files.list(seededDb)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".mv.db")).toList()) {
          Files.copy(f, runDir.resolve("db").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    int p = port + runNo % 40;
    String dbUrl = "jdbc:h2:file:" + runDir.resolve("db/wg-meetings").toAbsolutePath()
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(COMMON_FLAGS);
    cmd.addAll(extraFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    if (kind == Kind.BARE) {
      cmd.addAll(List.of(BareCamundaApp.class.getName(),
          "--spring.config.name=bench-bare-camunda",
          "--server.address=127.0.0.1",
          "--server.port=" + p,
          "--spring.datasource.url=" + dbUrl,
          "--spring.flyway.enabled=false",
          "--camunda.bpm.admin-user.id=admin",
          "--camunda.bpm.admin-user.password=admin",
          "--camunda.bpm.auto-deployment-enabled=false",
          "--camunda.bpm.authorization.enabled=true",
          "--camunda.bpm.history-level=full",
          "--camunda.bpm.default-serialization-format=application/json",
          "--camunda.bpm.database.schema-update=true",
          "--camunda.bpm.job-execution.enabled=true",
          "--camunda.bpm.webapp.application-path=/camunda",
          "--camunda.bpm.webapp.index-redirect-enabled=true"));
    } else {
      cmd.addAll(List.of(WgMeetingsApplication.class.getName(),
          "--server.port=" + p,
          "--spring.datasource.url=" + dbUrl,
          "--wg.calendar.directory=" + runDir.resolve("calendar"),
          "--wg.mail.outbox-dir=" + runDir.resolve("outbox"),
          "--wg.templates.directory=" + runDir.resolve("templates")));
    }
    ProcessBuilder builder = new ProcessBuilder(cmd).directory(runDir.toFile())
        .redirectErrorStream(true).redirectOutput(runDir.resolve("out.log").toFile());
    long t0 = System.nanoTime();
    Process process = builder.start();
    try {
      long deadline = System.currentTimeMillis() + 300_000;
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(kind + " exited with " + process.exitValue() + ", see "
              + runDir.resolve("out.log"));
        }
        if (healthy(p)) {
          break;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException(kind + " did not answer within 5 minutes, see " + runDir.resolve("out.log"));
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      long[] rss = rss(process.pid());
      Result result = new Result(seconds, rss[0], rss[1]);
      System.out.printf("[bench] start-up %-12s %s %.1f s, peak RSS %d MiB%n", kind, String.join(" ", extraFlags),
          seconds, rss[0] / 1024);
      return result;
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private boolean healthy(int p) {
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p
          + "/actuator/health"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** VmHWM and VmRSS of a process, in KiB (0 where /proc is not there). */
  static long[] rss(long pid) {
    long hwm = 0;
    long rss = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          hwm = Long.parseLong(line.replaceAll("\\D", ""));
        } else if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not Linux
    }
    return new long[] {hwm, rss};
  }
}
