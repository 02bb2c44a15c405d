package th.go.municipal.publication.publishing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where approved content goes: {@code publication.publishing.publisher} chooses one {@link
 * WebsitePublisher} ({@code embedded}, the default; {@code wordpress}; {@code webhook}), and the
 * settings of the chosen one. There is no default password or secret: the publisher that is chosen
 * checks its settings when the application starts ({@link #checkWordPress()}, {@link
 * #checkWebhook()}) and refuses to start with a message naming the missing keys.
 *
 * <p>No {@code toString()}: the application password and the secret must never reach a log.
 */
@ConfigurationProperties(prefix = "publication.publishing")
public class PublishingProperties {

  /**
   * The publishers that can be chosen; bound case-insensitively from {@code
   * embedded|wordpress|webhook}.
   */
  public enum Publisher {
    EMBEDDED,
    WORDPRESS,
    WEBHOOK
  }

  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private Publisher publisher = Publisher.EMBEDDED;
  private Duration connectTimeout = Duration.ofSeconds(5);
  private Duration readTimeout = Duration.ofSeconds(20);
  private final WordPress wordpress = new WordPress();
  private final Webhook webhook = new Webhook();

  /** A WordPress site reached through its REST API v2 with an application password. */
  public static class WordPress {
    private String baseUrl;
    private String username;
    private String applicationPassword;
    private Map<String, Long> categoryIds = new LinkedHashMap<>();

    public String getBaseUrl() {
      return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getApplicationPassword() {
      return applicationPassword;
    }

    public void setApplicationPassword(String applicationPassword) {
      this.applicationPassword = applicationPassword;
    }

    public Map<String, Long> getCategoryIds() {
      return categoryIds;
    }

    public void setCategoryIds(Map<String, Long> categoryIds) {
      this.categoryIds = categoryIds;
    }
  }

  /**
   * Any receiver that accepts a JSON POST signed with HMAC-SHA256 (see {@link WebhookPublisher}).
   */
  public static class Webhook {
    private String url;
    private String secret;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }
  }

  /**
   * Refuses incomplete WordPress settings. The application password travels in every request, so
   * the site must be reached over https (plain http only to this machine, e.g. a test server).
   */
  void checkWordPress() {
    List<String> problems = new ArrayList<>();
    String base = wordpress.getBaseUrl();
    if (blank(base)) {
      problems.add("publication.publishing.wordpress.base-url (e.g. https://www.example.go.th)");
    } else if (!secureOrLoopback(base)) {
      problems.add(
          "publication.publishing.wordpress.base-url must start with https:// (ต้องเป็น https:// เพราะรหัสผ่านส่งไปกับทุกคำขอ)");
    }
    if (blank(wordpress.getUsername())) {
      problems.add("publication.publishing.wordpress.username");
    }
    if (blank(wordpress.getApplicationPassword())) {
      problems.add(
          "publication.publishing.wordpress.application-password (WordPress: Users → Profile → Application Passwords)");
    }
    checkTimeouts(problems);
    fail("wordpress", problems);
  }

  /** Refuses incomplete webhook settings; the secret must be long enough to be a real key. */
  void checkWebhook() {
    List<String> problems = new ArrayList<>();
    String url = webhook.getUrl();
    if (blank(url)) {
      problems.add("publication.publishing.webhook.url");
    } else if (!url.startsWith("https://") && !url.startsWith("http://")) {
      problems.add("publication.publishing.webhook.url must start with https:// or http://");
    }
    if (blank(webhook.getSecret())) {
      problems.add(
          "publication.publishing.webhook.secret (e.g. the output of `openssl rand -hex 32`)");
    } else if (webhook.getSecret().length() < 32) {
      problems.add(
          "publication.publishing.webhook.secret must be at least 32 characters (ต้องยาวอย่างน้อย 32 ตัวอักษร;"
              + " e.g. `openssl rand -hex 32`)");
    }
    checkTimeouts(problems);
    fail("webhook", problems);
  }

  /**
   * True for an http URL that leaves this machine: allowed for the webhook (signed), worth a
   * warning.
   */
  boolean webhookInClearText() {
    return webhook.getUrl() != null && !secureOrLoopback(webhook.getUrl());
  }

  private void checkTimeouts(List<String> problems) {
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      problems.add("publication.publishing.connect-timeout must be positive");
    }
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      problems.add("publication.publishing.read-timeout must be positive");
    }
  }

  private static void fail(String publisher, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "ตั้งค่าการเผยแพร่ไม่ครบหรือไม่ถูกต้อง (publication.publishing.publisher="
              + publisher
              + " needs these settings): "
              + String.join("; ", problems));
    }
  }

  private static boolean secureOrLoopback(String url) {
    if (url.startsWith("https://")) {
      return true;
    }
    if (!url.startsWith("http://")) {
      return false;
    }
    try {
      String host = URI.create(url).getHost();
      return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public Publisher getPublisher() {
    return publisher;
  }

  public void setPublisher(Publisher publisher) {
    this.publisher = publisher;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public WordPress getWordpress() {
    return wordpress;
  }

  public Webhook getWebhook() {
    return webhook;
  }
}
