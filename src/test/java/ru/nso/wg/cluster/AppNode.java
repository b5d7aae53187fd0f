package ru.nso.wg.cluster;

import ru.nso.wg.platform.PostgresTestSupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static ru.nso.wg.cluster.ItSupport.ADMIN;
import static ru.nso.wg.cluster.ItSupport.PASSWORD;
import static ru.nso.wg.cluster.ItSupport.awaitCondition;
import static ru.nso.wg.cluster.ItSupport.freePort;

/**
 * One application JVM: the jar built by {@code package}, started as a child process on a given PostgreSQL and SMTP
 * server, with the demo roster; its output goes to {@code <work>/<name>.log}. It can be started again after a
 * {@link #kill()} (same port, same directories), as an operator restarts a node.
 */
final class AppNode {
  final String name;
  final int port = freePort();
  final Path calendarDir;
  final Path log;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final Path home;
  private final PostgresTestSupport.Database database;
  private final int smtpPort;
  private final Duration jobLockTime;
  private Path jar;
  private List<String> jvmOptions = List.of();
  Process process;

  AppNode(String name, Path work, PostgresTestSupport.Database database, int smtpPort, Duration jobLockTime)
      throws IOException {
    this.name = name;
    this.home = work.resolve(name);
    this.database = database;
    this.smtpPort = smtpPort;
    this.jobLockTime = jobLockTime;
    this.calendarDir = Files.createDirectories(home.resolve("calendar"));
    try (var files = Files.list(calendarDir)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    this.log = work.resolve(name + ".log");
    Files.deleteIfExists(log); // one log per test run; the starts of one run append to it
  }

  String name() {
    return name;
  }

  /** The jar built by {@code package}. */
  static Path packagedJar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("wg-meetings-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("No application jar in target/: run mvn package first"));
    }
  }

  /**
   * The packaged jar unpacked by Spring Boot's {@code jarmode=tools extract} into {@code destination}: an application
   * jar with its libraries beside it, the layout the JVM's class-data sharing can archive (a nested jar cannot be).
   * Returns the application jar to start instead of the packaged one ({@link #useJar}).
   */
  static Path extractedJar(Path destination) throws IOException, InterruptedException {
    Path jar = packagedJar();
    Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
        "extract", "--force", "--destination", destination.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
      throw new AssertionError("Cannot extract " + jar + " into " + destination);
    }
    return destination.resolve(jar.getFileName()).toAbsolutePath();
  }

  /** The next starts use this jar and these extra JVM options (e.g. a class-data sharing archive). */
  void useJar(Path jar, List<String> options) {
    this.jar = jar;
    this.jvmOptions = List.copyOf(options);
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  void start() throws IOException {
    Path launched = jar != null ? jar : packagedJar();
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xss512k", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", launched.toAbsolutePath().toString(),
        "--server.address=127.0.0.1", "--server.port=" + port,
        "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
        "--spring.datasource.password=" + database.password(),
        "--spring.datasource.driver-class-name=org.postgresql.Driver",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--wg.mail.transport=smtp",
        "--wg.calendar.directory=" + calendarDir, "--wg.templates.directory=" + home.resolve("templates"),
        "--wg.mail.outbox-dir=" + home.resolve("outbox"), "--wg.node-name=" + name,
        "--wg.calendar.poll-interval=PT2S", "--WG_DEMO_ROSTER=true",
        "--camunda.bpm.job-execution.lock-time-in-millis=" + jobLockTime.toMillis(),
        "--camunda.bpm.generic-properties.properties.login-delay-base=0",
        "--logging.level.root=WARN", "--logging.level.ru.nso.wg=INFO"));
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  void awaitUp(Duration timeout) {
    awaitCondition(timeout, name + " to start (log: " + log + ")", () -> {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ", see " + log);
      }
      try {
        HttpResponse<String> health = send(request("/actuator/health").GET());
        return health.statusCode() == 200 && health.body().contains("UP");
      } catch (UncheckedIOException notYet) {
        return false;
      }
    });
  }

  /** SIGKILL: no shutdown hook, no closing of connections, jobs stay locked. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: a graceful shutdown (the JVM's exit work, e.g. writing a class-data sharing archive, is done). */
  void stop() {
    stop(Duration.ofSeconds(30));
  }

  void stop(Duration patience) {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
  }

  HttpRequest.Builder as(String path, String user) {
    String password = ADMIN.equals(user) ? "admin" : PASSWORD;
    return request(path).header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  HttpResponse<String> get(String path, String user) {
    HttpResponse<String> response = send(as(path, user).GET());
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " on " + name + ": HTTP " + response.statusCode() + " "
          + response.body());
    }
    return response;
  }

  HttpResponse<String> post(String path, String user, String body) {
    return send(as(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> put(String path, String user, String body) {
    return send(as(path, user).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
