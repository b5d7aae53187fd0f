package ru.nso.wg.control;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.nso.wg.calendar.BackwardReading;
import ru.nso.wg.calendar.CalendarClock;
import ru.nso.wg.calendar.CalendarProperties;
import ru.nso.wg.calendar.MeetingDeadlines;
import ru.nso.wg.calendar.MissingCalendarYearException;
import ru.nso.wg.calendar.ProductionCalendar;
import ru.nso.wg.control.ControlProperties.DueOnDayOff;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code controlDeadlines} bean over the bundled production calendar, built without Spring. */
class ControlDeadlinesTest {

  @TempDir
  Path directory;

  private ControlDeadlines deadlines(int reminderWorkingDays, DueOnDayOff dayOff) {
    CalendarProperties properties = new CalendarProperties(directory.toString(), "18:00", Duration.ofHours(1),
        BackwardReading.A);
    ProductionCalendar calendar = new ProductionCalendar(properties, new CalendarClock());
    return new ControlDeadlines(calendar, new MeetingDeadlines(calendar, properties), new CalendarClock(),
        new ControlProperties(reminderWorkingDays, dayOff));
  }

  private ControlDeadlines deadlines() {
    return deadlines(3, DueOnDayOff.NEXT_WORKING_DAY);
  }

  private static Date at(String iso) {
    return Date.from(OffsetDateTime.parse(iso).toInstant());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void dueAtTheEndOfTheOfficeDayAndTheReminderThreeWorkingDaysBefore() {
    ControlDeadlines d = deadlines();
    assertThat(d.due("2027-03-01")).isEqualTo(at("2027-03-01T18:00+07:00"));
    // 22–23.02.2027 are days off
    assertThat(d.reminder("2027-03-01")).isEqualTo(at("2027-02-24T18:00+07:00"));
    // 31.12.2026–10.01.2027 are days off
    assertThat(d.reminder("2027-01-12")).isEqualTo(at("2026-12-29T18:00+07:00"));
  }

  @Test
  void aShortenedDayEndsAnHourEarlier() {
    ControlDeadlines d = deadlines();
    assertThat(d.due("2026-04-30")).isEqualTo(at("2026-04-30T17:00+07:00"));
    assertThat(d.reminder("2026-04-30")).isEqualTo(at("2026-04-27T18:00+07:00"));
    // four working days before 01.03.2027 is the working Saturday 20.02.2027, a shortened day
    assertThat(deadlines(4, DueOnDayOff.NEXT_WORKING_DAY).reminder("2027-03-01"))
        .isEqualTo(at("2027-02-20T17:00+07:00"));
  }

  @Test
  void aDueDateOnADayOffEndsOnTheNextWorkingDayUnlessConfiguredOtherwise() {
    // Saturday 09.05.2026; Monday 11.05.2026 is the day off moved from 09.05
    assertThat(deadlines().lastDay(LocalDate.parse("2026-05-09"))).isEqualTo(LocalDate.parse("2026-05-12"));
    assertThat(deadlines().due("2026-05-09")).isEqualTo(at("2026-05-12T18:00+07:00"));
    assertThat(deadlines().dueText(LocalDate.parse("2026-05-09")))
        .isEqualTo("не позднее 12.05.2026 18:00 (09.05.2026 — нерабочий день)");
    assertThat(deadlines(3, DueOnDayOff.AS_IS).due("2026-05-09")).isEqualTo(at("2026-05-09T18:00+07:00"));
  }

  @Test
  void theTextSaysWhenTheResultDependsOnAProvisionalYear() {
    assertThat(deadlines().dueText(LocalDate.parse("2026-12-10"))).isEqualTo("не позднее 10.12.2026 18:00");
    assertThat(deadlines().dueText(LocalDate.parse("2027-01-12")))
        .isEqualTo("не позднее 12.01.2027 18:00 — по предварительному календарю на 2027 год");
  }

  @Test
  void aMissingYearIsAnErrorNamingIt() {
    assertThatThrownBy(() -> deadlines().due("2029-03-01")).isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("2029");
    assertThatThrownBy(() -> deadlines().due("01.03.2027")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ГГГГ-ММ-ДД");
    assertThatThrownBy(() -> deadlines().due(" ")).hasMessageContaining("Не указан срок");
    assertThatThrownBy(() -> new ControlProperties(0, DueOnDayOff.AS_IS))
        .hasMessageContaining("wg.control.reminder-working-days");
  }

  @Test
  void aRequestTaskIsDueByTheEndOfTheNextWorkingDay() {
    ClockUtil.setCurrentTime(at("2026-11-30T09:00+07:00")); // Monday
    assertThat(deadlines().requestFollowUp()).isEqualTo(at("2026-11-30T18:00+07:00"));
    assertThat(deadlines().requestDue()).isEqualTo(at("2026-12-01T18:00+07:00"));
    ClockUtil.setCurrentTime(at("2026-12-05T09:00+07:00")); // Saturday
    assertThat(deadlines().requestFollowUp()).isEqualTo(at("2026-12-07T18:00+07:00"));
    assertThat(deadlines().requestDue()).isEqualTo(at("2026-12-07T18:00+07:00"));
  }
}
