package th.go.municipal.publication.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, and the temporary lock-outs they lead to: after {@code
 * max-failures} wrong passwords for one user from one address within {@code window}, that user may
 * not log in from that address for {@code lock-time}; after {@code max-failures-per-address} for
 * any users, the address may not log in at all for that time. Nobody can lock the mayor out from
 * somewhere else, and nothing is locked for good (the engine's own permanent lock-out is off).
 *
 * <p>Counted in memory, per node, for at most {@code tracked} keys: the least recently seen is
 * forgotten first, so a flood from many addresses cannot exhaust memory.
 */
@Component
class LoginThrottle {

  /** The limits, under {@code publication.login}. */
  @ConfigurationProperties(prefix = "publication.login")
  record Limits(
      @DefaultValue("5") int maxFailures,
      @DefaultValue("20") int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window,
      @DefaultValue("15m") Duration lockTime,
      @DefaultValue("10000") int tracked) {}

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final Limits limits;
  private final Clock clock;
  private final Map<String, Failures> failures;

  LoginThrottle(Limits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.failures =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > limits.tracked();
          }
        };
  }

  /** Recent failures of one key and, once too many, until when it is locked. */
  private static final class Failures {
    final ArrayDeque<Instant> times = new ArrayDeque<>();
    Instant lockedUntil;
  }

  /** How long this user must wait before logging in from this address, if they must. */
  synchronized Optional<Duration> lockedFor(String address, String user) {
    Instant now = clock.instant();
    return lockedUntil(userKey(address, user), now)
        .or(() -> lockedUntil(addressKey(address), now))
        .map(until -> Duration.between(now, until));
  }

  synchronized void failed(String address, String user) {
    Instant now = clock.instant();
    if (count(userKey(address, user), limits.maxFailures(), now)) {
      log.warn(
          "Login locked for user {} from address {} for {} after {} failed attempts",
          user,
          address,
          limits.lockTime(),
          limits.maxFailures());
    }
    if (count(addressKey(address), limits.maxFailuresPerAddress(), now)) {
      log.warn(
          "Login locked for every user from address {} for {} after {} failed attempts",
          address,
          limits.lockTime(),
          limits.maxFailuresPerAddress());
    }
  }

  synchronized void succeeded(String address, String user) {
    failures.remove(userKey(address, user));
  }

  /** Counts a failure; answers whether it locks the key now. */
  private boolean count(String key, int max, Instant now) {
    Failures recent = failures.computeIfAbsent(key, k -> new Failures());
    recent.times.addLast(now);
    while (!recent.times.isEmpty()
        && !recent.times.peekFirst().isAfter(now.minus(limits.window()))) {
      recent.times.pollFirst();
    }
    if (recent.times.size() >= max && recent.lockedUntil == null) {
      recent.lockedUntil = now.plus(limits.lockTime());
      recent.times.clear();
      return true;
    }
    return false;
  }

  private Optional<Instant> lockedUntil(String key, Instant now) {
    Failures recent = failures.get(key);
    if (recent == null || recent.lockedUntil == null) {
      return Optional.empty();
    }
    if (!recent.lockedUntil.isAfter(now)) {
      recent.lockedUntil = null;
      return Optional.empty();
    }
    return Optional.of(recent.lockedUntil);
  }

  private static String userKey(String address, String user) {
    return address + " " + user;
  }

  private static String addressKey(String address) {
    return address;
  }
}
