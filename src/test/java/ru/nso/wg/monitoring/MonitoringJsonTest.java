package ru.nso.wg.monitoring;

import org.junit.jupiter.api.Test;
import ru.nso.wg.common.RussianDates;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringJsonTest {

  @Test
  void anInstantIsWrittenAsTheIsoFormatterWritesItAtTheNovosibirskOffset() {
    assertThat(MonitoringJson.instant(OffsetDateTime.parse("2026-05-13T03:00:00Z")))
        .isEqualTo("2026-05-13T10:00:00+07:00");
    assertThat(MonitoringJson.instant(OffsetDateTime.parse("2026-05-13T03:04:05.120Z")))
        .isEqualTo("2026-05-13T10:04:05.12+07:00");
    assertThat(MonitoringJson.instant(null)).isNull();
    // seconds and fractions of every shape (none, milliseconds, microseconds, nanoseconds), 1920-2040
    Random random = new Random(20261201);
    long from = Instant.parse("1920-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
    int[] nanoUnits = {0, 1_000_000, 1_000, 1, 100_000_000};
    for (int i = 0; i < 20_000; i++) {
      long second = from + (long) (random.nextDouble() * (to - from));
      int unit = nanoUnits[i % nanoUnits.length];
      int nano = unit == 0 ? 0 : random.nextInt(1_000_000_000 / unit) * unit;
      OffsetDateTime moment = Instant.ofEpochSecond(i % 7 == 0 ? second - second % 60 : second, nano)
          .atOffset(ZoneOffset.ofHours(i % 3 == 0 ? 0 : 7));
      assertThat(MonitoringJson.instant(moment)).as("%s", moment)
          .isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment.atZoneSameInstant(RussianDates.ZONE)));
    }
  }
}
