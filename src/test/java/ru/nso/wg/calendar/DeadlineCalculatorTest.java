package ru.nso.wg.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.nso.wg.calendar.DeadlineKind.AGENDA_DISTRIBUTION;
import static ru.nso.wg.calendar.DeadlineKind.AGENDA_TO_CHAIR;
import static ru.nso.wg.calendar.DeadlineKind.MINUTES_COPIES_DUE;
import static ru.nso.wg.calendar.DeadlineKind.MINUTES_DUE;
import static ru.nso.wg.calendar.TestCalendars.date;

class DeadlineCalculatorTest {

  private final WorkingDayCalendar calendar = TestCalendars.bundled();
  private final DeadlineCalculator calculator = new DeadlineCalculator(DeadlineSettings.DEFAULTS);

  /** The worked examples of the reference, both readings. */
  @ParameterizedTest(name = "{0} {1} for {2} → {3}")
  @CsvSource({
      "AGENDA_TO_CHAIR,     A, 2026-05-13, 2026-05-05",
      "AGENDA_TO_CHAIR,     B, 2026-05-13, 2026-05-04",
      "AGENDA_DISTRIBUTION, A, 2026-05-13, 2026-05-07",
      "AGENDA_DISTRIBUTION, B, 2026-05-13, 2026-05-06",
      "MINUTES_DUE,         A, 2026-05-13, 2026-05-20",
      "MINUTES_DUE,         B, 2026-05-13, 2026-05-20",
      "MINUTES_COPIES_DUE,  A, 2026-05-20, 2026-05-25",
      "MINUTES_COPIES_DUE,  B, 2026-05-20, 2026-05-25",
      "AGENDA_TO_CHAIR,     A, 2026-01-14, 2025-12-26",
      "AGENDA_TO_CHAIR,     B, 2026-01-14, 2025-12-25",
      "AGENDA_DISTRIBUTION, A, 2026-01-14, 2025-12-30",
      "AGENDA_DISTRIBUTION, B, 2026-01-14, 2025-12-29",
      "MINUTES_DUE,         A, 2026-01-14, 2026-01-21",
      // A meeting on the first working day after the New Year holidays (12.01.2026).
      "AGENDA_TO_CHAIR,     A, 2026-01-12, 2025-12-24",
      "AGENDA_DISTRIBUTION, A, 2026-01-12, 2025-12-26",
      "MINUTES_DUE,         A, 2026-01-12, 2026-01-19",
      // A meeting right after the May holidays of 2025 (01–04.05 and 08–11.05 non-working).
      "AGENDA_TO_CHAIR,     A, 2025-05-12, 2025-04-29",
      "AGENDA_DISTRIBUTION, A, 2025-05-12, 2025-05-05",
      // Signing on a non-working day: counting starts the next day.
      "MINUTES_COPIES_DUE,  A, 2026-05-09, 2026-05-14",
  })
  void workedExamples(DeadlineKind kind, BackwardReading reading, LocalDate event, LocalDate expected) {
    Deadline deadline = calculator.deadline(calendar, kind, event, reading);
    assertThat(deadline.date()).isEqualTo(expected);
    assertThat(deadline.kind()).isEqualTo(kind);
    assertThat(deadline.clause()).isEqualTo(kind.clause());
    assertThat(deadline.eventDate()).isEqualTo(event);
    assertThat(deadline.reading()).isEqualTo(kind.backward() ? reading : null);
    assertThat(deadline.provisional()).isFalse();
  }

