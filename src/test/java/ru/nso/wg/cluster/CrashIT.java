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
import ru.nso.wg.process.MeetingProcess.Elements;
import ru.nso.wg.process.MeetingScenario;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.nso.wg.cluster.ItSupport.ADMIN;
import static ru.nso.wg.cluster.ItSupport.CHAIR;
import static ru.nso.wg.cluster.ItSupport.JSON;
import static ru.nso.wg.cluster.ItSupport.SECRETARY;
import static ru.nso.wg.cluster.ItSupport.awaitCondition;
import static ru.nso.wg.cluster.ItSupport.freePort;
import static ru.nso.wg.cluster.ItSupport.json;
import static ru.nso.wg.cluster.ItSupport.meetingDate;
import static ru.nso.wg.cluster.ItSupport.seconds;
import static ru.nso.wg.cluster.ItSupport.sleep;
import static ru.nso.wg.cluster.ItSupport.startMeeting;
import static ru.nso.wg.cluster.ItSupport.variable;
import static ru.nso.wg.cluster.ItSupport.vars;

/**
 * Nothing acknowledged is lost, nothing sent twice (issue 11, point 3): the application (the built jar, a child JVM)
 * on PostgreSQL (embedded, zonky) with GreenMail behind a slightly slow link, driven over REST as its users do —
 * meetings started, confirmed, agenda prepared, approved and <b>distributed</b> (16 messages per meeting, sent by an
 * asynchronous job), attendance recorded, <b>votes</b> recorded — and killed with SIGKILL at a random moment
 * ({@code crash.kills} times, default 20; the seed is printed and can be given as {@code -Dcrash.seed=N}), restarted
 * each time. After every restart, every step that had been answered 2xx before the kill is there (the task
 * completed in the history, the meeting, its attendance and its votes in the record). At the end every meeting is
 * driven on to its minutes and every distribution has finished; each recipient got each message once, or — the
 * documented window ({@code ru.nso.wg.notification.Delivery}) — again with the same Message-ID after a crash had left
 * that very message in doubt (its delivery-log row was tried more than once). Nothing is missing.
 *
 * <p>Runs in Maven's {@code integration-test} phase (maven-failsafe-plugin, after {@code package}); figures in the
 * build log, the node's log in {@code target/crash-it/}.
 */
class CrashIT {

  private static final int KILLS = Integer.getInteger("crash.kills", 20);
  /** Long enough that a running distribution never outlives it, short enough that a restart finds jobs free. */
  private static final Duration JOB_LOCK_TIME = Duration.ofSeconds(10);
  /** Each life: at least 1 and at most this many steps acknowledged, then a random moment up to ... */
  private static final int MAX_STEPS_BEFORE_KILL = 2;
  /** ... this many milliseconds later (steps in flight, distributions running), the kill. */
  private static final int MAX_DELAY_BEFORE_KILL_MS = 1_500;
  private static final int ITEMS = 2;
  private static final int MEETINGS_IN_FLIGHT = 2;
  private static final Path WORK = Path.of("target", "crash-it").toAbsolutePath();
  private static final Map<String, Object> FIGURES = new LinkedHashMap<>();
  private static final List<String> STEP_ORDER = List.of(Elements.DRAFT_MINUTES, Elements.RECORD_VOTE,
      Elements.RECORD_ATTENDANCE, Elements.DISTRIBUTE_AGENDA, Elements.APPROVE_AGENDA, Elements.PREPARE_AGENDA,
      Elements.CONFIRM_MEETING);

  private static PostgresTestSupport.Database database;
  private static GreenMail greenMail;
  private static SlowSmtpProxy smtp;
  private static AppNode node;

  /** Every step answered 2xx, in order. */
  private final List<Step> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<Meeting> meetings = Collections.synchronizedList(new ArrayList<>());
  /** A failure of the driver thread that was not the kill. */
  private final AtomicReference<Throwable> driverFailure = new AtomicReference<>();

