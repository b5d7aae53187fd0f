package ru.nso.wg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Slows down password guessing, per client address and per account, with a delay that doubles with every further
 * wrong password and never exceeds {@code maxDelay}: after {@code freeAttempts} wrong passwords in a row, the next
 * attempt is refused (HTTP 429) until the delay since the last wrong one has passed — without the password being
 * checked. A right password starts the account afresh; an address forgets its wrong passwords after
 * {@code forgetAfter} without one. Nothing is ever locked for good.
 *
 * <p>An administrator's account is never slowed down by attempts on it (only the address that tries is): whoever
 * tries the administrator's password from elsewhere cannot keep the administrator out.
 *
 * <p>The counts live in this node's memory (README, "Security"): with several nodes each counts for itself.
 */
public class LoginThrottle {

  /** The limits; see {@code wg.login-throttle} in {@code application.yaml}. */
  public record Settings(int accountFreeAttempts, int addressFreeAttempts, Duration baseDelay, Duration maxDelay,
                         Duration forgetAfter) {
  }

  /** At most this many accounts and addresses are remembered; beyond it, the forgotten ones are dropped first. */
  static final int PRUNE_ABOVE = 10_000;

  private record Failures(int count, Instant last) {
  }

  private final Settings settings;
  private final Clock clock;
  private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
  private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

  public LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * How long the caller must still wait before this account may be tried from this address, if at all.
   *
   * @param administrator whether the account is an administrator's (then only the address counts)
   */
  public Optional<Duration> waitFor(String account, String address, boolean administrator) {
    return waitFor(account, address, () -> administrator);
  }

  /** As above; whether the account is an administrator's is asked only when its wrong passwords would count. */
  public Optional<Duration> waitFor(String account, String address, BooleanSupplier administrator) {
    Instant now = clock.instant();
    Duration wait = remaining(addresses.get(address), settings.addressFreeAttempts(), now);
    Duration forAccount = remaining(accounts.get(key(account)), settings.accountFreeAttempts(), now);
    if (forAccount.compareTo(wait) > 0 && !administrator.getAsBoolean()) {
      wait = forAccount;
    }
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  /** A wrong password for this account from this address. */
  public void failed(String account, String address, boolean administrator) {
    Instant now = clock.instant();
    prune(now);
    addresses.merge(address, new Failures(1, now), (old, one) -> new Failures(fresh(old, now) + 1, now));
    if (!administrator) {
      accounts.merge(key(account), new Failures(1, now), (old, one) -> new Failures(fresh(old, now) + 1, now));
    }
  }

  /** The right password for this account: its wrong ones are forgotten (the address's are not). */
  public void succeeded(String account) {
    accounts.remove(key(account));
  }

  /** The delay after {@code count} wrong passwords in a row: none for the free ones, then base, 2 × base, … max. */
  Duration delay(int count, int free) {
    if (count < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - free, 30);
    Duration delay = settings.baseDelay().multipliedBy(1L << doublings);
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private Duration remaining(Failures failures, int free, Instant now) {
    if (failures == null || fresh(failures, now) == 0) {
      return Duration.ZERO;
    }
    return Duration.between(now, failures.last().plus(delay(failures.count(), free)));
  }

  private int fresh(Failures failures, Instant now) {
    return failures.last().plus(settings.forgetAfter()).isBefore(now) ? 0 : failures.count();
  }

  private void prune(Instant now) {
    for (Map<String, Failures> map : List.of(accounts, addresses)) {
      if (map.size() > PRUNE_ABOVE) {
        map.values().removeIf(f -> fresh(f, now) == 0);
      }
    }
  }

  /** Camunda's user ids are case-sensitive, but a guesser must not get fresh attempts by changing the case. */
  private static String key(String account) {
    return account.toLowerCase(Locale.ROOT);
  }
}
