package ru.nso.wg.bench;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.nso.wg.WgMeetingsApplication;
import ru.nso.wg.platform.PostgresTestSupport;
import ru.nso.wg.process.DecisionControlProcess;
import ru.nso.wg.process.MeetingProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The application started inside the benchmark's JVM (as in production: web server, job executor, demo roster,
 * outbox mail) on H2 (a file database in a temporary directory) or on the embedded PostgreSQL of the tests, with the
 * floor models of the benchmark deployed next to the real ones.
 */
final class BenchApp implements AutoCloseable {

  enum Db { H2, POSTGRES }

  final ConfigurableApplicationContext context;
  final ProcessEngine engine;
  final Db db;
  final Path dir;
  final int port;

  private BenchApp(ConfigurableApplicationContext context, Db db, Path dir, int port) {
    this.context = context;
    this.engine = context.getBean(ProcessEngine.class);
    this.db = db;
    this.dir = dir;
    this.port = port;
  }

  static BenchApp start(Db db, Path dir, int port, String... extra) throws Exception {
    TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    Files.createDirectories(dir);
    List<String> args = new ArrayList<>(List.of(
        "--server.port=" + port,
        "--wg.calendar.directory=" + dir.resolve("calendar"),
        "--wg.mail.outbox-dir=" + dir.resolve("outbox"),
        "--wg.templates.directory=" + dir.resolve("templates"),
        // its own trust store: the driver's test CA is made once per JVM (signature.TestSigning), and the memory
        // benchmark runs in a JVM of its own
        "--wg.signature.trust-store=" + dir.resolve("trust-store"),
        "--camunda.bpm.job-execution.enabled=true",
        "--logging.level.root=WARN",
        "--logging.level.org.camunda=WARN",
        "--spring.main.banner-mode=off"));
    if (db == Db.H2) {
      args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db/wg-meetings").toAbsolutePath()
          + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0"); // as the embedded default
    } else {
      args.addAll(List.of(PostgresTestSupport.newDatabase().springArguments()));
    }
    args.addAll(List.of(extra));
    args.add("--wg.models.check-exempt-sources=wg-test-fixture"); // the floor models are not the shipped ones
    ConfigurableApplicationContext context = new SpringApplicationBuilder(WgMeetingsApplication.class)
        .run(args.toArray(String[]::new));
    BenchApp app = new BenchApp(context, db, dir, port);
    app.engine.getRepositoryService().createDeployment().name("bench-floor").source("wg-test-fixture")
        .addClasspathResource("bench/floor-meeting.bpmn")
        .addClasspathResource("bench/floor-decision.bpmn")
        .enableDuplicateFiltering(true)
        .deploy();
    app.grantFloorLikeReal(MeetingProcess.KEY, MeetingDriver.FLOOR_MEETING);
    app.grantFloorLikeReal(DecisionControlProcess.KEY, MeetingDriver.FLOOR_DECISION);
    return app;
  }

  /** The floor's definitions get the same authorizations as the real ones (so both pay the same checks). */
  private void grantFloorLikeReal(String realKey, String floorKey) {
    var authorizations = engine.getAuthorizationService();
    for (var real : authorizations.createAuthorizationQuery()
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(realKey).list()) {
      var query = authorizations.createAuthorizationQuery()
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(floorKey);
      boolean exists = (real.getUserId() != null ? query.userIdIn(real.getUserId())
          : query.groupIdIn(real.getGroupId()))
          .count() > 0;
      if (exists) {
        continue;
      }
      var copy = authorizations.createNewAuthorization(real.getAuthorizationType());
      copy.setResource(Resources.PROCESS_DEFINITION);
      copy.setResourceId(floorKey);
      copy.setUserId(real.getUserId());
      copy.setGroupId(real.getGroupId());
      ((AuthorizationEntity) copy).setPermissions(
          ((AuthorizationEntity) real).getPermissions());
      authorizations.saveAuthorization(copy);
    }
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
