package ru.nso.wg.common;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
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
      assertSameLocalTimeAndOffset(moment);
    }
    // every offset change of the zone, a second either side, given in UTC and at both offsets of the change (at the
    // offset after a backward change, the local time is one the zone had twice)
    for (ZoneOffsetTransition change : RussianDates.ZONE.getRules().getTransitions()) {
      for (long second = -1; second <= 1; second++) {
        Instant instant = change.getInstant().plusSeconds(second);
        for (ZoneOffset offset : new ZoneOffset[] {ZoneOffset.UTC, change.getOffsetBefore(), change.getOffsetAfter()}) {
          assertSameLocalTimeAndOffset(instant.atOffset(offset));
        }
      }
    }
    assertThat(RussianDates.atLocalOffset(null)).isNull();
  }

  /** As text: AssertJ's {@code isEqualTo} of two date-times compares only their instants, the same here anyway. */
  private static void assertSameLocalTimeAndOffset(OffsetDateTime moment) {
    assertThat(RussianDates.atLocalOffset(moment).toString()).as("%s", moment)
        .isEqualTo(moment.atZoneSameInstant(RussianDates.ZONE).toOffsetDateTime().toString());
  }
}