  /** The speakers' materials: the setting's working days (default 2) before § 13's deadline, in either reading. */
  @Test
  void theMaterialsAreDueTheConfiguredWorkingDaysBeforeTheAgendasDeadline() {
    Deadline materials = calculator.deadline(calendar, DeadlineKind.MATERIALS, date("2026-12-16"));
    assertThat(calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-12-16")).date())
        .isEqualTo(date("2026-12-09"));
    assertThat(materials.date()).isEqualTo(date("2026-12-07"));
    assertThat(materials.deadline().toString()).isEqualTo("2026-12-07T18:00+07:00");
    assertThat(materials.kind().regulatory()).isFalse();
    assertThat(materials.text()).isEqualTo("не позднее 07.12.2026 18:00 (срок представления материалов, до срока "
        + "п. 13 Положения)");
    assertThat(calculator.deadline(calendar, DeadlineKind.MATERIALS, date("2026-12-16"), BackwardReading.B).date())
        .isEqualTo(date("2026-12-04"));
    DeadlineCalculator three = new DeadlineCalculator(
        new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.A, 2, 3));
    assertThat(three.deadline(calendar, DeadlineKind.MATERIALS, date("2026-12-16")).date())
        .isEqualTo(date("2026-12-04"));
    assertThatThrownBy(() -> new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.A, 2, 0))
        .hasMessageContaining("wg.calendar.materials-working-days");
  }

  @Test
  void theConfiguredReadingIsTheDefault() {
    DeadlineCalculator readingB = new DeadlineCalculator(
        new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(1), BackwardReading.B));
    assertThat(readingB.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13")).date()).isEqualTo(date("2026-05-04"));
    assertThat(calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13")).date())
        .isEqualTo(date("2026-05-05"));
  }

  @Test
  void aNormalDayEndsAt18NovosibirskTime() {
    Deadline deadline = calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13"));
    assertThat(deadline.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-05T18:00+07:00"));
    assertThat(deadline.deadline().getOffset().getId()).isEqualTo("+07:00");
    assertThat(deadline.instant()).isEqualTo(Instant.parse("2026-05-05T11:00:00Z"));
  }

  @Test
  void aShortenedDayEndsOneHourEarlier() {
    // Meeting on Monday 18.05.2026: the 5th working day before is Friday 08.05, the day before a transferred
    // Victory Day — shortened.
    Deadline deadline = calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-18"));
    assertThat(deadline.date()).isEqualTo(date("2026-05-08"));
    assertThat(deadline.deadline()).isEqualTo(OffsetDateTime.parse("2026-05-08T17:00+07:00"));
    assertThat(deadline.instant()).isEqualTo(Instant.parse("2026-05-08T10:00:00Z"));

    // A shortened working Saturday: 01.11.2025.
    Deadline saturday = calculator.deadline(calendar, MINUTES_COPIES_DUE, date("2025-10-29"));
    assertThat(saturday.date()).isEqualTo(date("2025-11-01"));
    assertThat(saturday.deadline()).isEqualTo(OffsetDateTime.parse("2025-11-01T17:00+07:00"));
  }

  @Test
  void officeHoursAreSettings() {
    DeadlineCalculator custom = new DeadlineCalculator(
        new DeadlineSettings(LocalTime.of(17, 30), Duration.ofMinutes(90), BackwardReading.A));
    assertThat(custom.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13")).deadline())
        .isEqualTo(OffsetDateTime.parse("2026-05-05T17:30+07:00"));
    assertThat(custom.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-18")).deadline())
        .isEqualTo(OffsetDateTime.parse("2026-05-08T16:00+07:00"));
  }

  @Test
  void settingsThatMakeNoSenseAreRefused() {
    assertThatThrownBy(() -> new DeadlineSettings(LocalTime.of(1, 0), Duration.ofHours(1), BackwardReading.A))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("wg.calendar.shortened-by");
    assertThatThrownBy(() -> new DeadlineSettings(LocalTime.of(18, 0), Duration.ofHours(-1), BackwardReading.A))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void followUpIsTheEndOfTheWorkingDayBeforeTheDeadline() {
    Deadline deadline = calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13"));
    assertThat(calculator.followUp(calendar, deadline)).isEqualTo(OffsetDateTime.parse("2026-05-04T18:00+07:00"));

    // Minutes of a meeting on 04.05.2026 are due on Tuesday 12.05; the working day before is the shortened 08.05.
    Deadline minutes = calculator.deadline(calendar, MINUTES_DUE, date("2026-05-04"));
    assertThat(minutes.date()).isEqualTo(date("2026-05-12"));
    assertThat(calculator.followUp(calendar, minutes)).isEqualTo(OffsetDateTime.parse("2026-05-08T17:00+07:00"));
  }

  @Test
  void textForPeople() {
    assertThat(calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13")).text())
        .isEqualTo("не позднее 05.05.2026 18:00 (п. 13 Положения)");
    assertThat(calculator.deadline(calendar, AGENDA_DISTRIBUTION, date("2026-05-18")).text())
        .isEqualTo("не позднее 13.05.2026 18:00 (п. 14 Положения)");
    assertThat(calculator.deadline(calendar, MINUTES_DUE, date("2027-03-10")).text())
        .isEqualTo("не позднее 17.03.2027 18:00 (п. 18 Положения) — по предварительному календарю на 2027 год");
  }

  @Test
  void aDeadlineThatDependsOn2027IsProvisional() {
    Deadline in2027 = calculator.deadline(calendar, AGENDA_DISTRIBUTION, date("2027-03-10"));
    assertThat(in2027.provisional()).isTrue();
    assertThat(in2027.provisionalYears()).containsExactly(2027);

    Deadline minutesOfDecember = calculator.deadline(calendar, MINUTES_DUE, date("2026-12-28"));
    assertThat(minutesOfDecember.date()).isEqualTo(date("2027-01-13"));
    assertThat(minutesOfDecember.provisional()).isTrue();

    Deadline agendaOfDecember = calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-12-28"));
    assertThat(agendaOfDecember.provisional()).isFalse();
  }

  @Test
  void aMissingYearIsAnErrorThatNamesIt() {
    assertThatThrownBy(() -> calculator.deadline(calendar, MINUTES_DUE, date("2029-03-14")))
        .isInstanceOf(MissingCalendarYearException.class)
        .hasMessageContaining("Производственный календарь на 2029 год не загружен");
  }

  @Test
  void passedOnlyAfterTheInstant() {
    Deadline deadline = calculator.deadline(calendar, AGENDA_TO_CHAIR, date("2026-05-13"));
    assertThat(deadline.passedAt(Instant.parse("2026-05-05T11:00:00Z"))).isFalse();
    assertThat(deadline.passedAt(Instant.parse("2026-05-05T11:00:01Z"))).isTrue();
  }

  @Test
  void kinds() {
    assertThat(AGENDA_TO_CHAIR.code()).isEqualTo("agendaToChair");
    assertThat(AGENDA_TO_CHAIR.clause()).isEqualTo("§ 13");
    assertThat(AGENDA_TO_CHAIR.workingDays()).isEqualTo(-5);
    assertThat(AGENDA_TO_CHAIR.description())
        .isEqualTo("Передача повестки на утверждение председателю (п. 13 Положения)");
    assertThat(AGENDA_DISTRIBUTION.workingDays()).isEqualTo(-3);
    assertThat(MINUTES_DUE.workingDays()).isEqualTo(5);
    assertThat(MINUTES_COPIES_DUE.workingDays()).isEqualTo(3);
    assertThat(MINUTES_COPIES_DUE.clause()).isEqualTo("§ 19");
    assertThat(DeadlineKind.of("minutesCopiesDue")).isEqualTo(MINUTES_COPIES_DUE);
    assertThatThrownBy(() -> DeadlineKind.of("agendaToBoss"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Неизвестный вид срока «agendaToBoss»");
  }
}
