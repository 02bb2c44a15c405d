package th.go.municipal.publication.inquiry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The signed token each feedback form carries: {@code <issued epoch second>.<one-time id>.<HMAC>}.
 * A submission is refused when the token is missing or forged, came back sooner than a person can
 * fill the form, is older than a form stays open, or was used before. It needs no session and no
 * outside service, and doubles as the form's CSRF protection: another site cannot obtain a token.
 */
@Component
class FormTokens {

  /** Why a token was refused, with what the requester reads. */
  enum Problem {
    INVALID(
        "แบบฟอร์มไม่สมบูรณ์หรือไม่ได้มาจากเว็บไซต์นี้ กรุณาตรวจสอบข้อมูลแล้วกดส่งอีกครั้ง (invalid form token)"),
    TOO_FAST("ส่งแบบฟอร์มเร็วเกินไป กรุณาตรวจสอบข้อมูลแล้วกดส่งอีกครั้ง (submitted too fast)"),
    EXPIRED(
        "แบบฟอร์มเปิดค้างไว้นานเกินไปจนหมดอายุ ข้อมูลที่กรอกยังอยู่ กรุณากดส่งอีกครั้ง (form expired)"),
    ALREADY_USED(
        "แบบฟอร์มนี้ถูกส่งไปแล้ว หากต้องการส่งเรื่องใหม่ กรุณาตรวจสอบข้อมูลแล้วกดส่งอีกครั้ง (form already submitted)");

    final String message;

    Problem(String message) {
      this.message = message;
    }
  }

  /** The token's one-time id when accepted, else the problem. */
  record Verdict(String nonce, Problem problem) {
    boolean accepted() {
      return problem == null;
    }
  }

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final KeyedHashes hashes;
  private final InformationRequestRepository requests;
  private final InquiryProperties properties;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  FormTokens(
      KeyedHashes hashes,
      InformationRequestRepository requests,
      InquiryProperties properties,
      Clock clock) {
    this.hashes = hashes;
    this.requests = requests;
    this.properties = properties;
    this.clock = clock;
  }

  String issue() {
    return issue(clock.instant());
  }

  /** A token as if issued at the given time (tests use it to skip the minimum fill time). */
  String issue(Instant issuedAt) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String payload = issuedAt.getEpochSecond() + "." + ENCODER.encodeToString(nonce);
    return payload + "." + ENCODER.encodeToString(hashes.formSignature(payload));
  }

  Verdict verify(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 3
        || !signed(parts[0] + "." + parts[1], parts[2])
        || !parts[0].matches("\\d{1,12}")) {
      return new Verdict(null, Problem.INVALID);
    }
    Duration age =
        Duration.between(Instant.ofEpochSecond(Long.parseLong(parts[0])), clock.instant());
    if (age.compareTo(properties.getMinFillTime()) < 0) {
      return new Verdict(null, Problem.TOO_FAST);
    }
    if (age.compareTo(properties.getMaxFormAge()) > 0) {
      return new Verdict(null, Problem.EXPIRED);
    }
    if (requests.existsByFormNonce(parts[1])) {
      return new Verdict(null, Problem.ALREADY_USED);
    }
    return new Verdict(parts[1], null);
  }

  private boolean signed(String payload, String signature) {
    byte[] given;
    try {
      given = DECODER.decode(signature.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hashes.formSignature(payload));
  }
}
