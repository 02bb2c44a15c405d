package th.go.municipal.publication.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.WebsiteLinks;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.publishing.PublisherHttp.Reply;
import th.go.municipal.publication.publishing.PublishingFailedException.Action;

/**
 * Publishes by POSTing a signed JSON event to any receiver ({@code
 * publication.publishing.webhook.url}), e.g. a script that updates another CMS.
 *
 * <h2>What the receiver gets</h2>
 *
 * <pre>
 * POST {url}
 * Content-Type: application/json            (UTF-8)
 * X-Publication-Event: publish | unpublish
 * Idempotency-Key: hex(SHA-256(event + ":" + businessKey))   e.g. of "publish:PR-2570-0001"
 * X-Publication-Timestamp: 1767225600       (Unix time in seconds, when this attempt was sent)
 * X-Publication-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))
 *
 * {"event": "publish", "businessKey": "PR-2570-0001", "title": …, "detailsHtml": …, "details": …,
 *  "category": "rules", "categoryName": …, "oitItem": "O7", "unit": "clerk", "unitName": …,
 *  "externalUrl": … | null, "publishFrom": "2026-01-05" | null, "publishUntil": … | null,
 *  "attachments": [{"fileName", "mediaType", "kind", "sha256", "size", "contentBase64"}]}
 *
 * {"event": "unpublish", "businessKey": "PR-2570-0001"}
 * </pre>
 *
 * <h2>Verifying the signature (receiver side)</h2>
 *
 * <ol>
 *   <li>Take the raw request body bytes exactly as received (before any JSON parsing) and the
 *       {@code X-Publication-Timestamp} header as text.
 *   <li>Compute HMAC-SHA256 with the shared secret (its UTF-8 bytes) as key over the bytes of
 *       {@code timestamp}, then one {@code '.'}, then the body; write it as lowercase hex.
 *   <li>Compare with the header value after {@code "sha256="} in constant time; reject on mismatch.
 *   <li>Reject timestamps more than a few minutes from your clock (replay), and treat a repeated
 *       {@code Idempotency-Key} as already done.
 * </ol>
 *
 * {@link #verify(String, String, byte[], String)} does steps 2–3 and {@link #verify(String, String,
 * byte[], String, Instant, Duration)} also step 4's time check; e.g. in Python: {@code
 * hmac.compare_digest("sha256=" + hmac.new(secret.encode(), ts.encode() + b"." + body,
 * hashlib.sha256).hexdigest(), header)}.
 *
 * <h2>What the receiver answers</h2>
 *
 * <ul>
 *   <li>2xx: done. A JSON body may carry {@code "url"} (the item's public address there, returned
 *       to the process as {@code publicUrl}) and {@code "id"} (its id there); otherwise the address
 *       is {@code municipality.website-url}/items/{businessKey}.
 *   <li>409: this {@code Idempotency-Key} was already handled: counts as success (answer with the
 *       same {@code "url"} as the first time if you can). A retry after a lost answer sends the
 *       same key with a new timestamp and signature.
 *   <li>Anything else, or no answer within the read timeout: the job fails, is retried with
 *       back-off and finally becomes an incident in Cockpit that names the status. An unpublish of
 *       an item the receiver does not know should be answered 2xx (it is down), not 404.
 * </ul>
 *
 * Attachments travel inline, base64 encoded: the receiver must accept bodies as large as the
 * attachments allowed ({@code publication.attachments}) times 4/3.
 */
@Component
@ConditionalOnProperty(name = "publication.publishing.publisher", havingValue = "webhook")
public class WebhookPublisher implements WebsitePublisher {

  static final String TARGET = "webhook";
  public static final String EVENT_HEADER = "X-Publication-Event";
  public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
  public static final String TIMESTAMP_HEADER = "X-Publication-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Publication-Signature";
  private static final String SIGNATURE_PREFIX = "sha256=";

  private static final Logger log = LoggerFactory.getLogger(WebhookPublisher.class);

  private final RestClient client;
  private final URI url;
  private final String secret;
  private final PublisherHttp http = new PublisherHttp("Webhook");
  private final PublicationTargetRepository targets;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  public WebhookPublisher(
      PublishingProperties properties,
      PublicationTargetRepository targets,
      MunicipalityProperties municipality,
      Clock clock) {
    properties.checkWebhook();
    this.url = URI.create(properties.getWebhook().getUrl().strip());
    this.secret = properties.getWebhook().getSecret();
    this.client = PublisherHttp.builder(properties).build();
    this.targets = targets;
    this.municipality = municipality;
    this.clock = clock;
    if (properties.webhookInClearText()) {
      log.warn(
          "The publication webhook {} is plain http: the content is signed but travels unencrypted",
          url);
    }
  }

