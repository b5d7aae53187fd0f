package ru.nso.wg.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.nso.wg.cluster.ItSupport.Meeting;
import ru.nso.wg.notification.MailComposer;
import ru.nso.wg.platform.PostgresTestSupport;
import ru.nso.wg.process.MeetingProcess;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.cluster.ItSupport.ADMIN;
import static ru.nso.wg.cluster.ItSupport.CHAIR;
import static ru.nso.wg.cluster.ItSupport.JSON;
import static ru.nso.wg.cluster.ItSupport.PASSWORD;
import static ru.nso.wg.cluster.ItSupport.SECRETARY;
import static ru.nso.wg.cluster.ItSupport.agenda;
import static ru.nso.wg.cluster.ItSupport.awaitCondition;
import static ru.nso.wg.cluster.ItSupport.awaitTask;
import static ru.nso.wg.cluster.ItSupport.completeTask;
import static ru.nso.wg.cluster.ItSupport.count;
import static ru.nso.wg.cluster.ItSupport.freePort;
import static ru.nso.wg.cluster.ItSupport.json;
import static ru.nso.wg.cluster.ItSupport.meetingDate;
import static ru.nso.wg.cluster.ItSupport.seconds;
import static ru.nso.wg.cluster.ItSupport.startMeeting;
import static ru.nso.wg.cluster.ItSupport.vars;

/**
 * Two nodes of the application (the built jar, as two child JVMs) on one PostgreSQL (embedded, zonky) with one SMTP
 * server (GreenMail, behind a proxy that slows every SMTP exchange down a little so that a distribution takes
 * seconds, not milliseconds), driven over HTTP as users and a load balancer would:
 *
 * <ol>
 *   <li>both nodes start at the same moment on the empty database;</li>
 *   <li>a web session created on one node works on the other, the webapps' CSRF token included;</li>
 *   <li>10 meetings are started at the same moment through both nodes: unique consecutive numbers;</li>
 *   <li>an administrator changes the production calendar on node A: node B computes with it within seconds, and
 *       the waiting deadline timers and open tasks are recalculated once, by A;</li>
 *   <li>every timer of the meetings is made due: both nodes run them, each reminder goes out once;</li>
 *   <li>the meetings are driven alternately through both nodes to the distribution of the agenda, and node A is
 *       killed (SIGKILL) in the middle of it: node B takes its jobs over after the job lock time;</li>
 *   <li>every recipient got each message exactly once (or twice with the same Message-ID for a message that was in
 *       flight at the kill: counted and printed), and no job is left without retries.</li>
 * </ol>
 *
 * Runs in Maven's {@code integration-test} phase (maven-failsafe-plugin, after {@code package} built the jar); its
 * figures are printed to the build log, the nodes' logs are {@code target/cluster-it/node-*.log}.
 */
class ClusterIT {

  private static final int MEETINGS = 10;
  /** The job lock time of both nodes: how long a dead node's jobs stay locked before the other takes them over. */
  private static final Duration JOB_LOCK_TIME = Duration.ofSeconds(15);

  private static final Path WORK = Path.of("target", "cluster-it").toAbsolutePath();
  private static final Map<String, Object> FIGURES = new LinkedHashMap<>();

  private static PostgresTestSupport.Database database;
  private static GreenMail greenMail;
  private static SlowSmtpProxy smtp;
  private static AppNode nodeA;
  private static AppNode nodeB;

  @BeforeAll
  static void infrastructure() throws IOException {
    Files.createDirectories(WORK);
    database = PostgresTestSupport.newDatabase();
    greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    smtp = new SlowSmtpProxy(greenMail.getSmtp().getPort(), Duration.ofMillis(25));
    nodeA = new AppNode("node-A", WORK, database, smtp.port(), JOB_LOCK_TIME);
    nodeB = new AppNode("node-B", WORK, database, smtp.port(), JOB_LOCK_TIME);
  }

  @AfterAll
  static void tearDown() {
    for (AppNode node : new AppNode[] {nodeA, nodeB}) {
      if (node != null) {
        node.stop();
      }
    }
    ItSupport.finish(smtp, greenMail, "ClusterIT", FIGURES);
  }

