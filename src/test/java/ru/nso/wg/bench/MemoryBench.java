package ru.nso.wg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ru.nso.wg.process.MeetingProcess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static ru.nso.wg.bench.BenchReport.f;

/**
 * 5. Memory: the application in its own JVM with {@code -Xmx512m} (and {@code -XX:+ExitOnOutOfMemoryError}, so an
 * OutOfMemoryError ends the run), on H2, with about 1,000 meetings in flight, each waiting at one of 13 different
 * steps (from the chair's confirmation through every stage of the voting to publication): 13 meetings driven there
 * for real, the rest copies of them ({@link HistoryCloner}). Then Tasklist-like queries over all of them and two more
 * whole meetings run; then a full GC and the heap in use is read.
 */
public final class MemoryBench {

  /** Actions taken per template meeting, so each waits at a different step (see {@link MeetingDriver#run}). */
  static final int[] ACTIONS = {1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 16, 17, 18};
  private static final String RESULT = "MEMORY-RESULT ";

  /** Launches the child JVM and reports its figures. */
  static void runChild(BenchReport report, boolean smoke, Path dir) throws Exception {
    Files.createDirectories(dir);
    int meetings = smoke ? 10 : 1000;
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), MemoryBench.class.getName(),
        dir.toAbsolutePath().toString(), String.valueOf(meetings), String.valueOf(Bench.basePort + 5));
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    JsonNode result = null;
    List<String> tail = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(RESULT)) {
          result = new ObjectMapper().readTree(line.substring(RESULT.length()));
        } else if (line.startsWith("[bench]")) {
          System.out.println(line);
        }
        tail.add(line);
        if (tail.size() > 40) {
          tail.remove(0);
        }
      }
    }
    int exit = process.waitFor();
    boolean oom = tail.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
    if (result == null) {
      report.row("5 memory", "-Xmx512m with " + meetings + " meetings in flight", oom ? "OutOfMemoryError"
          : "failed (exit " + exit
              + ")",
          null, null, "no OOM", smoke ? null : false);
      throw new IllegalStateException("memory benchmark JVM ended with " + exit + ":\n" + String.join("\n", tail));
    }
    double heapMb = result.get("heapAfterFullGcBytes").asLong() / 1048576.0;
    report.row("5 memory", "heap after full GC, -Xmx512m, " + result.get("inFlight").asLong()
        + " meetings in flight, MiB",
        f(heapMb, 0), null, null, "≤ 512 MiB, no OOM", smoke ? null : heapMb <= 512 && !oom);
    report.row("5 memory", "  RSS of that JVM, MiB", f(result.get("rssKb").asLong() / 1024.0, 0), null, null, null,
        null);
    report.detail("memory", new ObjectMapper().convertValue(result, Map.class));
  }

  /** The child: {@code MemoryBench <dir> <meetings> <port>}. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int meetings = Integer.parseInt(args[1]);
    int port = Integer.parseInt(args[2]);
    Map<String, Object> result = new LinkedHashMap<>();
    try (BenchApp app = BenchApp.start(BenchApp.Db.H2, dir, port)) {
      HistoryCloner cloner = new HistoryCloner(app.bean(DataSource.class));
      cloner.baseline();
      List<String> keys = new ArrayList<>();
      long t0 = System.nanoTime();
      // the smoke run (a handful of meetings) uses the first steps only, which are quick to reach
      int[] steps = meetings < 100 ? Arrays.copyOf(ACTIONS, 5) : ACTIONS;
      for (int actions : steps) {
        MeetingDriver meeting = new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), Bench.ITEMS,
            Bench.INSTRUCTIONS);
        meeting.run(actions);
        keys.add(meeting.businessKey);
      }
      int copies = (meetings + steps.length - 1) / steps.length - 1;
      long rows = cloner.cloneTemplates(keys, copies);
      System.out.printf("[bench] memory: %d templates in %.0f s, %d rows copied%n", keys.size(),
          (System.nanoTime() - t0) / 1e9, rows);
      long inFlight = app.engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(MeetingProcess.KEY).active().count();
      // what Tasklist and the engine do with all of them around
      long tasks = app.engine.getTaskService().createTaskQuery().count();
      for (int page = 0; page * 100 < tasks; page++) {
        app.engine.getTaskService().createTaskQuery().orderByDueDate().asc().listPage(page * 100, 100);
      }
      for (int i = 0; i < 2; i++) {
        new MeetingDriver(app.engine, false, new MeetingDriver.StepTimes(), Bench.ITEMS, Bench.INSTRUCTIONS).runAll();
      }
      System.gc();
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      result.put("inFlight", inFlight);
      result.put("openTasks", tasks);
      result.put("heapAfterFullGcBytes", heap);
      result.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
      result.put("rssKb", StartupBench.rss(ProcessHandle.current().pid())[1]);
      result.put("rowsCopied", rows);
    }
    System.out.println(RESULT + new ObjectMapper().writeValueAsString(result));
    System.exit(0);
  }
}
