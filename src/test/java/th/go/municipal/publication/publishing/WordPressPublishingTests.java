package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.municipal.publication.publishing.RequestWalk.Started;
import th.go.municipal.publication.request.TestFiles;

/**
 * The service publishing to a real WordPress (Debian's {@code wordpress} 6.1 with nginx, php-fpm
 * and MariaDB, started by {@code src/test/wordpress/wordpress-server.sh}): the whole application on
 * a random port with the {@code wordpress} publisher, demo users walking each request through the
 * three signed steps over HTTP, the job executor publishing, and every check made against
 * WordPress's own REST API and public pages.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // A retry whose due date the test brings forward is picked up within a second.
      "camunda.bpm.job-execution.wait-time-in-millis=200",
      "camunda.bpm.job-execution.max-wait=1000"
    })
@ActiveProfiles({"demo", "test"})
class WordPressPublishingTests {

  static final Duration PUBLISHING = Duration.ofSeconds(60);
  static final String SOURCE = "https://www.example.go.th/announcements/2569/youth-council";

  @RegisterExtension static final ExecutionCondition SERVER = WordPressTestServer.RUNNING;

  static WordPressTestServer wordpress;

  @Autowired TestRestTemplate rest;

  @Autowired ProcessEngine engine;

  @Autowired ManagementService managementService;

  RequestWalk walk;

  @BeforeAll
  static void findWordPress() {
    wordpress = WordPressTestServer.require();
    // Every test application numbers its requests from 0001 again: earlier runs' posts must go.
    wordpress.deleteRequestsStartingWith("pr-");
  }

  @DynamicPropertySource
  static void publishToWordPress(DynamicPropertyRegistry registry) {
    WordPressTestServer server = WordPressTestServer.require();
    server.configure(registry, server.applicationPassword());
  }

  @BeforeEach
  void walkAsStaff() {
    walk = new RequestWalk(rest, engine.getName());
  }

  @AfterEach
  void disarmFailures() {
    wordpress.disarmFailures();
  }

  @Test
  void publishedRequestIsAPublicPostWithItsThaiTextCategoryFilesAndSource() {
    byte[] image = picture();
    byte[] pdf = TestFiles.pdf("Youth council application form");
    Started request =
        walk.walkToPublication(
            announcement(
                "ประกาศรับสมัครสมาชิกสภาเด็กและเยาวชนเทศบาล ประจำปี ๒๕๖๙",
                "rules",
                Map.of(
                    "attachment1",
                    RequestWalk.file("ภาพกิจกรรมสภาเด็ก.png", "image/png", image),
                    "attachment2",
                    RequestWalk.file("ใบสมัครสภาเด็ก.pdf", "application/pdf", pdf))));
    walk.awaitStatus(request.businessKey(), "PUBLISHED", PUBLISHING);

    JsonNode post = onlyPublicPost(request);
    assertThat(post.path("title").path("rendered").asText())
        .isEqualTo("ประกาศรับสมัครสมาชิกสภาเด็กและเยาวชนเทศบาล ประจำปี ๒๕๖๙");
    assertThat(post.path("status").asText()).isEqualTo("publish");
    assertThat(post.path("categories").get(0).asLong()).isEqualTo(wordpress.categoryId("rules"));
    assertThat(post.path("categories")).hasSize(1);
    String content = post.path("content").path("rendered").asText();
    assertThat(content)
        .as("the details, paragraph by paragraph")
        .contains("<p>เทศบาลตำบลทดสอบเปิดรับสมัครเด็กและเยาวชนอายุ ๗–๒๕ ปี")
        .contains("<p>ยื่นใบสมัครได้ที่สำนักปลัดเทศบาลในวันและเวลาราชการ");
    assertThat(content).as("the source cited").contains("แหล่งที่มา: <a href=\"" + SOURCE + "\"");
    assertThat(publicUrl(request))
        .as("the service lists the post's address as where the item is published")
        .isEqualTo(post.path("link").asText());

    List<JsonNode> files =
        WordPressTestServer.list(
            WordPressTestServer.json(
                wordpress
                    .publicGet("/wp-json/wp/v2/media?parent=" + post.get("id").asLong())
                    .body()));
    assertThat(files).as("both attachments in the media library, attached to the post").hasSize(2);
    JsonNode picture = byMime(files, "image/png");
    JsonNode form = byMime(files, "application/pdf");
    assertThat(picture.path("title").path("rendered").asText()).isEqualTo("ภาพกิจกรรมสภาเด็ก.png");
    assertThat(form.path("title").path("rendered").asText()).isEqualTo("ใบสมัครสภาเด็ก.pdf");
    String pictureUrl = picture.path("source_url").asText();
    String formUrl = form.path("source_url").asText();
    assertThat(content)
        .as("the image shown with its name and size beneath, the PDF linked by its Thai name")
        .containsPattern(
            "<figure><img [^>]*src=\"" + java.util.regex.Pattern.quote(pictureUrl) + "\"")
        .contains(
            "<figcaption><a href=\"" + pictureUrl + "\">ภาพกิจกรรมสภาเด็ก.png</a> (ข้อมูลภาพ, ")
        .contains("<a href=\"" + formUrl + "\">ใบสมัครสภาเด็ก.pdf</a> (ข้อมูลตัวอักษร, ")
        .doesNotContain("<p> (");
    assertThat(wordpress.publicBytes(pictureUrl).body()).isEqualTo(image);
    assertThat(wordpress.publicBytes(formUrl).body()).isEqualTo(pdf);

    HttpResponse<String> page = wordpress.publicGet(post.path("link").asText());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .as("the theme's page for visitors")
        .contains("ประกาศรับสมัครสมาชิกสภาเด็กและเยาวชนเทศบาล ประจำปี ๒๕๖๙")
        .contains(pictureUrl)
        .contains(formUrl)
        .contains(SOURCE);
    HttpResponse<String> category = wordpress.publicGet("/category/municipal-rules/");
    assertThat(category.statusCode()).isEqualTo(200);
    assertThat(category.body())
        .as("listed on the category's page")
        .contains(post.path("link").asText());
  }

  @Test
  void retryAfterWordPressFailedMidwayEndsWithOnePostAndNoOrphanFiles() {
    // The files are uploaded, then the post's update answers 500, as a broken plugin would.
    wordpress.failNext("POST", "^/wp/v2/posts/\\d+$", 500, 1);
    Started request =
        walk.walkToPublication(
            announcement(
                "ประกาศผลการคัดเลือกผู้รับทุนการศึกษา",
                "other",
                Map.of(
                    "attachment1",
                    RequestWalk.file("ภาพพิธีมอบทุน.png", "image/png", picture()),
                    "attachment2",
                    RequestWalk.file("รายชื่อผู้ได้รับทุน.pdf", "application/pdf", pdf()))));
    Job failed = awaitFailedJob(request);
    assertThat(failed.getExceptionMessage())
        .startsWith("WordPress ตอบกลับสถานะ HTTP 500 ขณะปรับปรุงโพสต์ของ " + request.businessKey());
    List<JsonNode> drafts = wordpress.postsWithSlug(request.slug());
    assertThat(drafts).as("the post reserved as a draft").hasSize(1);
    assertThat(drafts.get(0).path("status").asText()).isEqualTo("draft");
    assertThat(publicPosts(request)).as("nothing public yet").isEmpty();
    assertThat(wordpress.mediaOf(request.slug()))
        .as("the files uploaded before the 500")
        .hasSize(2);

    managementService.setJobDuedate(failed.getId(), new Date());
    walk.awaitStatus(request.businessKey(), "PUBLISHED", PUBLISHING);

    List<JsonNode> posts = wordpress.postsWithSlug(request.slug());
    assertThat(posts).as("exactly one post, the draft made public").hasSize(1);
    long postId = posts.get(0).get("id").asLong();
    assertThat(postId).isEqualTo(drafts.get(0).get("id").asLong());
    assertThat(posts.get(0).path("status").asText()).isEqualTo("publish");
    List<JsonNode> media = wordpress.mediaOf(request.slug());
    assertThat(media).as("each file once").hasSize(2);
    assertThat(media)
        .as("no orphan file: every one attached to the post")
        .allSatisfy(m -> assertThat(m.path("post").asLong()).isEqualTo(postId));
    assertThat(onlyPublicPost(request).path("content").path("rendered").asText())
        .contains(media.get(0).path("source_url").asText())
        .contains(media.get(1).path("source_url").asText());
  }

  @Test
  void takingDownHidesThePostFromThePublicAndDeletesItsFiles() {
    Started request =
        walk.walkToPublication(
            announcement(
                "ประกาศปิดถนนชั่วคราวเพื่อซ่อมท่อระบายน้ำ",
                "other",
                Map.of(
                    "attachment1",
                    RequestWalk.file("แผนที่ถนนที่ปิด.png", "image/png", picture()),
                    "attachment2",
                    RequestWalk.file("หนังสือแจ้งปิดถนน.pdf", "application/pdf", pdf()))));
    walk.awaitStatus(request.businessKey(), "PUBLISHED", PUBLISHING);
    JsonNode post = onlyPublicPost(request);
    long postId = post.get("id").asLong();
    String link = post.path("link").asText();
    List<String> fileUrls =
        wordpress.mediaOf(request.slug()).stream().map(m -> m.path("source_url").asText()).toList();
    assertThat(fileUrls).hasSize(2);
    assertThat(wordpress.publicGet(link).statusCode()).isEqualTo(200);

    walk.call(
        "webmaster",
        HttpMethod.POST,
        "/api/published/" + request.businessKey() + "/withdraw",
        Map.of("reason", "ซ่อมท่อเสร็จก่อนกำหนด เปิดถนนแล้ว"),
        HttpStatus.NO_CONTENT);

    assertThat(wordpress.publicGet(link).statusCode())
        .as("the post's page is gone for visitors")
        .isEqualTo(404);
    assertThat(publicPosts(request)).as("and from the public REST API").isEmpty();
    assertThat(wordpress.publicGet("/wp-json/wp/v2/posts/" + postId).statusCode())
        .isIn(401, 403, 404);
    List<JsonNode> kept = wordpress.postsWithSlug(request.slug());
    assertThat(kept).as("kept at WordPress as a draft, not deleted").hasSize(1);
    assertThat(kept.get(0).path("status").asText()).isEqualTo("draft");
    assertThat(wordpress.mediaOf(request.slug())).as("its files deleted").isEmpty();
    assertThat(fileUrls)
        .as("and no longer downloadable")
        .allSatisfy(url -> assertThat(wordpress.publicBytes(url).statusCode()).isEqualTo(404));
    assertThat(walk.awaitStatus(request.businessKey(), "UNPUBLISHED", Duration.ofSeconds(5)))
        .isNotNull();
  }

  @Test
  void titleAndDetailsWithMarkupStayTextInThePost() {
    Started request =
        walk.walkToPublication(
            announcement(
                "<script>alert('title')</script> ประกาศ <b>ด่วน</b>",
                "other",
                Map.of("details", "รายละเอียด <img src=x onerror=alert('details')> จบ")));
    walk.awaitStatus(request.businessKey(), "PUBLISHED", PUBLISHING);

    JsonNode post = onlyPublicPost(request);
    String title = post.path("title").path("rendered").asText();
    assertThat(title).doesNotContain("<script").doesNotContain("<b>").contains("ประกาศ");
    assertThat(title).contains("&lt;script&gt;").contains("&lt;b&gt;ด่วน&lt;/b&gt;");
    assertThat(post.path("content").path("rendered").asText())
        .doesNotContain("<img src=\"x\"")
        .doesNotContain("<img src=x")
        .contains("&lt;img src=x onerror=");

    String page = wordpress.publicGet(post.path("link").asText()).body();
    assertThat(page)
        .as("the visitor's page shows the markup as text and runs none of it")
        .doesNotContain("<script>alert(")
        .doesNotContain("<b>ด่วน</b>")
        .doesNotContain("<img src=x")
        .contains("&lt;b&gt;ด่วน&lt;/b&gt;");
  }

  // ------------------------------------------------------------------------------------------

  /** A valid request of the clerk's office, with the given title, category and extra fields. */
  static Map<String, Object> announcement(String title, String category, Map<String, ?> extra) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("unit", "clerk");
    fields.put("title", title);
    fields.put(
        "details",
        "เทศบาลตำบลทดสอบเปิดรับสมัครเด็กและเยาวชนอายุ ๗–๒๕ ปี ที่มีภูมิลำเนาในเขตเทศบาล\n\n"
            + "ยื่นใบสมัครได้ที่สำนักปลัดเทศบาลในวันและเวลาราชการ ตั้งแต่วันนี้ถึงสิ้นเดือน");
    fields.put("category", category);
    fields.put("externalUrl", SOURCE);
    fields.put("urgent", false);
    fields.putAll(extra);
    return fields;
  }

  private List<JsonNode> publicPosts(Started request) {
    HttpResponse<String> answer =
        wordpress.publicGet("/wp-json/wp/v2/posts?slug=" + request.slug());
    assertThat(answer.statusCode()).isEqualTo(200);
    return WordPressTestServer.list(WordPressTestServer.json(answer.body()));
  }

  /** Where the service says the item is published ({@code /api/published}, public). */
  private String publicUrl(Started request) {
    JsonNode published =
        walk.call("webmaster", HttpMethod.GET, "/api/published", null, HttpStatus.OK);
    for (JsonNode item : published) {
      if (request.businessKey().equals(item.path("businessKey").asText())) {
        return item.path("url").asText();
      }
    }
    throw new AssertionError(request.businessKey() + " is not in /api/published: " + published);
  }

  /** The one post a visitor finds for the request. */
  private JsonNode onlyPublicPost(Started request) {
    List<JsonNode> posts = publicPosts(request);
    assertThat(posts).as("one public post with slug " + request.slug()).hasSize(1);
    return posts.get(0);
  }

  private Job awaitFailedJob(Started request) {
    Instant deadline = Instant.now().plus(PUBLISHING);
    while (Instant.now().isBefore(deadline)) {
      Job job =
          managementService
              .createJobQuery()
              .processInstanceId(request.processInstanceId())
              .singleResult();
      if (job != null && job.getExceptionMessage() != null) {
        return job;
      }
      sleep();
    }
    throw new AssertionError("the publishing job of " + request.businessKey() + " did not fail");
  }

  private static JsonNode byMime(List<JsonNode> media, String mimeType) {
    return media.stream()
        .filter(m -> mimeType.equals(m.path("mime_type").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + mimeType + " among " + media));
  }

  /** A picture worth showing: a green field, a sky and a sun, 640×360. */
  static byte[] picture() {
    BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(0x9ed0f0));
    g.fillRect(0, 0, 640, 240);
    g.setColor(new Color(0x4c9a2a));
    g.fillRect(0, 240, 640, 120);
    g.setColor(new Color(0xf5c518));
    g.fillOval(480, 40, 90, 90);
    g.setColor(new Color(0x7a4b2a));
    g.fillRect(120, 170, 120, 90);
    g.setColor(new Color(0xb22222));
    g.fillPolygon(new int[] {105, 180, 255}, new int[] {175, 110, 175}, 3);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pdf() {
    return TestFiles.pdf("Municipal announcement");
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