  @Test
  void twoNodesOnOneDatabase() throws Exception {
    long testStarted = System.nanoTime();

    // 1. both nodes start at the same moment on the empty database
    long startStarted = System.nanoTime();
    nodeA.start();
    nodeB.start();
    nodeA.awaitUp(Duration.ofMinutes(5));
    nodeB.awaitUp(Duration.ofMinutes(5));
    FIGURES.put("both nodes up after a simultaneous start (s)", seconds(startStarted));
    assertThat(nodeA.process.isAlive()).isTrue();
    assertThat(nodeB.process.isAlive()).isTrue();
    assertBootstrappedOnce();

    // 2. a session of one node works on the other (webapp login with its CSRF token across the nodes)
    sessionsAreShared();

    // 3. ten meetings at the same moment through both nodes
    LocalDate meetingDate = meetingDate(nodeA);
    List<Meeting> meetings = startMeetingsConcurrently(meetingDate);
    List<Integer> numbers = meetings.stream().map(Meeting::number).sorted().toList();
    FIGURES.put("meeting numbers", numbers);
    assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, MEETINGS).boxed().toList());
    assertThat(meetings.stream().map(Meeting::key).distinct().count()).isEqualTo(MEETINGS);

    for (int i = 0; i < meetings.size(); i++) {
      Meeting meeting = meetings.get(i);
      completeTask(node(i), meeting, MeetingProcess.Elements.CONFIRM_MEETING, CHAIR,
          vars(MeetingProcess.Vars.PRESIDING_MODE.name(), "SELF", "String"));
    }
    for (Meeting meeting : meetings) {
      awaitTask(nodeB, meeting, MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY);
    }

    // 4. a calendar change on node A: node B uses it within seconds; timers and tasks recalculated once, by A
    calendarChangeOnOneNodeReachesTheOther(meetings, meetingDate);

    // 5. every timer of the meetings made due: both nodes run them, each once
    makeTimersDueAndAwait(meetings);

    // 6. driven alternately to the distribution of the agenda; node A killed in the middle of it
    for (int i = 0; i < meetings.size(); i++) {
      completeTask(node(i + 1), meetings.get(i), MeetingProcess.Elements.PREPARE_AGENDA, SECRETARY,
          vars(MeetingProcess.Vars.AGENDA_ITEMS.name(), agenda(), "Json"));
    }
    for (int i = 0; i < meetings.size(); i++) {
      completeTask(node(i), meetings.get(i), MeetingProcess.Elements.APPROVE_AGENDA, CHAIR,
          vars(MeetingProcess.Vars.AGENDA_DECISION.name(), "APPROVE", "String"));
    }
    int mailsBefore = greenMail.getReceivedMessages().length;
    for (int i = 0; i < meetings.size(); i++) {
      ObjectNode values = vars(MeetingProcess.Vars.REFERENCE_MATERIALS.name(), "https://example.org/reference.pdf",
          "String");
      values.set(MeetingProcess.Vars.MATERIALS_READY.name(), JSON.createObjectNode().put("value", true)
          .put("type", "Boolean"));
      completeTask(node(i + 1), meetings.get(i), MeetingProcess.Elements.DISTRIBUTE_AGENDA, SECRETARY, values);
    }
    awaitCondition(Duration.ofMinutes(2), "the distribution to begin",
        () -> greenMail.getReceivedMessages().length >= mailsBefore + 10);
    int pendingAtKill = pendingJobs(MeetingProcess.Elements.SEND_AGENDA);
    int lockedAtKill = lockedJobs(MeetingProcess.Elements.SEND_AGENDA);
    int mailsAtKill = greenMail.getReceivedMessages().length - mailsBefore;
    long killedAt = System.nanoTime();
    nodeA.kill();
    FIGURES.put("agenda mails received when node A was killed", mailsAtKill);
    FIGURES.put("agenda jobs pending / locked at the kill", pendingAtKill + " / " + lockedAtKill);
    assertThat(pendingAtKill).as("the kill must come in the middle of the distribution").isPositive();

    awaitCondition(Duration.ofMinutes(3), "node B to finish every distribution",
        () -> pendingJobs(MeetingProcess.Elements.SEND_AGENDA) == 0);
    FIGURES.put("takeover: all distributions done after the kill (s)", seconds(killedAt));
    FIGURES.put("job lock time (s)", JOB_LOCK_TIME.toSeconds());
    for (Meeting meeting : meetings) {
      assertThat(meetingStatus(meeting)).as(meeting.key()).isEqualTo("AGENDA_SENT");
    }

    // 7. every recipient got each message once; no job left without retries
    assertEveryMessageOnce(meetings);
    assertNoJobWithoutRetries();

    // 8. the database goes away: health answers DOWN at once, not after Hikari's default 30 s
    healthAnswersDownDuringADatabaseOutage();
    FIGURES.put("whole test (s)", seconds(testStarted));
  }

  // ------------------------------------------------------------------------------------------------- the steps

  private static void assertBootstrappedOnce() throws SQLException {
    try (Connection db = connect(); Statement statement = db.createStatement()) {
      assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT key_ FROM act_re_procdef GROUP BY key_"
          + " HAVING COUNT(*) > 1) d")).as("processes deployed twice").isZero();
      assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT name_ FROM act_ru_filter GROUP BY name_"
          + " HAVING COUNT(*) > 1) d")).as("Tasklist filters created twice").isZero();
      assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT group_id_, resource_type_, resource_id_"
          + " FROM act_ru_authorization WHERE group_id_ IS NOT NULL AND resource_type_ <> 5"
          + " GROUP BY group_id_, resource_type_, resource_id_ HAVING COUNT(*) > 1) d"))
          .as("group authorizations created twice").isZero();
      assertThat(count(statement, "SELECT COUNT(*) FROM act_id_user WHERE id_ = 'smirnova'")).isOne();
      assertThat(count(statement, "SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'wg-meeting'")).isOne();
      assertThat(count(statement, "SELECT COUNT(*) FROM wg_calendar_change")).as("calendar seeded once").isOne();
      FIGURES.put("Tasklist filters / deployments after both starts",
          count(statement, "SELECT COUNT(*) FROM act_ru_filter") + " / "
              + count(statement, "SELECT COUNT(*) FROM act_re_deployment"));
    }
  }

  private static void sessionsAreShared() {
    // the CSRF handshake on B, the login on A with B's token and cookies (a round-robin load balancer)
    HttpResponse<String> welcome = nodeB.send(nodeB.request("/camunda/app/welcome/default/").GET());
    assertThat(welcome.statusCode()).isEqualTo(200);
    Map<String, String> cookies = new LinkedHashMap<>();
    collectCookies(welcome, cookies);
    String csrf = welcome.headers().firstValue("X-XSRF-TOKEN").orElse(cookies.get("XSRF-TOKEN"));
    assertThat(csrf).as("CSRF token").isNotNull();
    HttpResponse<String> login = nodeA.send(nodeA.request("/camunda/api/admin/auth/user/default/login/welcome")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .header("Cookie", cookieHeader(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(SECRETARY) + "&password=" + encode(PASSWORD))));
    assertThat(login.statusCode()).as("login on A with the session and token of B: " + login.body()).isEqualTo(200);
    collectCookies(login, cookies);
    assertThat(cookies).containsKey("JSESSIONID");

    // the session (now A's) on B: who is logged in; the login began a new session, so this GET issues its token
    HttpResponse<String> user = nodeB.send(nodeB.request("/camunda/api/admin/auth/user/default")
        .header("Cookie", cookieHeader(cookies)).GET());
    assertThat(user.statusCode()).isEqualTo(200);
    assertThat(json(user.body()).path("userId").asText()).isEqualTo(SECRETARY);
    collectCookies(user, cookies);
    String token = user.headers().firstValue("X-XSRF-TOKEN").orElse(cookies.get("XSRF-TOKEN"));
    // a POST that needs the token, on the other node
    HttpResponse<String> withToken = nodeA.send(nodeA.request("/camunda/api/engine/engine/default/task/count")
        .header("Cookie", cookieHeader(cookies)).header("X-XSRF-TOKEN", token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
    // the application's own API accepts the shared session too
    HttpResponse<String> api = nodeB.send(nodeB.request("/api/calendar").header("Cookie", cookieHeader(cookies)).GET());
    assertThat(api.statusCode()).isEqualTo(200);
    // and without the token the POST is refused (Camunda then ends the session: last)
    HttpResponse<String> withoutToken = nodeB.send(nodeB.request("/camunda/api/engine/engine/default/task/count")
        .header("Cookie", cookieHeader(cookies)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(withoutToken.statusCode()).as("a POST without the CSRF token").isEqualTo(403);
    FIGURES.put("web session: login on A with B's CSRF token, used on B", "ok");
  }

  private static List<Meeting> startMeetingsConcurrently(LocalDate date) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(MEETINGS);
    CountDownLatch together = new CountDownLatch(1);
    try {
      List<Future<Meeting>> starts = new ArrayList<>();
      for (int i = 0; i < MEETINGS; i++) {
        AppNode node = node(i);
        String start = date + "T" + String.format("%02d:%02d", 9 + i / 2, (i % 2) * 30) + "+07:00";
        starts.add(pool.submit(() -> {
          together.await();
          return startMeeting(node, start);
        }));
      }
      together.countDown();
      List<Meeting> meetings = new ArrayList<>();
      for (Future<Meeting> start : starts) {
        meetings.add(start.get(3, TimeUnit.MINUTES));
      }
      return meetings;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void calendarChangeOnOneNodeReachesTheOther(List<Meeting> meetings, LocalDate meetingDate)
      throws Exception {
    int year = meetingDate.getYear();
    String bundled;
    try (InputStream in = ClusterIT.class.getResourceAsStream("/calendar/" + year + ".json")) {
      assertThat(in).as("bundled calendar of " + year).isNotNull();
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> listed = new HashSet<>();
    json(bundled).path("days").forEach(day -> listed.add(day.path("date").asText()));
    LocalDate dayOff = meetingDate.minusDays(1);
    while (dayOff.getDayOfWeek().getValue() >= 6 || listed.contains(dayOff.toString())) {
      dayOff = dayOff.minusDays(1);
    }
    String before = json(nodeB.get("/api/calendar/working-days?from=" + meetingDate + "&add=-1", ADMIN).body())
        .path("date").asText();
    assertThat(before).isEqualTo(dayOff.toString());
    Map<String, String> dueBefore = timerDueDates(meetings);
    Map<String, String> taskDueBefore = taskDueDates(meetings);

    Path file = nodeA.calendarDir.resolve(year + ".json");
    Files.writeString(file, bundled.replace("\"days\": [", "\"days\": [\n    { \"date\": \"" + dayOff
        + "\", \"type\": \"non-working\", \"reason\": \"Дополнительный выходной день (проверка кластера)\" },"));
    long reloadedAt = System.nanoTime();
    HttpResponse<String> reload = nodeA.post("/api/calendar/reload", ADMIN, "");
    FIGURES.put("calendar reload on A with its recalculation (ms)", (System.nanoTime() - reloadedAt) / 1_000_000);
    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    JsonNode report = json(reload.body());
    assertThat(report.path("changedYears").toString()).isEqualTo("[" + year + "]");
    assertThat(report.path("timersFailed").size()).isZero();

    awaitCondition(Duration.ofSeconds(30), "node B to compute with the new calendar", () -> !json(
        nodeB.get("/api/calendar/working-days?from=" + meetingDate + "&add=-1", ADMIN).body()).path("date").asText()
        .equals(before));
    FIGURES.put("calendar change seen by B, from the reload request (ms)",
        (System.nanoTime() - reloadedAt) / 1_000_000);

    Map<String, String> dueAfter = timerDueDates(meetings);
    long timersChanged = dueBefore.keySet().stream().filter(id -> !dueBefore.get(id).equals(dueAfter.get(id))).count();
    Map<String, String> taskDueAfter = taskDueDates(meetings);
    long tasksChanged = taskDueBefore.keySet().stream()
        .filter(id -> !taskDueBefore.get(id).equals(taskDueAfter.get(id))).count();
    // per meeting: the two deadline timers of its open step and the quorum forecast (§ 14, attendance replies)
    assertThat(timersChanged).as("deadline timers of the meetings moved").isEqualTo(3L * MEETINGS);
    assertThat(report.path("timersMoved").size()).isEqualTo((int) timersChanged);
    assertThat(tasksChanged).as("open tasks' dates moved").isEqualTo(MEETINGS);
    assertThat(report.path("tasksMoved").size()).isEqualTo((int) tasksChanged);

    // after a few polls of B: still one recalculation, by A; both nodes on the new version
    Thread.sleep(6_000);
    JsonNode recordOnB = json(nodeB.get("/api/calendar/record", ADMIN).body());
    JsonNode change = recordOnB.path("changes").get(0);
    assertThat(change.path("version").asLong()).isEqualTo(report.path("version").asLong());
    assertThat(change.path("recalculations").asInt()).as("recalculations of the change").isOne();
    assertThat(change.path("recalculatedBy").asText()).isEqualTo(nodeA.name);
    assertThat(change.path("changedBy").asText()).isEqualTo(ADMIN);
    assertThat(recordOnB.path("nodeVersion").asLong()).isEqualTo(report.path("version").asLong());
    assertThat(recordOnB.path("recalculatedVersion").asLong()).isEqualTo(report.path("version").asLong());
    assertThat(timerDueDates(meetings)).as("B recalculated nothing again").isEqualTo(dueAfter);
    FIGURES.put("calendar change: timers moved / tasks moved / recalculations", timersChanged + " / " + tasksChanged
        + " / " + change.path("recalculations").asInt());
  }

  private static void makeTimersDueAndAwait(List<Meeting> meetings) {
    int mailsBefore = greenMail.getReceivedMessages().length;
    String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .format(ZonedDateTime.now(ZoneId.of("UTC")).minusMinutes(1));
    Set<String> timers = new HashSet<>();
    for (int i = 0; i < meetings.size(); i++) {
      Meeting meeting = meetings.get(i);
      for (JsonNode job : json(nodeB.get("/engine-rest/job?timers=true&processInstanceId=" + meeting.id(), ADMIN)
          .body())) {
        HttpResponse<String> set = node(i).put("/engine-rest/job/" + job.path("id").asText() + "/duedate", ADMIN,
            "{\"duedate\":\"" + now + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
        timers.add(job.path("id").asText());
      }
    }
    FIGURES.put("timers made due", timers.size());
    assertThat(timers).hasSize(3 * MEETINGS); // the two deadline timers of the open step and the quorum forecast
    awaitCondition(Duration.ofMinutes(2), "both nodes to run the timers", () -> {
      for (Meeting meeting : meetings) {
        for (JsonNode job : json(nodeB.get("/engine-rest/job?timers=true&processInstanceId=" + meeting.id(), ADMIN)
            .body())) {
          if (timers.contains(job.path("id").asText())) {
            return false;
          }
        }
      }
      return pendingJobs(null) == 0;
    });
    FIGURES.put("mails sent by the timers", greenMail.getReceivedMessages().length - mailsBefore);
  }

  private static void assertEveryMessageOnce(List<Meeting> meetings) throws Exception {
    Map<String, List<String>> messageIdsByDelivery = new TreeMap<>();
    Map<String, Integer> byKind = new TreeMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      String meeting = message.getHeader(MailComposer.HEADER_MEETING, null);
      String kind = message.getHeader(MailComposer.HEADER_KIND, null);
      for (Address to : message.getAllRecipients()) {
        String delivery = meeting + " | " + kind + " | " + ((InternetAddress) to).getAddress();
        messageIdsByDelivery.computeIfAbsent(delivery, k -> new ArrayList<>()).add(message.getMessageID());
      }
      byKind.merge(kind, 1, Integer::sum);
    }
    int inFlightDuplicates = 0;
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<String>> delivery : messageIdsByDelivery.entrySet()) {
      List<String> ids = delivery.getValue();
      if (ids.size() == 2 && ids.get(0).equals(ids.get(1))) {
        inFlightDuplicates++; // sent, then the node died before it could record the delivery
      } else if (ids.size() != 1) {
        wrong.add(delivery.getKey() + " x" + ids.size() + " " + ids);
      }
    }
    FIGURES.put("mails received (all kinds)", greenMail.getReceivedMessages().length);
    FIGURES.put("mails by kind", byKind);
    FIGURES.put("deliveries (meeting, kind, recipient)", messageIdsByDelivery.size());
    FIGURES.put("in-flight duplicates at the kill (same Message-ID)", inFlightDuplicates);
    assertThat(wrong).as("recipients who got a message more than once").isEmpty();
    assertThat(inFlightDuplicates).as("at most one message per node thread in flight at the kill")
        .isLessThanOrEqualTo(10);
    for (Meeting meeting : meetings) {
      // the agenda to the 15 members of the demo roster, the invitation to the one invitee with an address
      assertThat(messageIdsByDelivery.keySet().stream().filter(k -> k.startsWith(meeting.key() + " | agenda#")).count())
          .as("agenda deliveries of " + meeting.key()).isEqualTo(15);
      assertThat(messageIdsByDelivery.keySet().stream().filter(k -> k.startsWith(meeting.key() + " | invitation#"))
          .count()).as("invitation deliveries of " + meeting.key()).isEqualTo(1);
    }
  }

  private static void assertNoJobWithoutRetries() throws SQLException {
    JsonNode noRetries = json(nodeB.get("/engine-rest/job/count?noRetriesLeft=true", ADMIN).body());
    JsonNode incidents = json(nodeB.get("/engine-rest/incident/count", ADMIN).body());
    FIGURES.put("jobs without retries / incidents", noRetries.path("count").asInt() + " / "
        + incidents.path("count").asInt());
    assertThat(noRetries.path("count").asInt()).isZero();
    assertThat(incidents.path("count").asInt()).isZero();
    try (Connection db = connect(); Statement statement = db.createStatement()) {
      assertThat(count(statement, "SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0")).isZero();
    }
  }

  private static void healthAnswersDownDuringADatabaseOutage() throws SQLException {
    // from the server's maintenance database (a database cannot shut itself): no new connection to the nodes'
    // database is accepted, and node B's are closed, so its pool has to open new ones and cannot
    String maintenance = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "postgres";
    try (Connection db = DriverManager.getConnection(maintenance, database.username(), database.password());
         Statement statement = db.createStatement()) {
      statement.execute("ALTER DATABASE " + database.username() + " ALLOW_CONNECTIONS false");
      statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
          + database.username() + "'");
    }
    long asked = System.nanoTime();
    // the request itself gives up after 5 s: an answer after that is a failure of the test
    HttpResponse<String> health = nodeB.send(nodeB.request("/actuator/health").timeout(Duration.ofSeconds(5)).GET());
    FIGURES.put("health during the database outage: status, answered after (ms)",
        health.statusCode() + " " + health.body() + ", " + (System.nanoTime() - asked) / 1_000_000);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(json(health.body()).path("status").asText()).isEqualTo("DOWN");
    assertThat(json(health.body()).has("components")).as("no details for anonymous callers").isFalse();
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private static AppNode node(int i) {
    return i % 2 == 0 ? nodeA : nodeB;
  }

  private static Map<String, String> timerDueDates(List<Meeting> meetings) {
    Map<String, String> due = new TreeMap<>();
    for (Meeting meeting : meetings) {
      for (JsonNode job : json(nodeB.get("/engine-rest/job?timers=true&processInstanceId=" + meeting.id(), ADMIN)
          .body())) {
        due.put(job.path("id").asText(), job.path("dueDate").asText());
      }
    }
    return due;
  }

  private static Map<String, String> taskDueDates(List<Meeting> meetings) {
    Map<String, String> due = new TreeMap<>();
    for (Meeting meeting : meetings) {
      for (JsonNode task : json(nodeB.get("/engine-rest/task?processInstanceId=" + meeting.id(), ADMIN).body())) {
        due.put(task.path("id").asText(), task.path("due").asText() + " " + task.path("followUp").asText());
      }
    }
    return due;
  }

  private static String meetingStatus(Meeting meeting) throws SQLException {
    try (Connection db = connect(); Statement statement = db.createStatement();
         ResultSet rs = statement.executeQuery("SELECT status FROM wg_meeting WHERE business_key = '" + meeting.key()
             + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  /** Jobs still to run: of one activity, or any when {@code activityId} is null (timers not yet due excluded). */
  private static int pendingJobs(String activityId) {
    try (Connection db = connect(); Statement statement = db.createStatement()) {
      return (int) count(statement, "SELECT COUNT(*) FROM act_ru_job j LEFT JOIN act_ru_jobdef d"
          + " ON j.job_def_id_ = d.id_ WHERE j.retries_ > 0 AND (j.duedate_ IS NULL OR j.duedate_ <= CURRENT_TIMESTAMP)"
          + (activityId == null ? " AND j.handler_type_ <> 'history-cleanup'"
              : " AND d.act_id_ = '" + activityId + "'"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int lockedJobs(String activityId) throws SQLException {
    try (Connection db = connect(); Statement statement = db.createStatement()) {
      return (int) count(statement, "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
          + " WHERE j.lock_owner_ IS NOT NULL AND d.act_id_ = '" + activityId + "'");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }

  private static void collectCookies(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        cookies.put(cookie.getName(), cookie.getValue());
      }
    }
  }

  private static String cookieHeader(Map<String, String> cookies) {
    return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

}
