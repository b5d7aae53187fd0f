package ru.nso.wg.calendar;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Test helpers: the bundled calendar, the bad-file fixtures. */
final class TestCalendars {

  private TestCalendars() {
  }

  /** The calendar exactly as shipped ({@code src/main/resources/calendar}). */
  static WorkingDayCalendar bundled() {
    return CalendarLoader.load(ProductionCalendar.bundled(), List.of());
  }

  /** A folder of {@code src/test/resources/calendar/bad}. */
  static Path badFixture(String name) {
    URL url = TestCalendars.class.getResource("/calendar/bad/" + name);
    if (url == null) {
      throw new IllegalArgumentException("No fixture " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
