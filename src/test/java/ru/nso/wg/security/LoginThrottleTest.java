package ru.nso.wg.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The brake on password guessing, on a clock the test moves. */
class LoginThrottleTest {

  Instant now = Instant.parse("2026-05-13T03:00:00Z");
  final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(3, 5, Duration.ofSeconds(1),
      Duration.ofSeconds(8), Duration.ofMinutes(15)), new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      });

  @Test
  void anAccountWaitsLongerAfterEveryFurtherWrongPasswordUpToTheMaximum() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitFor("orlov", "10.0.0.1", false)).isEmpty();
      throttle.failed("orlov", "10.0.0." + (i + 1), false);
    }
    // from any address: the account is what is guessed
    assertThat(throttle.waitFor("orlov", "10.0.0.9", false)).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("ORLOV", "10.0.0.9", false)).contains(Duration.ofSeconds(1));
    for (long expected : new long[] {2, 4, 8, 8, 8}) {
      now = now.plusSeconds(10);
      assertThat(throttle.waitFor("orlov", "10.0.0.9", false)).isEmpty();
      throttle.failed("orlov", "10.0.0.9", false);
      assertThat(throttle.waitFor("orlov", "10.0.0.9", false)).contains(Duration.ofSeconds(expected));
    }
    now = now.plusSeconds(8);
    assertThat(throttle.waitFor("orlov", "10.0.0.9", false)).isEmpty();
    throttle.succeeded("orlov");
    throttle.failed("orlov", "10.0.0.9", false);
    assertThat(throttle.waitFor("orlov", "10.0.0.10", false)).isEmpty();
  }

  @Test
  void anAddressThatGuessesManyAccountsIsSlowedDown() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.0.0.66", false);
    }
    assertThat(throttle.waitFor("someone-else", "10.0.0.66", false)).contains(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("someone-else", "10.0.0.67", false)).isEmpty();
    // a right password does not clear the address
    throttle.succeeded("user0");
    assertThat(throttle.waitFor("user0", "10.0.0.66", false)).contains(Duration.ofSeconds(1));
    // it forgets after a quarter of an hour without a wrong password
    now = now.plus(Duration.ofMinutes(16));
    assertThat(throttle.waitFor("someone-else", "10.0.0.66", false)).isEmpty();
    throttle.failed("user9", "10.0.0.66", false);
    assertThat(throttle.waitFor("someone-else", "10.0.0.66", false)).isEmpty();
  }

  @Test
  void anAdministratorIsSlowedDownOnlyWhereTheWrongPasswordsCameFrom() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("admin", "203.0.113." + i, true);
    }
    assertThat(throttle.waitFor("admin", "10.0.0.1", true)).isEmpty();
    for (int i = 0; i < 5; i++) {
      throttle.failed("admin", "203.0.113.200", true);
    }
    assertThat(throttle.waitFor("admin", "203.0.113.200", true)).isPresent();
    assertThat(throttle.waitFor("admin", "10.0.0.1", true)).isEmpty();
  }
}
