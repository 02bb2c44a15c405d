package th.go.municipal.publication.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signed form token and the keyed hash of a requester's address, without the application. */
class InquiryFormTokensTests {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  final InformationRequestRepository requests = mock(InformationRequestRepository.class);
  final InquiryProperties properties = properties("a-test-secret-of-at-least-32-bytes!");
  final FormTokens tokens =
      new FormTokens(new KeyedHashes(properties), requests, properties, clock);

  @Test
  void tokenIsAcceptedFromThreeSecondsUpToTwoHoursAfterItWasIssued() {
    String token = tokens.issue();

    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.verify(token).problem()).isEqualTo(FormTokens.Problem.TOO_FAST);
    clock.advance(Duration.ofSeconds(1));
    assertThat(tokens.verify(token).accepted()).isTrue();
    assertThat(tokens.verify(token).nonce()).isEqualTo(token.split("\\.")[1]);
    clock.advance(Duration.ofHours(2));
    assertThat(tokens.verify(token).problem()).isEqualTo(FormTokens.Problem.EXPIRED);
  }

  @Test
  void forgedOrAlteredTokenIsRefused() {
    String token = tokens.issue(clock.instant().minusSeconds(60));
    String[] parts = token.split("\\.");
    FormTokens otherKey =
        new FormTokens(
            new KeyedHashes(properties("another-secret-of-at-least-32-bytes")),
            requests,
            properties,
            clock);

    assertThat(tokens.verify(null).problem()).isEqualTo(FormTokens.Problem.INVALID);
    assertThat(tokens.verify("").problem()).isEqualTo(FormTokens.Problem.INVALID);
    assertThat(tokens.verify("1.2").problem()).isEqualTo(FormTokens.Problem.INVALID);
    assertThat(tokens.verify(parts[0] + "." + parts[1] + ".!!!").problem())
        .isEqualTo(FormTokens.Problem.INVALID);
    assertThat(
            tokens
                .verify((Long.parseLong(parts[0]) - 1) + "." + parts[1] + "." + parts[2])
                .problem())
        .as("an earlier issue time")
        .isEqualTo(FormTokens.Problem.INVALID);
    assertThat(otherKey.verify(token).problem())
        .as("signed with another secret")
        .isEqualTo(FormTokens.Problem.INVALID);
    assertThat(tokens.verify(token).accepted()).isTrue();
  }

  @Test
  void tokenWhoseOneTimeIdIsStoredIsRefusedAsReplayed() {
    String token = tokens.issue(clock.instant().minusSeconds(60));
    when(requests.existsByFormNonce(token.split("\\.")[1])).thenReturn(true);

    assertThat(tokens.verify(token).problem()).isEqualTo(FormTokens.Problem.ALREADY_USED);
  }

  @Test
  void addressIsKeptAsKeyedHashAndIpv6CountsByItsSlash64() {
    KeyedHashes hashes = new KeyedHashes(properties);

    assertThat(hashes.addressHash("203.0.113.7"))
        .matches("[0-9a-f]{64}")
        .isEqualTo(hashes.addressHash("203.0.113.7"))
        .isNotEqualTo(hashes.addressHash("203.0.113.8"))
        .isNotEqualTo(
            new KeyedHashes(properties("another-secret-of-at-least-32-bytes"))
                .addressHash("203.0.113.7"));
    assertThat(hashes.addressHash("2001:db8:1:2:aaaa::1"))
        .isEqualTo(hashes.addressHash("2001:db8:1:2:bbbb::9"))
        .isNotEqualTo(hashes.addressHash("2001:db8:1:3::1"));
  }

  private static InquiryProperties properties(String secret) {
    InquiryProperties properties = new InquiryProperties();
    properties.setSecret(secret);
    return properties;
  }
}
