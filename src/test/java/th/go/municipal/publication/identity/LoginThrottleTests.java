package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lock-outs are per user and address or per address, and end by themselves. */
class LoginThrottleTests {

  private final MovingClock clock = new MovingClock();
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottle.Limits(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15), 100),
          clock);

  @Test
  void aUserIsLockedFromOneAddressForAWhileOnly() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.lockedFor("198.51.100.1", "mayor")).isEmpty();
      throttle.failed("198.51.100.1", "mayor");
    }

    assertThat(throttle.lockedFor("198.51.100.1", "mayor")).hasValue(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("198.51.100.2", "mayor")).as("another address").isEmpty();
    assertThat(throttle.lockedFor("198.51.100.1", "webmaster")).as("another user").isEmpty();
    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.lockedFor("198.51.100.1", "mayor")).as("after lock-time").isEmpty();
  }

  @Test
  void failuresOutsideTheWindowAndBeforeASuccessDoNotCount() {
    throttle.failed("198.51.100.3", "mayor");
    throttle.failed("198.51.100.3", "mayor");
    clock.advance(Duration.ofMinutes(16));
    throttle.failed("198.51.100.3", "mayor");
    assertThat(throttle.lockedFor("198.51.100.3", "mayor")).isEmpty();

    throttle.failed("198.51.100.3", "mayor");
    throttle.succeeded("198.51.100.3", "mayor");
    throttle.failed("198.51.100.3", "mayor");
    assertThat(throttle.lockedFor("198.51.100.3", "mayor")).isEmpty();
  }

  @Test
  void anAddressTryingManyUsersIsLockedForEveryone() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("198.51.100.4", "guess" + i);
    }
    assertThat(throttle.lockedFor("198.51.100.4", "mayor")).isPresent();
    assertThat(throttle.lockedFor("198.51.100.5", "mayor")).isEmpty();
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T02:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
