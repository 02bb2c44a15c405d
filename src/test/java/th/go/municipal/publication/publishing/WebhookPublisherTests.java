package th.go.municipal.publication.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** The webhook publisher against a WireMock receiver on a random port. */
class WebhookPublisherTests {

  static final String SECRET = "4f1c0d9e8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3b2a190817263";
  static final String KEY = "PR-2570-0002";
  static final String HOOK = "/hooks/publication";
  static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] PDF = "%PDF-1.4 ประกาศ".getBytes(StandardCharsets.UTF_8);
  static final PublishedFile NOTICE =
      new PublishedFile(
          "attachment1", "ประกาศ.pdf", "text", "application/pdf", Hashes.sha256(PDF), PDF);

  @RegisterExtension
  static WireMockExtension receiver =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  InMemoryPublicationTargets store = InMemoryPublicationTargets.create();
  PublicationTargetRepository targets = store.repository();
  MutableClock clock = new MutableClock(NOW);
  WebhookPublisher publisher;

  @BeforeEach
  void receiverWithASharedSecret() {
    publisher =
        new WebhookPublisher(settings(Duration.ofSeconds(5)), targets, municipality(), clock);
  }

  @Test
  void publishingPostsTheSignedEventWithEveryFieldAndReturnsTheReceiversUrl() throws Exception {
    // given a receiver that answers with the item's address there
    receiver.stubFor(
        post(urlEqualTo(HOOK))
            .willReturn(
                okJson("{\"id\": \"news-4711\", \"url\": \"https://news.example.go.th/4711\"}")));

    // when
    String url = publisher.publish(content());

    // then the receiver's address is the public URL and is recorded
    assertThat(url).isEqualTo("https://news.example.go.th/4711");
    assertThat(targets.find(KEY, "webhook"))
        .get()
        .satisfies(row -> assertThat(row.getRemoteId()).isEqualTo("news-4711"))
        .satisfies(
            row -> assertThat(row.getRemoteUrl()).isEqualTo("https://news.example.go.th/4711"));

    // and the request carries the event, a stable idempotency key, the time and a valid signature
    LoggedRequest request = single();
    assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    assertThat(request.getHeader("X-Publication-Event")).isEqualTo("publish");
    assertThat(request.getHeader("Idempotency-Key"))
        .isEqualTo(Hashes.sha256("publish:" + KEY))
        .hasSize(64);
    assertThat(request.getHeader("X-Publication-Timestamp"))
        .isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.getHeader("X-Publication-Signature")).matches("sha256=[0-9a-f]{64}");
    assertThat(
            WebhookPublisher.verify(
                SECRET,
                request.getHeader("X-Publication-Timestamp"),
                request.getBody(),
                request.getHeader("X-Publication-Signature")))
        .isTrue();

    // and the body has every field of the item, the file inline
    JsonNode body = JSON.readTree(request.getBody());
    assertThat(body.path("event").asText()).isEqualTo("publish");
    assertThat(body.path("businessKey").asText()).isEqualTo(KEY);
    assertThat(body.path("title").asText()).isEqualTo("ประกาศรับสมัครพนักงานจ้าง");
    assertThat(body.path("detailsHtml").asText()).isEqualTo("<p>รายละเอียด &amp; เงื่อนไข</p>");
    assertThat(body.path("details").asText()).isEqualTo("รายละเอียด & เงื่อนไข");
    assertThat(body.path("category").asText()).isEqualTo("other");
    assertThat(body.path("categoryName").asText()).isEqualTo("อื่น ๆ");
    assertThat(body.path("oitItem").asText()).isEqualTo("O7");
    assertThat(body.path("unit").asText()).isEqualTo("clerk");
    assertThat(body.path("unitName").asText()).isEqualTo("สำนักปลัดเทศบาล");
    assertThat(body.path("externalUrl").asText()).isEqualTo("https://www.example.org/job");
    assertThat(body.path("publishFrom").asText()).isEqualTo("2026-03-01");
    assertThat(body.has("publishUntil")).isTrue();
    assertThat(body.get("publishUntil").isNull()).isTrue();
    JsonNode file = body.path("attachments").get(0);
    assertThat(file.path("fileName").asText()).isEqualTo("ประกาศ.pdf");
    assertThat(file.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(file.path("kind").asText()).isEqualTo("text");
    assertThat(file.path("sha256").asText()).isEqualTo(Hashes.sha256(PDF));
    assertThat(file.path("size").asInt()).isEqualTo(PDF.length);
    assertThat(Base64.getDecoder().decode(file.path("contentBase64").asText())).isEqualTo(PDF);
  }

  @Test
  void signatureDetectsATamperedBodyTimestampOrSecret() {
    // given a signed request as the receiver gets it
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{}")));
    publisher.publish(content());
    LoggedRequest request = single();
    String timestamp = request.getHeader("X-Publication-Timestamp");
    String signature = request.getHeader("X-Publication-Signature");
    byte[] body = request.getBody();

    // when / then: the genuine one verifies, any change does not
    assertThat(WebhookPublisher.verify(SECRET, timestamp, body, signature)).isTrue();
    byte[] tampered =
        new String(body, StandardCharsets.UTF_8)
            .replace("ประกาศรับสมัครพนักงานจ้าง", "ประกาศรับสมัครพนักงานจ้าง!")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookPublisher.verify(SECRET, timestamp, tampered, signature)).isFalse();
    assertThat(
            WebhookPublisher.verify(
                SECRET, Long.toString(NOW.getEpochSecond() + 1), body, signature))
        .isFalse();
    assertThat(WebhookPublisher.verify(SECRET.replace('4', '5'), timestamp, body, signature))
        .isFalse();
    assertThat(
            WebhookPublisher.verify(
                SECRET, timestamp, body, signature.substring("sha256=".length())))
        .isFalse();
    assertThat(WebhookPublisher.verify(SECRET, timestamp, body, null)).isFalse();

    // and the time-window check refuses a replay an hour later
    assertThat(
            WebhookPublisher.verify(
                SECRET, timestamp, body, signature, NOW.plusSeconds(60), Duration.ofMinutes(5)))
        .isTrue();
    assertThat(
            WebhookPublisher.verify(
                SECRET, timestamp, body, signature, NOW.plusSeconds(3600), Duration.ofMinutes(5)))
        .isFalse();
  }

  @Test
  void signatureIsTheDocumentedHmacOverTimestampDotBody() throws Exception {
    // HMAC-SHA256(secret, "1700000000." + body) as a receiver in any language computes it
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            "s3cr3t".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + java.util.HexFormat.of()
                .formatHex(mac.doFinal("1700000000.{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

    assertThat(
            WebhookPublisher.signature(
                "s3cr3t", "1700000000", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(expected);
  }

  @Test
  void retriesCarryTheSameIdempotencyKeyWithAFreshSignedTimestamp() {
    // given
    receiver.stubFor(
        post(urlEqualTo(HOOK))
            .willReturn(okJson("{\"url\": \"https://news.example.go.th/4711\"}")));

    // when the job runs twice, a minute apart
    publisher.publish(content());
    clock.advance(Duration.ofMinutes(1));
    publisher.publish(content());

    // then
    List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(HOOK)));
    assertThat(requests).hasSize(2);
    assertThat(requests)
        .extracting(r -> r.getHeader("Idempotency-Key"))
        .containsOnly(Hashes.sha256("publish:" + KEY));
    assertThat(requests)
        .extracting(r -> r.getHeader("X-Publication-Timestamp"))
        .doesNotHaveDuplicates();
    assertThat(requests)
        .allSatisfy(
            r ->
                assertThat(
                        WebhookPublisher.verify(
                            SECRET,
                            r.getHeader("X-Publication-Timestamp"),
                            r.getBody(),
                            r.getHeader("X-Publication-Signature")))
                    .isTrue());
    assertThat(store.rows).hasSize(1);
  }

  @Test
  void duplicateAnsweredWith409CountsAsSuccess() {
    // given a receiver that already handled this idempotency key and says so without a body
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(409)));

    // when
    String url = publisher.publish(content());

    // then no error, and the municipality's own address of the item
    assertThat(url).isEqualTo("https://www.example.go.th/items/" + KEY);
    assertThat(targets.find(KEY, "webhook"))
        .get()
        .extracting(PublicationTarget::getRemoteId)
        .isEqualTo(KEY);
  }

  @Test
  void receiverAnsweringWithoutAUrlGivesTheMunicipalityItemAddress() {
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(204)));

    assertThat(publisher.publish(content())).isEqualTo("https://www.example.go.th/items/" + KEY);
  }

  @Test
  void receiverUrlThatIsNotHttpIsIgnored() {
    receiver.stubFor(
        post(urlEqualTo(HOOK)).willReturn(okJson("{\"url\": \"javascript:alert(1)\"}")));

    assertThat(publisher.publish(content())).isEqualTo("https://www.example.go.th/items/" + KEY);
  }

  @Test
  void takingDownPostsASignedUnpublishEventAndAcceptsADuplicate() throws Exception {
    // given
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(202)));

    // when
    publisher.unpublish(KEY);

    // then
    LoggedRequest request = single();
    assertThat(request.getHeader("X-Publication-Event")).isEqualTo("unpublish");
    assertThat(request.getHeader("Idempotency-Key"))
        .isEqualTo(Hashes.sha256("unpublish:" + KEY))
        .isNotEqualTo(Hashes.sha256("publish:" + KEY));
    assertThat(JSON.readTree(request.getBody()))
        .isEqualTo(JSON.readTree("{\"event\": \"unpublish\", \"businessKey\": \"" + KEY + "\"}"));
    assertThat(
            WebhookPublisher.verify(
                SECRET,
                request.getHeader("X-Publication-Timestamp"),
                request.getBody(),
                request.getHeader("X-Publication-Signature")))
        .isTrue();

    // and when the receiver says it already took it down, that is success too
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(409)));
    publisher.unpublish(KEY);
  }

  @Test
  void refusedEventFailsWithTheStatusInThaiAndEnglish() {
    // given a failing receiver
    receiver.stubFor(
        post(urlEqualTo(HOOK))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\": \"maintenance\"}")));

    // when / then, for both events
    assertThatThrownBy(() -> publisher.publish(content()))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("Webhook ตอบกลับสถานะ HTTP 503")
        .hasMessageContaining("Webhook answered HTTP 503 while sending the publish event of " + KEY)
        .hasMessageContaining("maintenance")
        .message()
        .doesNotContain(SECRET);
    assertThatThrownBy(() -> publisher.unpublish(KEY))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("HTTP 503")
        .hasMessageContaining("unpublish event");
    assertThat(store.rows).isEmpty();
  }

  @Test
  void notFoundIsAFailureNotASilentSuccess() {
    // a wrong URL must not make a take-down look done
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(404)));

    assertThatThrownBy(() -> publisher.unpublish(KEY)).hasMessageContaining("HTTP 404");
  }

  @Test
  void receiverThatDoesNotAnswerInTimeFailsThePublishing() {
    // given a read timeout of 300 ms and a receiver that takes 3 s
    publisher =
        new WebhookPublisher(settings(Duration.ofMillis(300)), targets, municipality(), clock);
    receiver.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{}").withFixedDelay(3000)));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content()))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("ติดต่อ Webhook ไม่ได้")
        .hasMessageContaining(
            "could not reach Webhook or it timed out while sending the publish event of " + KEY)
        .hasMessageContaining("Timeout");
  }

  @Test
  void missingUrlOrAWeakSecretStopsTheStart() {
    PublishingProperties noUrl = settings(Duration.ofSeconds(1));
    noUrl.getWebhook().setUrl(null);
    assertThatThrownBy(() -> new WebhookPublisher(noUrl, targets, municipality(), clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("publication.publishing.publisher=webhook")
        .hasMessageContaining("publication.publishing.webhook.url");

    PublishingProperties noSecret = settings(Duration.ofSeconds(1));
    noSecret.getWebhook().setSecret("");
    assertThatThrownBy(() -> new WebhookPublisher(noSecret, targets, municipality(), clock))
        .hasMessageContaining("publication.publishing.webhook.secret");

    PublishingProperties weak = settings(Duration.ofSeconds(1));
    weak.getWebhook().setSecret("changeme");
    assertThatThrownBy(() -> new WebhookPublisher(weak, targets, municipality(), clock))
        .hasMessageContaining("at least 32 characters")
        .message()
        .doesNotContain("changeme");
  }

  // ------------------------------------------------------------------------------------------

  PublishingProperties settings(Duration readTimeout) {
    PublishingProperties properties = new PublishingProperties();
    properties.setPublisher(PublishingProperties.Publisher.WEBHOOK);
    properties.setReadTimeout(readTimeout);
    properties.getWebhook().setUrl(receiver.baseUrl() + HOOK);
    properties.getWebhook().setSecret(SECRET);
    return properties;
  }

  static MunicipalityProperties municipality() {
    MunicipalityProperties municipality = new MunicipalityProperties();
    municipality.setWebsiteUrl("https://www.example.go.th/");
    return municipality;
  }

  static PublicationContent content() {
    return new PublicationContent(
        KEY,
        "ประกาศรับสมัครพนักงานจ้าง",
        "รายละเอียด & เงื่อนไข",
        "<p>รายละเอียด &amp; เงื่อนไข</p>",
        "other",
        "อื่น ๆ",
        "O7",
        "clerk",
        "สำนักปลัดเทศบาล",
        "https://www.example.org/job",
        LocalDate.of(2026, 3, 1),
        null,
        List.of(NOTICE));
  }

  LoggedRequest single() {
    List<LoggedRequest> requests = receiver.findAll(postRequestedFor(urlEqualTo(HOOK)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }

  /** A clock the test moves forward. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
