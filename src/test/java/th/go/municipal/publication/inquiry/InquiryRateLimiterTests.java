package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The per-address limit of the feedback form, in memory and from the table, without the
 * application.
 */
class InquiryRateLimiterTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  final InformationRequestRepository requests = mock(InformationRequestRepository.class);
  final InquiryProperties properties = new InquiryProperties();

  @Test
  void fivePerHourThenWaitUntilTheOldestLeavesTheHour() {
    SubmissionRateLimiter limiter = new SubmissionRateLimiter(requests, properties, clock);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.waitBeforeSubmitting("a")).isEmpty();
      limiter.countSubmission("a");
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(limiter.waitBeforeSubmitting("a")).contains(Duration.ofMinutes(55));
    assertThat(limiter.waitBeforeSubmitting("b")).as("another address").isEmpty();
    clock.advance(Duration.ofMinutes(55));
    assertThat(limiter.waitBeforeSubmitting("a")).isEmpty();
  }

  @Test
  void twentyPerDayThenWaitUntilTheOldestLeavesTheDay() {
    SubmissionRateLimiter limiter = new SubmissionRateLimiter(requests, properties, clock);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.waitBeforeSubmitting("a")).isEmpty();
      limiter.countSubmission("a");
      clock.advance(Duration.ofHours(1));
    }

    assertThat(limiter.waitBeforeSubmitting("a")).contains(Duration.ofHours(4));
  }

  @Test
  void storedRequestsFromTheAddressCountOnEveryNodeAndAfterARestart() {
    SubmissionRateLimiter limiter = new SubmissionRateLimiter(requests, properties, clock);
    when(requests.countByRequesterIpHashAndReceivedAtAfter(eq("a"), any())).thenReturn(5L);

    assertThat(limiter.waitBeforeSubmitting("a")).contains(Duration.ofHours(1));
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlySeenAddress() {
    properties.getRateLimit().setTrackedAddresses(2);
    SubmissionRateLimiter limiter = new SubmissionRateLimiter(requests, properties, clock);
    for (int i = 0; i < 5; i++) {
      limiter.countSubmission("a");
    }
    limiter.countSubmission("b");
    limiter.countSubmission("c");

    assertThat(limiter.waitBeforeSubmitting("a"))
        .as("forgotten: only two addresses are tracked")
        .isEmpty();
  }

  @Test
  void failedStatusLookupsAreLimitedApartFromSubmissions() {
    SubmissionRateLimiter limiter = new SubmissionRateLimiter(requests, properties, clock);
    for (int i = 0; i < 5; i++) {
      limiter.countFailedLookup("a");
    }

    assertThat(limiter.waitBeforeLookingUp("a")).isPresent();
    assertThat(limiter.waitBeforeSubmitting("a")).isEmpty();
  }
}
