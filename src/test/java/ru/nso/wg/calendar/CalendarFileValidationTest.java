package ru.nso.wg.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each kind of bad file (one fixture each, {@code src/test/resources/calendar/bad/<case>/}) is refused. */
class CalendarFileValidationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed-json                | 2026.json          | ошибка в записи JSON в строке 7",
      "duplicate-key                 | 2026.json          | Duplicate field 'type'",
      "date-outside-year             | 2026.json          | "
          + "запись № 2 в «days» (дата «2025-12-31»): дата 31.12.2025 не относится к 2026 году",
      "nonexistent-date              | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-02-30»): «2026-02-30» — не существующая дата",
      "duplicate-date                | 2026.json          | "
          + "запись № 3 в «days» (дата «2026-01-09»): дата 09.01.2026 уже указана в записи № 2",
      "unknown-type                  | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-01-01»): неизвестный тип дня «holiday»",
      "working-weekend-on-weekday    | 2026.json          | "
          + "запись № 2 в «days» (дата «2026-01-09»): дата 09.01.2026 — пятница, а тип «working-weekend»",
      "non-working-on-weekend        | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-01-03»): дата 03.01.2026 — суббота, а тип «non-working»",
      "shortened-on-weekend          | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-05-09»): дата 09.05.2026 — суббота, а тип «shortened»",
      "shortened-flag-on-non-working | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-05-11»): поле «shortened» допустимо только для типа «working-weekend»",
      "year-mismatch                 | 2026.json          | "
          + "год в имени файла (2026) не совпадает с годом в поле «year» (2025)",
      "bad-file-name                 | calendar-2026.json | имя файла должно состоять из года и расширения .json",
      "unknown-status                | 2026.json          | неизвестный статус «draft»",
      "unknown-field                 | 2026.json          | "
          + "запись № 1 в «days» (дата «2026-01-01»): неизвестное поле «reasn»",
      "missing-reason                | 2026.json          | "
          + "запись № 2 в «days» (дата «2026-01-02»): поле «reason» обязательно",
      "missing-decree                | 2026.json          | поле «decree» обязательно",
  })
  void refusedWithTheFileAndTheEntry(String fixture, String fileName, String expected) {
    Path directory = TestCalendars.badFixture(fixture);
    assertThatThrownBy(() -> CalendarLoader.load(ProductionCalendar.bundled(), CalendarLoader.readDirectory(directory)))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageStartingWith("Файл производственного календаря «" + directory.resolve(fileName) + "»: ")
        .hasMessageContaining(expected);
  }

  @Test
  void aDirectoryFileOverridesTheBundledYear(@TempDir Path directory) throws IOException {
    String modified = new String(ProductionCalendar.bundled().stream()
        .filter(s -> s.fileName().equals("2026.json")).findFirst().orElseThrow().content(), StandardCharsets.UTF_8)
        .replace("\"days\": [", "\"days\": [\n    { \"date\": \"2026-05-06\", \"type\": \"non-working\", "
            + "\"reason\": \"Тест\" },");
    Files.writeString(directory.resolve("2026.json"), modified);
    Files.writeString(directory.resolve("README.txt"), "not a calendar file");
    Files.writeString(directory.resolve(".2027.json.swp"), "editor swap file");

    WorkingDayCalendar calendar = CalendarLoader.load(ProductionCalendar.bundled(),
        CalendarLoader.readDirectory(directory));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-06"))).isFalse();
    assertThat(calendar.workingDaysIn(2026)).isEqualTo(246);
    assertThat(calendar.source(2026)).contains(directory.resolve("2026.json").toAbsolutePath().toString());
    assertThat(calendar.source(2025)).contains("classpath:calendar/2025.json");
    assertThat(calendar.years()).containsExactly(2024, 2025, 2026, 2027);
  }

  @Test
  void aMissingDirectoryMeansNoOverrides(@TempDir Path parent) {
    assertThat(CalendarLoader.readDirectory(parent.resolve("absent"))).isEmpty();
  }

  @Test
  void aFileInsteadOfTheDirectoryIsRefused(@TempDir Path parent) throws IOException {
    Path file = Files.writeString(parent.resolve("calendar"), "");
    assertThatThrownBy(() -> CalendarLoader.readDirectory(file))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("не каталог");
  }

  @Test
  void theBundledFilesAreValid() {
    assertThat(CalendarLoader.load(ProductionCalendar.bundled(), List.of()).years())
        .containsExactly(2024, 2025, 2026, 2027);
  }
}