  @Override
  public String publish(PublicationContent content) {
    String key = content.businessKey();
    Reply reply = send("publish", key, publishBody(content), Action.SEND_PUBLISH);
    var answer = reply.json();
    String remoteUrl = answer.path("url").asText("");
    if (!remoteUrl.startsWith("https://") && !remoteUrl.startsWith("http://")) {
      remoteUrl =
          targets
              .find(key, TARGET)
              .map(PublicationTarget::getRemoteUrl)
              .orElseGet(() -> WebsiteLinks.itemUrl(municipality.getWebsiteUrl(), key));
    }
    String remoteId = answer.hasNonNull("id") ? answer.get("id").asText() : key;
    targets.remember(key, TARGET, remoteId.length() > 255 ? key : remoteId, remoteUrl);
    log.info("Published {} through the webhook (HTTP {}): {}", key, reply.status(), remoteUrl);
    return remoteUrl;
  }

  @Override
  public void unpublish(String businessKey) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "unpublish");
    body.put("businessKey", businessKey);
    Reply reply = send("unpublish", businessKey, body, Action.SEND_UNPUBLISH);
    log.info("Took {} down through the webhook (HTTP {})", businessKey, reply.status());
  }

  /** Posts one signed event; 2xx and 409 (already handled) are success, anything else fails. */
  private Reply send(String event, String businessKey, Map<String, Object> body, Action action) {
    byte[] json;
    try {
      json = PublisherHttp.JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the webhook body of " + businessKey, e);
    }
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Reply reply =
        http.send(
            client
                .post()
                .uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(EVENT_HEADER, event)
                .header(IDEMPOTENCY_HEADER, idempotencyKey(event, businessKey))
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, signature(secret, timestamp, json))
                .body(json),
            action,
            businessKey);
    if (!reply.ok() && reply.status() != 409) {
      throw http.failure(reply, action, businessKey);
    }
    return reply;
  }

  private static Map<String, Object> publishBody(PublicationContent c) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", "publish");
    body.put("businessKey", c.businessKey());
    body.put("title", c.title());
    body.put("detailsHtml", c.detailsHtml());
    body.put("details", c.details());
    body.put("category", c.category());
    body.put("categoryName", c.categoryName());
    body.put("oitItem", c.oitItem());
    body.put("unit", c.unit());
    body.put("unitName", c.unitName());
    body.put("externalUrl", c.externalUrl());
    body.put("publishFrom", date(c.publishFrom()));
    body.put("publishUntil", date(c.publishUntil()));
    List<Map<String, Object>> attachments = new ArrayList<>();
    for (PublishedFile f : c.attachments() == null ? List.<PublishedFile>of() : c.attachments()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("fileName", f.fileName());
      a.put("mediaType", f.mediaType());
      a.put("kind", f.kind());
      a.put("sha256", f.sha256());
      a.put("size", f.content().length);
      a.put("contentBase64", Base64.getEncoder().encodeToString(f.content()));
      attachments.add(a);
    }
    body.put("attachments", attachments);
    return body;
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /**
   * The same for every attempt at one event of one item: hex SHA-256 of {@code event + ":" +
   * businessKey}.
   */
  public static String idempotencyKey(String event, String businessKey) {
    return Hashes.sha256(event + ":" + businessKey);
  }

  /** The header value: {@code "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body))}. */
  public static String signature(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(UTF_8));
      mac.update((byte) '.');
      return SIGNATURE_PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("Every Java platform has HmacSHA256", e);
    }
  }

  /**
   * For a receiver: whether {@code header} is the signature of this timestamp and body under the
   * secret (compared in constant time). Any change to the body, the timestamp or the secret fails.
   */
  public static boolean verify(String secret, String timestamp, byte[] body, String header) {
    if (secret == null
        || secret.isEmpty()
        || timestamp == null
        || body == null
        || header == null
        || !header.startsWith(SIGNATURE_PREFIX)) {
      return false;
    }
    byte[] expected = signature(secret, timestamp, body).getBytes(UTF_8);
    byte[] given = header.strip().toLowerCase(Locale.ROOT).getBytes(UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * {@link #verify(String, String, byte[], String)}, and the timestamp within {@code tolerance} of
   * {@code now}.
   */
  public static boolean verify(
      String secret,
      String timestamp,
      byte[] body,
      String header,
      Instant now,
      Duration tolerance) {
    long sent;
    try {
      sent = Long.parseLong(timestamp);
    } catch (NumberFormatException | NullPointerException e) {
      return false;
    }
    return Math.abs(now.getEpochSecond() - sent) <= tolerance.getSeconds()
        && verify(secret, timestamp, body, header);
  }
}
