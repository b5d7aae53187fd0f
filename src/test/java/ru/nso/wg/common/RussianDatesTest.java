package ru.nso.wg.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RussianDatesTest {

  @Test
  void aMomentAtTheLocalOffsetIsTheSameAsThroughTheZoneAcrossNovosibirsksOffsetChanges() {
    // 1920-2040: Novosibirsk moved between +6, +7 and summer time several times before 2016 (+7 since 2016-07-24)
    Random random = new Random(20261201);
    long from = Instant.parse("1920-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2040-01-01T00:00:00Z").getEpochSecond();
    ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHours(7), ZoneOffset.ofHours(6), ZoneOffset.ofHours(-5)};
    for (int i = 0; i < 20_000; i++) {
      Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), random.nextInt(3));
      OffsetDateTime moment = instant.atOffset(offsets[i % offsets.length]);
      OffsetDateTime expected = moment.atZoneSameInstant(RussianDates.ZONE).toOffsetDateTime();
      assertThat(RussianDates.atLocalOffset(moment)).as("%s", moment).isEqualTo(expected);
    }
    // the last change itself (02:00 +06:00 became 03:00 +07:00) and a moment either side of it
    for (String at : new String[] {"2016-07-23T19:59:59Z", "2016-07-23T20:00:00Z", "2016-07-23T20:00:01Z"}) {
      OffsetDateTime moment = Instant.parse(at).atOffset(ZoneOffset.UTC);
      assertThat(RussianDates.atLocalOffset(moment))
          .isEqualTo(moment.atZoneSameInstant(RussianDates.ZONE).toOffsetDateTime());
    }
    assertThat(RussianDates.atLocalOffset(null)).isNull();
  }
}
