package ru.nso.wg.calendar;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad calendar file or setting stops the application at start-up, with a message naming what is wrong. */
class CalendarStartupTest {

  @Configuration
  @EnableConfigurationProperties(CalendarProperties.class)
  @Import({ProductionCalendar.class, CalendarClock.class, MeetingDeadlines.class, DeadlineExpressions.class})
  static class CalendarOnly {
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

  @Test
  void aBadFileInTheDirectoryStopsTheStart() {
    String directory = TestCalendars.badFixture("working-weekend-on-weekday").toString();
    runner.withPropertyValues("wg.calendar.directory=" + directory).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(CalendarDataException.class)
          .hasMessageContaining(directory + "/2026.json")
          .hasMessageContaining("запись № 2 в «days» (дата «2026-01-09»)");
    });
  }

  @Test
  void aBadSettingStopsTheStart() {
    runner.withPropertyValues("wg.calendar.office-day-end=25:00").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("wg.calendar.office-day-end");
    });
  }

  @Test
  void defaults() {
    runner.withPropertyValues("wg.calendar.directory=target/absent-calendar-dir").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(MeetingDeadlines.class).settings()).isEqualTo(DeadlineSettings.DEFAULTS);
    });
  }

  @Test
  void settingsAreBound() {
    runner.withPropertyValues("wg.calendar.directory=target/absent-calendar-dir", "wg.calendar.office-day-end=17:30",
        "wg.calendar.shortened-by=PT90M", "wg.calendar.backward-reading=B").run(context -> {
          assertThat(context).hasNotFailed();
          DeadlineSettings settings = context.getBean(MeetingDeadlines.class).settings();
          assertThat(settings.officeDayEnd()).hasToString("17:30");
          assertThat(settings.shortenedBy()).hasMinutes(90);
          assertThat(settings.backwardReading()).isEqualTo(BackwardReading.B);
          assertThat(context.getBean("deadlines")).isInstanceOf(DeadlineExpressions.class);
          assertThat(context.getBean(DeadlineExpressions.class).dueText("agendaToChair", "2026-05-13"))
              .isEqualTo("не позднее 04.05.2026 17:30 (п. 13 Положения)");
        });
  }
}