  /** A step the application acknowledged: the meeting, the task completed (or null for the start), what it was. */
  private record Step(Meeting meeting, String taskId, String what) {
  }

  @BeforeAll
  static void infrastructure() throws IOException {
    Files.createDirectories(WORK);
    database = PostgresTestSupport.newDatabase();
    greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    smtp = new SlowSmtpProxy(greenMail.getSmtp().getPort(), Duration.ofMillis(10));
    node = new AppNode("crash-node", WORK, database, smtp.port(), JOB_LOCK_TIME);
  }

  @AfterAll
  static void tearDown() {
    if (node != null) {
      node.stop();
    }
    if (smtp != null) {
      smtp.close();
    }
    if (greenMail != null) {
      greenMail.stop();
    }
    System.out.println();
    System.out.println("===================== CrashIT figures =====================");
    FIGURES.forEach((name, value) -> System.out.println(String.format("%-55s %s", name, value)));
    System.out.println("===========================================================");
  }

  @Test
  void killedAtRandomMomentsItLosesNothingAcknowledgedAndSendsNothingTwice() throws Exception {
    long testStarted = System.nanoTime();
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    FIGURES.put("seed (-Dcrash.seed)", seed);

    // the first life prepares the JVM's class-data sharing archive of the application (written when that JVM
    // exits normally), which makes the 20 restarts below about a third faster (README, "Tests")
    Path archive = WORK.resolve("app.jsa");
    Files.deleteIfExists(archive);
    Path jar = AppNode.extractedJar(WORK.resolve("app"));
    node.useJar(jar, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    long started = System.nanoTime();
    node.start();
    node.awaitUp(Duration.ofMinutes(5));
    FIGURES.put("first start on the empty database (s)", seconds(started));
    LocalDate date = meetingDate(node);
    AtomicBoolean firstLifeOver = new AtomicBoolean();
    Thread firstLife = driver(date, firstLifeOver);
    awaitCondition(Duration.ofMinutes(3), "the first meetings to get going", () -> acknowledged.size() >= 6
        || driverFailure.get() != null);
    firstLifeOver.set(true);
    firstLife.join(Duration.ofSeconds(70).toMillis());
    assertThat(driverFailure.get()).as("a step failed").isNull();
    long stopping = System.nanoTime();
    node.stop(Duration.ofMinutes(2));
    FIGURES.put("first life: graceful stop with the archive written (s)", seconds(stopping));
    FIGURES.put("class-data sharing archive (MB)", Files.exists(archive) ? Files.size(archive) >> 20 : "none");
    if (Files.exists(archive)) {
      node.useJar(jar, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    started = System.nanoTime();
    node.start();
    node.awaitUp(Duration.ofMinutes(5));
    FIGURES.put("start with the archive (s)", seconds(started));
    assertEveryAcknowledgedStepIsThere("after a graceful stop");

    List<Double> restarts = new ArrayList<>();
    List<Integer> killedAfter = new ArrayList<>();
    List<Integer> stepsPerLife = new ArrayList<>();
    int killsInAJob = 0;
    int doubtsLeft = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      int before = acknowledged.size();
      AtomicBoolean stop = new AtomicBoolean();
      Thread driver = driver(date, stop);
      int steps = 1 + random.nextInt(MAX_STEPS_BEFORE_KILL);
      long lifeStarted = System.nanoTime();
      awaitCondition(Duration.ofMinutes(2), steps + " steps", () -> acknowledged.size() >= before + steps
          || driverFailure.get() != null);
      int delayMs = random.nextInt(MAX_DELAY_BEFORE_KILL_MS);
      sleep(delayMs);
      int workMs = (int) ((System.nanoTime() - lifeStarted) / 1_000_000);
      node.kill();
      int[] atKill = runningJobsAndDoubts();
      int runningJobs = atKill[0];
      int inDoubt = atKill[1];
      stop.set(true);
      driver.join(Duration.ofSeconds(70).toMillis());
      assertThat(driver.isAlive()).as("the driver stops once the node is dead").isFalse();
      assertThat(driverFailure.get()).as("a step failed while the node was alive").isNull();
      killedAfter.add(workMs);
      stepsPerLife.add(acknowledged.size() - before);
      killsInAJob += runningJobs > 0 ? 1 : 0;
      doubtsLeft += inDoubt;

      long restarted = System.nanoTime();
      node.start();
      node.awaitUp(Duration.ofMinutes(5));
      restarts.add(seconds(restarted));
      assertEveryAcknowledgedStepIsThere("after kill " + kill);
    }
    FIGURES.put("kills", KILLS);
    FIGURES.put("killed after (ms of work)", killedAfter);
    FIGURES.put("steps acknowledged per life", stepsPerLife);
    FIGURES.put("kills while a job (distribution, quorum, minutes) ran", killsInAJob);
    FIGURES.put("messages left in doubt (SENDING) by the kills", doubtsLeft);
    FIGURES.put("restart until healthy (s), each", restarts);
    FIGURES.put("restart until healthy (s), median", restarts.stream().sorted().toList().get(restarts.size() / 2));

    // no more kills: every meeting on to its minutes, every distribution done
    long finishing = System.nanoTime();
    AtomicBoolean never = new AtomicBoolean();
    drive(date, never, true);
    awaitCondition(Duration.ofMinutes(3), "every distribution to finish", () -> pendingMessageJobs() == 0);
    FIGURES.put("finishing without kills (s)", seconds(finishing));
    assertEveryAcknowledgedStepIsThere("at the end");
    assertEveryMessageOnceOrInTheWindow();
    FIGURES.put("meetings", meetings.size());
    FIGURES.put("steps acknowledged (all)", acknowledged.size());
    Map<String, Long> byStep = acknowledged.stream().collect(Collectors.groupingBy(Step::what, TreeMap::new,
        Collectors.counting()));
    FIGURES.put("steps acknowledged by kind", byStep);
    // the kills covered what they are meant to: distributions and votes
    assertThat(byStep.getOrDefault(Elements.DISTRIBUTE_AGENDA, 0L)).isGreaterThanOrEqualTo(2);
    assertThat(byStep.getOrDefault(Elements.RECORD_VOTE, 0L)).isGreaterThanOrEqualTo(2);
    FIGURES.put("whole test (s)", seconds(testStarted));
  }

  // -------------------------------------------------------------------------------------------------- driving

  private Thread driver(LocalDate date, AtomicBoolean stop) {
    Thread driver = new Thread(() -> {
      try {
        drive(date, stop, false);
      } catch (RuntimeException | AssertionError e) {
        driverFailure.set(e);
      }
    }, "crash-driver");
    driver.start();
    return driver;
  }

  /**
   * Drives the meetings on through the node until {@code stop} (the node was killed: the first failed call ends the
   * life) or, with {@code toTheEnd}, until every meeting waits at its minutes. Keeps {@link #MEETINGS_IN_FLIGHT}
   * meetings going while it may start new ones. Each step is taken from what the application shows now (the open
   * task of the meeting), so a step that was in flight at a kill — committed or not — is simply found done or not.
   */
  private void drive(LocalDate date, AtomicBoolean stop, boolean toTheEnd) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    try {
      while (!stop.get()) {
        boolean moved = false;
        List<Meeting> open = new ArrayList<>();
        for (Meeting meeting : List.copyOf(meetings)) {
          String at = advance(meeting);
          if (!Elements.DRAFT_MINUTES.equals(at)) {
            open.add(meeting);
          }
          moved |= at != null && !Elements.DRAFT_MINUTES.equals(at);
        }
        if (open.isEmpty() && toTheEnd) {
          return;
        }
        if (!toTheEnd && open.size() < MEETINGS_IN_FLIGHT) {
          String start = date + "T" + String.format("%02d:%02d", 9 + meetings.size() % 8, 0) + "+07:00";
          Meeting meeting = startMeeting(node, start);
          meetings.add(meeting);
          acknowledged.add(new Step(meeting, null, "start"));
          moved = true;
        }
        if (!moved) {
          sleep(100); // waiting for an asynchronous step (distribution, quorum check, minutes draft)
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the meetings did not move for 5 minutes: " + meetings);
        }
      }
    } catch (RuntimeException | AssertionError e) {
      for (int i = 0; i < 50 && !stop.get(); i++) {
        sleep(100); // the kill is being recorded
      }
      if (!stop.get()) {
        throw e;
      }
      // the node died under the call: the step in flight is not acknowledged
    }
  }

  /** Takes the next step of the meeting if there is one; returns the task it acted on (or waits at), else null. */
  private String advance(Meeting meeting) {
    JsonNode tasks = json(node.get("/engine-rest/task?processInstanceId=" + meeting.id(), ADMIN).body());
    Map<String, String> open = new LinkedHashMap<>();
    tasks.forEach(task -> open.put(task.path("taskDefinitionKey").asText(), task.path("id").asText()));
    for (String key : STEP_ORDER) {
      String taskId = open.get(key);
      if (taskId == null) {
        continue;
      }
      if (key.equals(Elements.DRAFT_MINUTES)) {
        return key;
      }
      String user = key.equals(Elements.CONFIRM_MEETING) || key.equals(Elements.APPROVE_AGENDA) ? CHAIR : SECRETARY;
      complete(meeting, taskId, key, user, values(key));
      return key;
    }
    if (open.isEmpty() && json(node.get("/engine-rest/job/count?messages=true&processInstanceId=" + meeting.id(),
        ADMIN).body()).path("count").asInt() == 0) {
      makeMeetingTimeDue(meeting);
    }
    return null;
  }

  private void complete(Meeting meeting, String taskId, String key, String user, ObjectNode values) {
    HttpResponse<String> claim = node.post("/engine-rest/task/" + taskId + "/claim", user,
        "{\"userId\":\"" + user + "\"}");
    assertThat(claim.statusCode()).as("claim " + key + " of " + meeting.key() + ": " + claim.body()).isEqualTo(204);
    HttpResponse<String> submit = node.post("/engine-rest/task/" + taskId + "/submit-form", user,
        JSON.createObjectNode().set("variables", values).toString());
    assertThat(submit.statusCode()).as(key + " of " + meeting.key() + ": " + submit.body()).isIn(200, 204);
    acknowledged.add(new Step(meeting, taskId, key));
  }

  /** Once the agenda is out, the meeting's time comes now (its timer made due, as an administrator may). */
  private void makeMeetingTimeDue(Meeting meeting) {
    for (JsonNode job : json(node.get("/engine-rest/job?processInstanceId=" + meeting.id() + "&activityId="
        + Elements.MEETING_TIME, ADMIN).body())) {
      if (job.path("dueDate").isNull() || ZonedDateTime.parse(job.path("dueDate").asText(),
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).isAfter(ZonedDateTime.now())) {
        String now = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        HttpResponse<String> set = node.put("/engine-rest/job/" + job.path("id").asText() + "/duedate", ADMIN,
            "{\"duedate\":\"" + now + "\"}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
      }
    }
  }

  private static ObjectNode values(String key) {
    List<String> roster = MeetingScenario.ROSTER;
    return switch (key) {
      case Elements.CONFIRM_MEETING -> vars(MeetingProcess.Vars.PRESIDING_MODE.name(), "SELF", "String");
      case Elements.PREPARE_AGENDA -> vars(MeetingProcess.Vars.AGENDA_ITEMS.name(), IntStream.rangeClosed(1, ITEMS)
          .mapToObj(i -> "{\"title\":\"Вопрос " + i + " о внедрении стандарта\",\"itemType\":\"STANDARD\","
              + "\"speaker\":\"Лебедева О.Н.\",\"materials\":\"https://example.org/materials/" + i + ".pdf\","
              + "\"area\":\"wg-area-coordination\"}")
          .collect(Collectors.joining(",", "[", "]")), "Json");
      case Elements.APPROVE_AGENDA -> vars(MeetingProcess.Vars.AGENDA_DECISION.name(), "APPROVE", "String");
      case Elements.DISTRIBUTE_AGENDA -> {
        ObjectNode values = vars(MeetingProcess.Vars.REFERENCE_MATERIALS.name(), "https://example.org/reference.pdf",
            "String");
        values.set(MeetingProcess.Vars.MATERIALS_READY.name(), JSON.createObjectNode().put("value", true)
            .put("type", "Boolean"));
        yield values;
      }
      case Elements.RECORD_ATTENDANCE -> {
        ObjectNode values = vars(MeetingProcess.Vars.PRESENT_IN_PERSON.name(), list(roster.subList(0, 10)), "Json");
        values.set(MeetingProcess.Vars.PRESENT_BY_VIDEO.name(), variable("[]", "Json"));
        values.set(MeetingProcess.Vars.INVITEES_PRESENT.name(), variable("[\"1\"]", "Json"));
        values.set(MeetingProcess.Vars.AUDIO_RECORDING.name(), variable("\\\\fileserver\\wg\\audio\\crash.mp3",
            "String"));
        yield values;
      }
      case Elements.RECORD_VOTE -> {
        ObjectNode values = vars(MeetingProcess.Vars.VOTES_FOR.name(), list(roster.subList(0, 8)), "Json");
        values.set(MeetingProcess.Vars.VOTES_AGAINST.name(), variable(list(roster.subList(8, 9)), "Json"));
        values.set(MeetingProcess.Vars.VOTES_ABSTAIN.name(), variable(list(roster.subList(9, 10)), "Json"));
        values.set(MeetingProcess.Vars.LEFT_BEFORE.name(), variable("[]", "Json"));
        values.set(MeetingProcess.Vars.DISCUSSION.name(), variable("Выступили члены Рабочей группы", "String"));
        values.set(MeetingProcess.Vars.DECISION_TEXT.name(), variable("Одобрить предложенный проект", "String"));
        yield values;
      }
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static String list(List<String> ids) {
    return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
  }

  // ------------------------------------------------------------------------------------------------- checking

  /** Every acknowledged step in the database the restarted node works on: history and the meeting record. */
  private void assertEveryAcknowledgedStepIsThere(String when) throws SQLException {
    List<String> lost = new ArrayList<>();
    Map<String, Integer> votesAcknowledged = new TreeMap<>();
    Map<String, Boolean> attendanceAcknowledged = new TreeMap<>();
    try (Connection db = connect()) {
      for (Step step : List.copyOf(acknowledged)) {
        if (step.taskId() == null) {
          if (count(db, "SELECT COUNT(*) FROM act_hi_procinst WHERE id_ = ?", step.meeting().id()) != 1
              || count(db, "SELECT COUNT(*) FROM wg_meeting WHERE business_key = ?", step.meeting().key()) != 1) {
            lost.add(step.toString());
          }
          continue;
        }
        if (count(db, "SELECT COUNT(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NOT NULL"
            + " AND delete_reason_ = 'completed'", step.taskId()) != 1) {
          lost.add(step.toString());
        }
        if (step.what().equals(Elements.RECORD_VOTE)) {
          votesAcknowledged.merge(step.meeting().key(), 1, Integer::sum);
        }
        if (step.what().equals(Elements.RECORD_ATTENDANCE)) {
          attendanceAcknowledged.put(step.meeting().key(), true);
        }
      }
      for (Map.Entry<String, Integer> votes : votesAcknowledged.entrySet()) {
        long items = count(db, "SELECT COUNT(DISTINCT item_no) FROM wg_vote WHERE business_key = ?", votes.getKey());
        if (items < votes.getValue()) {
          lost.add(votes.getKey() + ": " + votes.getValue() + " votes acknowledged, " + items + " items recorded");
        }
      }
      for (String key : attendanceAcknowledged.keySet()) {
        if (count(db, "SELECT COUNT(*) FROM wg_attendance WHERE business_key = ?", key) == 0) {
          lost.add(key + ": attendance acknowledged, none recorded");
        }
      }
    }
    assertThat(lost).as("acknowledged steps missing " + when).isEmpty();
  }

  /**
   * Each (meeting, kind, recipient) got its message once; twice or more only with one Message-ID and only if the
   * delivery log shows that message was handed over that many times (a crash left it in doubt). None missing.
   */
  private void assertEveryMessageOnceOrInTheWindow() throws Exception {
    Map<String, List<String>> idsByDelivery = new TreeMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      String meeting = message.getHeader(MailComposer.HEADER_MEETING, null);
      String kind = message.getHeader(MailComposer.HEADER_KIND, null);
      for (Address to : message.getAllRecipients()) {
        idsByDelivery.computeIfAbsent(meeting + "|" + kind + "|" + ((InternetAddress) to).getAddress()
            .toLowerCase(), k -> new ArrayList<>()).add(message.getMessageID());
      }
    }
    int inWindow = 0;
    List<String> beyond = new ArrayList<>();
    try (Connection db = connect()) {
      for (Map.Entry<String, List<String>> delivery : idsByDelivery.entrySet()) {
        List<String> ids = delivery.getValue();
        if (ids.size() == 1) {
          continue;
        }
        String[] key = delivery.getKey().split("\\|", 3);
        long attempts = count(db, "SELECT attempts FROM wg_mail_delivery WHERE meeting_key = ? AND message_kind = ?"
            + " AND recipient = ?", key[0], key[1], key[2]);
        if (ids.stream().distinct().count() == 1 && attempts >= ids.size()) {
          inWindow += ids.size() - 1;
        } else {
          beyond.add(delivery.getKey() + " x" + ids.size() + " " + ids + ", attempts in the log: " + attempts);
        }
      }
      FIGURES.put("mails received", greenMail.getReceivedMessages().length);
      FIGURES.put("deliveries (meeting, kind, recipient)", idsByDelivery.size());
      FIGURES.put("second copies in the window (same Message-ID)", inWindow);
      FIGURES.put("delivery-log rows still SENDING", count(db,
          "SELECT COUNT(*) FROM wg_mail_delivery WHERE state = 'SENDING'"));
      assertThat(beyond).as("recipients who got a message more than once beyond the documented window").isEmpty();
      assertThat(count(db, "SELECT COUNT(*) FROM wg_mail_delivery WHERE state = 'SENDING'")).isZero();
      int distributed = 0;
      for (Step step : List.copyOf(acknowledged)) {
        if (step.what().equals(Elements.DISTRIBUTE_AGENDA)) {
          distributed++;
          String key = step.meeting().key();
          // the agenda to the 15 members of the demo roster, the invitation to the one invitee
          assertThat(idsByDelivery.keySet().stream().filter(k -> k.startsWith(key + "|agenda#")).count())
              .as("agenda deliveries of " + key).isEqualTo(15);
          assertThat(idsByDelivery.keySet().stream().filter(k -> k.startsWith(key + "|invitation#")).count())
              .as("invitation deliveries of " + key).isEqualTo(1);
        }
      }
      FIGURES.put("distributions acknowledged", distributed);
    }
  }

  /** Right after a kill: jobs the dead node had locked (it was running them), delivery-log rows in doubt. */
  private static int[] runningJobsAndDoubts() {
    try (Connection db = connect()) {
      return new int[] {(int) count(db, "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL"),
          (int) count(db, "SELECT COUNT(*) FROM wg_mail_delivery WHERE state = 'SENDING'")};
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int pendingMessageJobs() {
    try (Connection db = connect()) {
      return (int) count(db, "SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message' AND retries_ > 0");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }

  private static long count(Connection db, String sql, String... args) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setString(i + 1, args[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
