package th.go.municipal.publication.inquiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How often one requester address may use the feedback form: at most {@code per-hour} and {@code
 * per-day} counted attempts (accepted submissions and refused spam), per address hash.
 *
 * <p>Attempts are counted in memory, per node, for at most {@code tracked-addresses} addresses: the
 * least recently seen address is forgotten first, so memory stays bounded under a flood from many
 * addresses. Accepted submissions are also counted from the table, which every node of a cluster
 * shares and which survives restarts; so the limit on stored requests holds across the cluster,
 * while refused spam is limited per node.
 */
@Component
class SubmissionRateLimiter {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration DAY = Duration.ofDays(1);

  private final InformationRequestRepository requests;
  private final InquiryProperties.RateLimit limits;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> recent;

  SubmissionRateLimiter(
      InformationRequestRepository requests, InquiryProperties properties, Clock clock) {
    this.requests = requests;
    this.limits = properties.getRateLimit();
    this.clock = clock;
    int tracked = limits.getTrackedAddresses();
    this.recent =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
            return size() > tracked;
          }
        };
  }

  /** How long the address must wait before submitting again, if it must. */
  Optional<Duration> waitBeforeSubmitting(String addressHash) {
    Optional<Duration> wait = waitFor("submit " + addressHash);
    if (wait.isPresent()) {
      return wait;
    }
    Instant now = clock.instant();
    if (requests.countByRequesterIpHashAndReceivedAtAfter(addressHash, now.minus(HOUR))
        >= limits.getPerHour()) {
      return Optional.of(HOUR);
    }
    if (requests.countByRequesterIpHashAndReceivedAtAfter(addressHash, now.minus(DAY))
        >= limits.getPerDay()) {
      return Optional.of(DAY);
    }
    return Optional.empty();
  }

  /** A submission from the address was accepted or refused as spam. */
  void countSubmission(String addressHash) {
    count("submit " + addressHash);
  }

  /** How long the address must wait before looking up a request's status again, if it must. */
  Optional<Duration> waitBeforeLookingUp(String addressHash) {
    return waitFor("lookup " + addressHash);
  }

  /** A status lookup from the address matched no request (guessing e-mail addresses is limited). */
  void countFailedLookup(String addressHash) {
    count("lookup " + addressHash);
  }

  private synchronized Optional<Duration> waitFor(String key) {
    ArrayDeque<Instant> times = recent.get(key);
    if (times == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(DAY))) {
      times.pollFirst();
    }
    if (times.size() >= limits.getPerDay()) {
      return Optional.of(Duration.between(now, times.peekFirst().plus(DAY)));
    }
    Instant firstInHour = null;
    int inHour = 0;
    for (Instant t : times) {
      if (t.isAfter(now.minus(HOUR))) {
        firstInHour = firstInHour == null ? t : firstInHour;
        inHour++;
      }
    }
    if (inHour >= limits.getPerHour()) {
      return Optional.of(Duration.between(now, firstInHour.plus(HOUR)));
    }
    return Optional.empty();
  }

  private synchronized void count(String key) {
    ArrayDeque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    times.addLast(clock.instant());
    while (times.size() > limits.getPerDay()) {
      times.pollFirst();
    }
  }
}
