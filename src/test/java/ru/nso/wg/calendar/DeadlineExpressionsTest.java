package ru.nso.wg.calendar;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code deadlines} bean and the {@code ProductionCalendar} bean, built without Spring. */
class DeadlineExpressionsTest {

  @TempDir
  Path directory;

  private ProductionCalendar calendar() {
    return new ProductionCalendar(new CalendarProperties(directory.toString(), "18:00", Duration.ofHours(1),
        BackwardReading.A), new CalendarClock());
  }

  private DeadlineExpressions expressions() {
    ProductionCalendar calendar = calendar();
    return new DeadlineExpressions(new MeetingDeadlines(calendar, new CalendarProperties(directory.toString(),
        "18:00", Duration.ofHours(1), BackwardReading.A)));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void dueFollowUpAndText() {
    DeadlineExpressions deadlines = expressions();
    assertThat(deadlines.due("agendaToChair", "2026-05-13"))
        .isEqualTo(Date.from(Instant.parse("2026-05-05T11:00:00Z")));
    assertThat(deadlines.due("agendaDistribution", "2026-05-13"))
        .isEqualTo(Date.from(Instant.parse("2026-05-07T11:00:00Z")));
    assertThat(deadlines.due("minutesDue", "2026-05-13")).isEqualTo(Date.from(Instant.parse("2026-05-20T11:00:00Z")));
    assertThat(deadlines.due("minutesCopiesDue", "2026-05-20"))
        .isEqualTo(Date.from(Instant.parse("2026-05-25T11:00:00Z")));
    assertThat(deadlines.followUp("agendaToChair", "2026-05-13"))
        .isEqualTo(Date.from(Instant.parse("2026-05-04T11:00:00Z")));
    assertThat(deadlines.dueText("agendaToChair", "2026-05-13"))
        .isEqualTo("не позднее 05.05.2026 18:00 (п. 13 Положения)");
    assertThat(deadlines.dueText("minutesCopiesDue", "2027-06-10"))
        .isEqualTo("не позднее 16.06.2027 18:00 (п. 19 Положения) — по предварительному календарю на 2027 год");
  }

  @Test
  void aDateTimeWithOffsetCountsAsItsNovosibirskDate() {
    assertThat(DeadlineExpressions.eventDate("2026-05-13")).isEqualTo(LocalDate.of(2026, 5, 13));
    assertThat(DeadlineExpressions.eventDate("2026-05-13T10:00+07:00")).isEqualTo(LocalDate.of(2026, 5, 13));
    // 20:00 UTC on 12.05 is 03:00 on 13.05 in Novosibirsk.
    assertThat(DeadlineExpressions.eventDate("2026-05-12T20:00:00Z")).isEqualTo(LocalDate.of(2026, 5, 13));
  }

  @Test
  void badArgumentsAreExplained() {
    DeadlineExpressions deadlines = expressions();
    assertThatThrownBy(() -> deadlines.due("agendaToChair", "13.05.2026"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Недопустимая дата «13.05.2026»");
    assertThatThrownBy(() -> deadlines.due("agendaToChair", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Не указана дата");
    assertThatThrownBy(() -> deadlines.due("agenda", "2026-05-13"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Неизвестный вид срока «agenda»");
    assertThatThrownBy(() -> deadlines.due("minutesDue", "2029-05-13"))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("2029 год не загружен");
  }

  @Test
  void todayAndNowFollowTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-12T17:30:00Z")));
    ProductionCalendar calendar = calendar();
    assertThat(calendar.now()).isEqualTo(Instant.parse("2026-05-12T17:30:00Z"));
    assertThat(calendar.today()).isEqualTo(LocalDate.of(2026, 5, 13)); // 00:30 in Novosibirsk
  }

  @Test
  void productionCalendarBean() {
    ProductionCalendar calendar = calendar();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 11))).isFalse();
    assertThat(calendar.isShortenedDay(LocalDate.of(2026, 5, 8))).isTrue();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 5, 13), 5)).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 5, 13), -5)).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 5, 13), 5)).isEqualTo(LocalDate.of(2026, 5, 5));
    assertThat(calendar.workingDaysIn(2024)).isEqualTo(248);
    assertThat(calendar.years()).containsExactly(2024, 2025, 2026, 2027);
    assertThat(calendar.directory()).isEqualTo(directory.toAbsolutePath().normalize());
  }
}
