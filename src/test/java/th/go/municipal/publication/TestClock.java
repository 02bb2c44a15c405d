package th.go.municipal.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The application's clock in the scenario tests: the real time until a test sets it, then that
 * moment until the test resets it.
 */
public final class TestClock extends Clock {

  private volatile Instant fixed;

  public void set(Instant instant) {
    this.fixed = instant;
  }

  public void reset() {
    this.fixed = null;
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ThaiDates.BANGKOK;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    Instant now = fixed;
    return now == null ? Clock.system(zone) : Clock.fixed(now, zone);
  }
}
