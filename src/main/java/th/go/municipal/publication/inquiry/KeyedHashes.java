package th.go.municipal.publication.inquiry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 under the secret {@code publication.inquiry.secret}: signs the form tokens and turns
 * a requester's IP address into a hash that counts submissions without keeping the address. Without
 * a configured secret a random one is used until the next restart, which suits one demo node only.
 */
@Component
class KeyedHashes {

  private static final Logger log = LoggerFactory.getLogger(KeyedHashes.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  KeyedHashes(InquiryProperties properties) {
    byte[] secret;
    if (properties.getSecret() == null || properties.getSecret().isBlank()) {
      secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      log.warn(
          "publication.inquiry.secret is not set: a random key is used until restart. Feedback forms opened"
              + " before a restart are refused once, and the nodes of a cluster refuse each other's forms. Set the same"
              + " secret (32 random characters or more) on every node in production.");
    } else {
      secret = properties.getSecret().getBytes(StandardCharsets.UTF_8);
      if (secret.length < 32) {
        log.warn("publication.inquiry.secret is shorter than 32 bytes; use a longer random secret");
      }
    }
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The signature of a form token's content. */
  byte[] formSignature(String payload) {
    return mac("form-token", payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The requester's address as 64 hex digits. An IPv6 address counts by its /64 prefix, which is
   * what one household or device is given; an IPv4 address counts whole.
   */
  String addressHash(String remoteAddress) {
    byte[] address;
    try {
      // Only literal addresses reach here (the servlet container's remote address): no name lookup.
      address = InetAddress.getByName(remoteAddress).getAddress();
    } catch (UnknownHostException e) {
      address = String.valueOf(remoteAddress).getBytes(StandardCharsets.UTF_8);
    }
    if (address.length == 16) {
      address = Arrays.copyOf(address, 8);
    }
    return HexFormat.of().formatHex(mac("requester-address", address));
  }

  private byte[] mac(String purpose, byte[] data) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(purpose.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java platform has " + ALGORITHM, e);
    }
  }
}
