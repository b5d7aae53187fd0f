package ru.nso.wg.monitoring;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.jdbc.core.JdbcTemplate;
import ru.nso.wg.calendar.BackwardReading;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.CalendarProperties;
import ru.nso.wg.calendar.DeadlineKind;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.control.DecisionRegister;
import ru.nso.wg.monitoring.MonitoringData.AreaCounts;
import ru.nso.wg.monitoring.MonitoringData.MeetingOverview;
import ru.nso.wg.platform.PostgresTestSupport;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring queries on a real PostgreSQL (production) with the migrations V2–V70: the demo seed and 60 bulk
 * meetings with 600 decisions; the dashboard's reads take the same small number of SQL statements whatever the
 * number of meetings (no query per meeting). The engine clock is fixed at Friday 27.11.2026 12:00 Novosibirsk time.
 */
class MonitoringPostgresTest {

  static final AtomicInteger statements = new AtomicInteger();
  static MonitoringService service;
  static MonitoringSeed seed;

  @BeforeAll
  static void start() throws Exception {
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-11-27T12:00+07:00").toInstant()));
    JdbcTemplate jdbc = new JdbcTemplate(counting(PostgresTestSupport.newMigratedDataSource()));
    CalendarProperties properties = new CalendarProperties(
        Files.createTempDirectory("wg-calendar").toString(), "18:00", Duration.ofHours(1), BackwardReading.A);
    CalendarClock clock = new CalendarClock();
    ProductionCalendar calendar = new ProductionCalendar(properties, clock);
    IdentityService identity = Mockito.mock(IdentityService.class, Mockito.RETURNS_DEEP_STUBS);
    service = new MonitoringService(jdbc, calendar, properties, clock, new DecisionRegister(jdbc), identity);
    seed = new MonitoringSeed(jdbc, calendar, properties, clock);
  }

  @AfterAll
  static void resetClock() {
    ClockUtil.reset();
  }

  /** A DataSource whose connections count the statements they prepare. */
  static DataSource counting(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(method, target, args);
          if (result instanceof Connection connection) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                  }
                  return invoke(m, connection, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static int countStatements(Runnable call) {
    int before = statements.get();
    call.run();
    return statements.get() - before;
  }

  @Test
  void theDashboardReadsOnPostgresInAFixedNumberOfStatements() {
    Map<String, String> examples = seed.examples();
    Period year = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"));

    List<MeetingOverview> meetings = service.meetings(year);
    MeetingOverview late = meetings.stream().filter(m -> m.key().equals(examples.get("late13"))).findFirst()
        .orElseThrow();
    assertThat(late.deadline(DeadlineKind.AGENDA_TO_CHAIR).state()).isEqualTo(DeadlineState.LATE);
    assertThat(late.deadline(DeadlineKind.AGENDA_TO_CHAIR).lateWorkingDays()).isEqualTo(2);
    assertThat(late.deadline(DeadlineKind.MINUTES_COPIES_DUE).state()).isEqualTo(DeadlineState.MET);
    assertThat(late.copiesSentAt()).isNotNull();
    assertThat(late.publication().state()).as("the publication's service level, read in the same query")
        .isEqualTo(ServiceLevelState.LATE);
    assertThat(late.present()).isEqualTo(10);
    assertThat(late.registered()).isEqualTo(15);
    MeetingOverview missed = meetings.stream().filter(m -> m.key().equals(examples.get("missed18"))).findFirst()
        .orElseThrow();
    assertThat(missed.next().kind()).isEqualTo(DeadlineKind.MINUTES_DUE);
    assertThat(missed.next().state()).isEqualTo(DeadlineState.MISSED);

    List<AreaCounts> counts = service.decisionCounts(year, null);
    assertThat(counts).extracting(AreaCounts::area)
        .containsExactly("wg-area-coordination", "wg-area-services", "wg-area-digital");
    assertThat(counts.get(0).counts().get(DecisionCategory.DUE_SOON)).isEqualTo(1);
    assertThat(counts.get(1).counts().get(DecisionCategory.OVERDUE)).isEqualTo(1);
    assertThat(counts.get(2).counts().get(DecisionCategory.EXECUTED)).isEqualTo(1);
    assertThat(service.decisions(year, List.of("wg-area-services"), DecisionCategory.OVERDUE)).singleElement()
        .satisfies(d -> assertThat(d.key()).isEqualTo(examples.get("late13") + "/3"));

    int fewMeetings = countStatements(() -> service.meetings(year));
    int fewCounts = countStatements(() -> service.decisionCounts(year, null));

    assertThat(seed.bulk(60, 10, 2025)).isEqualTo(60);
    Period bulkYear = new Period(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"));
    int[] many = new int[2];
    many[0] = countStatements(() -> assertThat(service.meetings(bulkYear)).hasSize(60));
    many[1] = countStatements(() -> {
      List<AreaCounts> bulk = service.decisionCounts(bulkYear, null);
      assertThat(bulk.stream().mapToInt(AreaCounts::total).sum()).isEqualTo(600);
    });
    assertThat(fewMeetings).as("statements for the meetings of a period").isEqualTo(2).isEqualTo(many[0]);
    assertThat(fewCounts).as("statements for the decision counts").isEqualTo(1).isEqualTo(many[1]);
    assertThat(countStatements(() -> assertThat(service.decisions(bulkYear, null, null)).hasSize(600))).isEqualTo(1);
  }
}
