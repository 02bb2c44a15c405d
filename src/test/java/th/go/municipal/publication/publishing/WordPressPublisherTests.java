package th.go.municipal.publication.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import th.go.municipal.publication.common.Hashes;

/**
 * The WordPress publisher against a WireMock WordPress on a random port. publication_targets is
 * kept in memory here (a row lost with a rolled-back job is simply absent); its JPA mapping is
 * tested in {@link PublicationTargetRepositoryTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class WordPressPublisherTests {

  static final String USER = "publication-bot";
  static final String PASSWORD = "abcd EFGH ijkl MNOP qrst UVWX";
  static final String KEY = "PR-2570-0001";
  static final String SLUG = "pr-2570-0001";
  static final String POSTS = "/wp-json/wp/v2/posts";
  static final String MEDIA = "/wp-json/wp/v2/media";
  static final String ME = "/wp-json/wp/v2/users/me";

  /** The capabilities WordPress reports for a user with the role Author (and Editor). */
  static final String AUTHOR =
      "{\"id\": 7, \"slug\": \"publication-bot\", \"capabilities\": {\"read\": true,"
          + " \"edit_posts\": true, \"publish_posts\": true, \"upload_files\": true,"
          + " \"edit_published_posts\": true, \"delete_published_posts\": true, \"author\": true}}";

  static final Instant NOW = Instant.parse("2026-03-01T03:00:00Z"); // 10:00 in Bangkok
  static final ObjectMapper JSON = new ObjectMapper();

  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};
  static final byte[] PDF = "%PDF-1.4 งบประมาณ".getBytes(StandardCharsets.UTF_8);
  static final PublishedFile PHOTO =
      file("attachment1", "ภาพกิจกรรม.jpg", "image", "image/jpeg", JPEG);
  static final PublishedFile REPORT =
      file("attachment2", "รายงานงบประมาณ.pdf", "text", "application/pdf", PDF);

  @RegisterExtension
  static WireMockExtension wordpress =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  InMemoryPublicationTargets store = InMemoryPublicationTargets.create();
  PublicationTargetRepository targets = store.repository();

  WordPressPublisher publisher;

  @BeforeEach
  void wordPressWithAnApplicationPassword() {
    wordpress.stubFor(
        get(urlPathEqualTo(ME))
            .withQueryParam("context", equalTo("edit"))
            .willReturn(okJson(AUTHOR)));
    publisher =
        new WordPressPublisher(
            settings(Duration.ofSeconds(5)), targets, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void publishingUploadsEachFileAttachedToADraftThenPublishesThePostWithItsContent()
      throws Exception {
    // given a WordPress without the post
    stubNoPostWithOurSlug();
    stubCreatedPost(101, "draft", "https://wp.example.go.th/?p=101");
    stubMediaUpload(PHOTO, 201, "https://wp.example.go.th/wp-content/uploads/2026/03/photo.jpg");
    stubMediaUpload(REPORT, 202, "https://wp.example.go.th/wp-content/uploads/2026/03/report.pdf");
    stubUpdatedPost(101, "publish", "https://wp.example.go.th/pr-2570-0001/");

    // when the item is published
    String url = publisher.publish(content(List.of(PHOTO, REPORT), null));

    // then the files went to /media with their type and a stable ASCII file name, attached to the
    // draft
    assertThat(url).isEqualTo("https://wp.example.go.th/pr-2570-0001/");
    LoggedRequest photo =
        single(
            postRequestedFor(urlPathEqualTo(MEDIA))
                .withQueryParam("slug", equalTo(WordPressPublisher.mediaSlug(KEY, PHOTO))));
    assertThat(photo.getHeader("Content-Type")).isEqualTo("image/jpeg");
    assertThat(photo.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"" + WordPressPublisher.mediaSlug(KEY, PHOTO) + ".jpg\"");
    assertThat(photo.getBody()).isEqualTo(JPEG);
    assertThat(photo.queryParameter("post").firstValue()).isEqualTo("101");
    assertThat(photo.queryParameter("title").firstValue()).isEqualTo("ภาพกิจกรรม.jpg");
    assertThat(WordPressPublisher.mediaSlug(KEY, PHOTO))
        .matches("pr-2570-0001-attachment1-[0-9a-f]{12}");
    LoggedRequest report =
        single(
            postRequestedFor(urlPathEqualTo(MEDIA))
                .withQueryParam("slug", equalTo(WordPressPublisher.mediaSlug(KEY, REPORT))));
    assertThat(report.getHeader("Content-Type")).isEqualTo("application/pdf");
    assertThat(report.getBody()).isEqualTo(PDF);

    // and the draft was reserved with the slug, then filled in and made public
    JsonNode draft = body(single(postRequestedFor(urlEqualTo(POSTS))));
    assertThat(draft.path("slug").asText()).isEqualTo(SLUG);
    assertThat(draft.path("status").asText()).isEqualTo("draft");
    JsonNode post = body(single(postRequestedFor(urlEqualTo(POSTS + "/101"))));
    assertThat(post.path("title").asText()).isEqualTo("ประกาศแผนการใช้จ่ายงบประมาณ ประจำปี 2569");
    assertThat(post.path("slug").asText()).isEqualTo(SLUG);
    assertThat(post.path("status").asText()).isEqualTo("publish");
    assertThat(post.has("date_gmt")).isFalse();
    assertThat(post.path("categories")).hasSize(1);
    assertThat(post.path("categories").get(0).asLong()).isEqualTo(12);
    String html = post.path("content").asText();
    assertThat(html)
        .startsWith("<p>รายละเอียดแผน &amp; งบประมาณ</p>")
        .contains("<h2>เอกสารแนบ</h2>")
        .contains("<img src=\"https://wp.example.go.th/wp-content/uploads/2026/03/photo.jpg\"")
        .contains(
            "<a href=\"https://wp.example.go.th/wp-content/uploads/2026/03/report.pdf\">รายงานงบประมาณ.pdf</a>")
        .contains("(ข้อมูลตัวอักษร, ")
        .contains(
            "<p>แหล่งที่มา: <a href=\"https://www.example.org/source?a=1&amp;b=2\""
                + " rel=\"noopener noreferrer nofollow\">https://www.example.org/source?a=1&amp;b=2</a></p>")
        .contains("<p>หน่วยงานเจ้าของข้อมูล: กองคลัง</p>")
        .doesNotContain("<script");

    // and every request carried the application password as HTTP basic
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(wordpress.findAll(anyRequestedFor(anyUrl())))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(basic));

    // and where the post lives is recorded
    assertThat(store.rows).hasSize(1);
    assertThat(targets.find(KEY, "wordpress"))
        .get()
        .satisfies(row -> assertThat(row.getRemoteId()).isEqualTo("101"))
        .satisfies(
            row ->
                assertThat(row.getRemoteUrl()).isEqualTo("https://wp.example.go.th/pr-2570-0001/"));
  }

  @Test
  void itemWithoutAttachmentsIsCreatedInOneRequestWithoutCategoryWhenNotMapped() throws Exception {
    // given a WordPress without the post and a category with no WordPress id
    stubNoPostWithOurSlug();
    stubCreatedPost(55, "publish", "https://wp.example.go.th/pr-2570-0001/");

    // when
    String url = publisher.publish(content(List.of(), null, "other"));

    // then one create with the final content, no media, no categories
    assertThat(url).isEqualTo("https://wp.example.go.th/pr-2570-0001/");
    JsonNode post = body(single(postRequestedFor(urlEqualTo(POSTS))));
    assertThat(post.path("status").asText()).isEqualTo("publish");
    assertThat(post.has("categories")).isFalse();
    assertThat(post.path("content").asText()).doesNotContain("เอกสารแนบ");
    wordpress.verify(0, postRequestedFor(urlPathEqualTo(MEDIA)));
    assertThat(targets.find(KEY, "wordpress"))
        .get()
        .extracting(PublicationTarget::getRemoteId)
        .isEqualTo("55");
  }

  @Test
  void publishingAgainUpdatesTheSamePostAndReusesTheFilesInsteadOfCreatingNewOnes() {
    // given the item was published once
    stubNoPostWithOurSlug();
    stubCreatedPost(101, "draft", "https://wp.example.go.th/?p=101");
    stubMediaUpload(PHOTO, 201, "https://wp.example.go.th/wp-content/uploads/photo.jpg");
    stubUpdatedPost(101, "publish", "https://wp.example.go.th/pr-2570-0001/");
    PublicationContent content = content(List.of(PHOTO), null);
    publisher.publish(content);

    // when the job runs again (a retry)
    String again = publisher.publish(content);

    // then no second post and no second upload: the same post is updated
    assertThat(again).isEqualTo("https://wp.example.go.th/pr-2570-0001/");
    wordpress.verify(1, postRequestedFor(urlEqualTo(POSTS)));
    wordpress.verify(1, postRequestedFor(urlPathEqualTo(MEDIA)));
    wordpress.verify(2, postRequestedFor(urlEqualTo(POSTS + "/101")));
    // the local record answered; WordPress was searched by slug only the first time
    wordpress.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
  }

  @Test
  void postAndFileLeftOnWordPressByACrashedAttemptAreReusedWithoutALocalRecord() throws Exception {
    // given an earlier attempt created the post and uploaded the file, but its transaction was
    // rolled back
    assertThat(targets.find(KEY, "wordpress")).isEmpty();
    wordpress.stubFor(
        get(urlPathEqualTo(POSTS))
            .withQueryParam("slug", equalTo(SLUG))
            .withQueryParam("status", equalTo("any"))
            .withQueryParam("context", equalTo("edit"))
            .willReturn(
                okJson("[{\"id\": 77, \"slug\": \"pr-2570-0001\", \"status\": \"draft\"}]")));
    String mediaSlug = WordPressPublisher.mediaSlug(KEY, PHOTO);
    wordpress.stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("slug", equalTo(mediaSlug))
            .willReturn(
                okJson(
                    "[{\"id\": 301, \"slug\": \""
                        + mediaSlug
                        + "\", \"post\": 0,"
                        + " \"source_url\": \"https://wp.example.go.th/wp-content/uploads/photo.jpg\"}]")));
    wordpress.stubFor(
        post(urlEqualTo(MEDIA + "/301"))
            .willReturn(
                okJson(
                    "{\"id\": 301, \"post\": 77,"
                        + " \"source_url\": \"https://wp.example.go.th/wp-content/uploads/photo.jpg\"}")));
    stubUpdatedPost(77, "publish", "https://wp.example.go.th/pr-2570-0001/");

    // when the job is retried
    String url = publisher.publish(content(List.of(PHOTO), null));

    // then the found post is updated, the found file attached to it, and nothing is created
    assertThat(url).isEqualTo("https://wp.example.go.th/pr-2570-0001/");
    wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS)));
    wordpress.verify(0, postRequestedFor(urlPathEqualTo(MEDIA)));
    assertThat(body(single(postRequestedFor(urlEqualTo(MEDIA + "/301")))).path("post").asLong())
        .isEqualTo(77);
    assertThat(body(single(postRequestedFor(urlEqualTo(POSTS + "/77")))).path("content").asText())
        .contains("https://wp.example.go.th/wp-content/uploads/photo.jpg");
    assertThat(targets.find(KEY, "wordpress"))
        .get()
        .extracting(PublicationTarget::getRemoteId)
        .isEqualTo("77");
  }

  @Test
  void postDeletedForGoodAtWordPressSinceItWasRecordedIsCreatedAgain() {
    // given a local record of post 101, which someone deleted permanently at WordPress
    targets.remember(KEY, "wordpress", "101", "https://wp.example.go.th/pr-2570-0001/");
    wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(aResponse().withStatus(404)));
    stubNoPostWithOurSlug();
    stubCreatedPost(150, "publish", "https://wp.example.go.th/pr-2570-0001/");

    // when
    publisher.publish(content(List.of(), null));

    // then it is looked up by slug, created once, and the record points at the new post
    wordpress.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
    wordpress.verify(1, postRequestedFor(urlEqualTo(POSTS)));
    assertThat(targets.find(KEY, "wordpress"))
        .get()
        .extracting(PublicationTarget::getRemoteId)
        .isEqualTo("150");
    assertThat(store.rows).hasSize(1);
  }

  @Test
  void postWhoseSlugIsNotExactlyOursIsNeverOverwritten() {
    // given a site that ignores the slug filter and lists another post
    wordpress.stubFor(
        get(urlPathEqualTo(POSTS))
            .willReturn(okJson("[{\"id\": 5, \"slug\": \"welcome\", \"status\": \"publish\"}]")));
    stubCreatedPost(102, "publish", "https://wp.example.go.th/pr-2570-0001/");

    // when
    publisher.publish(content(List.of(), null));

    // then our own post is created and post 5 is untouched
    wordpress.verify(1, postRequestedFor(urlEqualTo(POSTS)));
    wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS + "/5")));
  }

  @Test
  void itemWithPublishFromInTheFutureIsScheduledForMidnightBangkokTime() throws Exception {
    // given
    stubNoPostWithOurSlug();
    stubCreatedPost(103, "future", "https://wp.example.go.th/?p=103");

    // when publishFrom is after today (1 March 2026 in Bangkok)
    String url = publisher.publish(content(List.of(), LocalDate.of(2026, 3, 5)));

    // then WordPress schedules it: 5 March 00:00 Bangkok is 4 March 17:00 UTC
    JsonNode post = body(single(postRequestedFor(urlEqualTo(POSTS))));
    assertThat(post.path("status").asText()).isEqualTo("future");
    assertThat(post.path("date_gmt").asText()).isEqualTo("2026-03-04T17:00:00");
    assertThat(url).isEqualTo("https://wp.example.go.th/?p=103");
  }

  @Test
  void publishFromTodayIsPublishedAtOnce() throws Exception {
    stubNoPostWithOurSlug();
    stubCreatedPost(104, "publish", "https://wp.example.go.th/pr-2570-0001/");

    publisher.publish(content(List.of(), LocalDate.of(2026, 3, 1)));

    assertThat(body(single(postRequestedFor(urlEqualTo(POSTS)))).path("status").asText())
        .isEqualTo("publish");
  }

  @Test
  void takingDownMakesThePostADraftAndDeletesItsFiles() {
    // given a published post with one file of its own (and a stray one of another post)
    targets.remember(KEY, "wordpress", "101", "https://wp.example.go.th/pr-2570-0001/");
    stubUpdatedPost(101, "draft", "https://wp.example.go.th/?p=101");
    wordpress.stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("parent", equalTo("101"))
            .willReturn(okJson("[{\"id\": 201, \"post\": 101}, {\"id\": 999, \"post\": 7}]")));
    wordpress.stubFor(
        WireMock.delete(urlPathEqualTo(MEDIA + "/201"))
            .withQueryParam("force", equalTo("true"))
            .willReturn(okJson("{\"deleted\": true}")));

    // when
    publisher.unpublish(KEY);

    // then
    wordpress.verify(
        postRequestedFor(urlEqualTo(POSTS + "/101"))
            .withRequestBody(equalToJson("{\"status\": \"draft\"}")));
    wordpress.verify(
        1,
        deleteRequestedFor(urlPathEqualTo(MEDIA + "/201"))
            .withQueryParam("force", equalTo("true")));
    wordpress.verify(0, deleteRequestedFor(urlPathEqualTo(MEDIA + "/999")));
  }

  @Test
  void takingDownWhatIsAlreadyGoneSucceeds() {
    // given the post was deleted at WordPress and its file too
    targets.remember(KEY, "wordpress", "101", "https://wp.example.go.th/pr-2570-0001/");
    wordpress.stubFor(
        post(urlEqualTo(POSTS + "/101"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\": \"rest_post_invalid_id\", \"message\": \"Invalid post ID.\"}")));
    wordpress.stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("parent", equalTo("101"))
            .willReturn(okJson("[{\"id\": 201, \"post\": 101}]")));
    wordpress.stubFor(
        WireMock.delete(urlPathEqualTo(MEDIA + "/201")).willReturn(aResponse().withStatus(410)));

    // when taken down, twice
    publisher.unpublish(KEY);
    publisher.unpublish(KEY);

    // then no error
    wordpress.verify(2, postRequestedFor(urlEqualTo(POSTS + "/101")));
  }

  @Test
  void takingDownAnItemThatNeverReachedWordPressChangesNothing() {
    // given no local record and no post with our slug
    stubNoPostWithOurSlug();

    // when
    publisher.unpublish(KEY);

    // then only the lookup was made
    wordpress.verify(0, postRequestedFor(anyUrl()));
    wordpress.verify(1, getRequestedFor(urlPathEqualTo(POSTS)));
  }

  @Test
  void refusedRequestFailsWithTheStatusInThaiAndEnglishAndNeverShowsThePassword(
      CapturedOutput output) {
    // given WordPress refuses the credentials
    stubNoPostWithOurSlug();
    wordpress.stubFor(
        post(urlEqualTo(POSTS))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\": \"rest_cannot_create\", \"message\": \"Sorry, you are not allowed to create posts.\"}")));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content(List.of(), null)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("ตอบกลับสถานะ")
        .hasMessageContaining("WordPress answered HTTP 401 while creating the post of PR-2570-0001")
        .hasMessageContaining("rest_cannot_create")
        .satisfies(e -> assertThat(((PublishingFailedException) e).getStatus()).isEqualTo(401))
        .message()
        .doesNotContain(PASSWORD);
    assertThat(targets.find(KEY, "wordpress")).isEmpty();
    assertThat(output.getAll())
        .doesNotContain(PASSWORD)
        .doesNotContain(
            Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusedApplicationPasswordFailsBeforeAnythingIsSentNamingTheSettings() {
    // given WordPress 6.1, which treats a refused application password as an anonymous visitor
    wordpress.stubFor(
        get(urlPathEqualTo(ME))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\": \"rest_not_logged_in\", \"message\": \"You are not currently logged in.\"}")));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content(List.of(PHOTO), null)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageStartingWith(
            "WordPress ไม่ยอมรับผู้ใช้ 'publication-bot' หรือรหัสผ่านสำหรับแอปพลิเคชัน (HTTP 401)")
        .hasMessageContaining("publication.publishing.wordpress.username / application-password")
        .hasMessageContaining("rest_not_logged_in")
        .message()
        .doesNotContain(PASSWORD);
    assertThatThrownBy(() -> publisher.unpublish(KEY))
        .hasMessageContaining("WordPress refused the user 'publication-bot'");
    wordpress.verify(0, getRequestedFor(urlPathEqualTo(POSTS)));
    wordpress.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void userWithoutTheRightsToPublishFailsNamingTheRoleNeededAndLeavesNoDraft() {
    // given a Contributor: may write drafts, may neither publish nor upload
    wordpress.stubFor(
        get(urlPathEqualTo(ME))
            .willReturn(
                okJson(
                    "{\"id\": 8, \"capabilities\": {\"read\": true, \"edit_posts\": true,"
                        + " \"contributor\": true}}")));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content(List.of(PHOTO), null)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageStartingWith(
            "ผู้ใช้ 'publication-bot' ของ WordPress มีสิทธิ์ไม่พอสำหรับ PR-2570-0001")
        .hasMessageContaining(
            "publish_posts, upload_files, edit_published_posts, delete_published_posts")
        .hasMessageContaining("ผู้เขียน (Author) หรือบรรณาธิการ (Editor)")
        .hasMessageContaining("it needs the role Author or Editor");
    wordpress.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void titleWithMarkupGoesToWordPressEscapedSoThatItShowsAsText() throws Exception {
    // given
    stubNoPostWithOurSlug();
    stubCreatedPost(101, "publish", "https://wp.example.go.th/pr-2570-0001/");
    PublicationContent markup =
        new PublicationContent(
            KEY,
            "<script>alert(1)</script> ประกาศ <b>ด่วน</b> & \"ทันที\"",
            "x",
            "<p>x</p>",
            "other",
            "อื่น ๆ",
            null,
            "clerk",
            "สำนักปลัดเทศบาล",
            null,
            null,
            null,
            List.of());

    // when
    publisher.publish(markup);

    // then
    assertThat(body(single(postRequestedFor(urlEqualTo(POSTS)))).path("title").asText())
        .isEqualTo(
            "&lt;script&gt;alert(1)&lt;/script&gt; ประกาศ &lt;b&gt;ด่วน&lt;/b&gt; &amp; &quot;ทันที&quot;");
  }

  @Test
  void serverErrorWhileUploadingAFileFailsAndNoPostIsMadePublic() {
    // given
    stubNoPostWithOurSlug();
    stubCreatedPost(101, "draft", "https://wp.example.go.th/?p=101");
    wordpress.stubFor(get(urlPathEqualTo(MEDIA)).willReturn(okJson("[]")));
    wordpress.stubFor(
        post(urlPathEqualTo(MEDIA))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html>Internal Server Error</html>")));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content(List.of(PHOTO), null)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("uploading an attachment of PR-2570-0001")
        .message()
        .doesNotContain("<html>");
    wordpress.verify(0, postRequestedFor(urlEqualTo(POSTS + "/101")));
  }

  @Test
  void refusedTakeDownFailsWithTheStatus() {
    targets.remember(KEY, "wordpress", "101", "https://wp.example.go.th/pr-2570-0001/");
    wordpress.stubFor(post(urlEqualTo(POSTS + "/101")).willReturn(aResponse().withStatus(403)));

    assertThatThrownBy(() -> publisher.unpublish(KEY))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("HTTP 403")
        .hasMessageContaining("taking down the post of PR-2570-0001");
  }

  @Test
  void wordPressThatDoesNotAnswerInTimeFailsThePublishing() {
    // given a read timeout of 300 ms and a WordPress that takes 3 s
    publisher =
        new WordPressPublisher(
            settings(Duration.ofMillis(300)), targets, Clock.fixed(NOW, ZoneOffset.UTC));
    wordpress.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson("[]").withFixedDelay(3000)));

    // when / then
    assertThatThrownBy(() -> publisher.publish(content(List.of(), null)))
        .isInstanceOf(PublishingFailedException.class)
        .hasMessageContaining("ติดต่อ WordPress ไม่ได้")
        .hasMessageContaining("could not reach WordPress or it timed out")
        .hasMessageContaining("Timeout");
  }

  @Test
  void missingOrInsecureSettingsStopTheStartWithTheKeysNamed() {
    // given no application password
    PublishingProperties noPassword = settings(Duration.ofSeconds(1));
    noPassword.getWordpress().setApplicationPassword(" ");
    assertThatThrownBy(() -> new WordPressPublisher(noPassword, targets, Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("publication.publishing.publisher=wordpress")
        .hasMessageContaining("publication.publishing.wordpress.application-password");

    // given a remote site over plain http (the password would travel in clear)
    PublishingProperties clearText = settings(Duration.ofSeconds(1));
    clearText.getWordpress().setBaseUrl("http://wp.example.go.th");
    assertThatThrownBy(() -> new WordPressPublisher(clearText, targets, Clock.systemUTC()))
        .hasMessageContaining("base-url must start with https://");

    // given nothing at all
    PublishingProperties nothing = new PublishingProperties();
    assertThatThrownBy(() -> new WordPressPublisher(nothing, targets, Clock.systemUTC()))
        .hasMessageContaining("wordpress.base-url")
        .hasMessageContaining("wordpress.username")
        .hasMessageContaining("wordpress.application-password");
  }

  @Test
  void configurationKeysBindAsDocumentedWithDefaults() {
    // given the keys as application.yml writes them
    Map<String, String> yml =
        Map.of(
            "publication.publishing.publisher", "wordpress",
            "publication.publishing.read-timeout", "45s",
            "publication.publishing.wordpress.base-url", "https://www.example.go.th",
            "publication.publishing.wordpress.username", USER,
            "publication.publishing.wordpress.application-password", PASSWORD,
            "publication.publishing.wordpress.category-ids.rules", "12",
            "publication.publishing.wordpress.category-ids.procurement", "15",
            "publication.publishing.webhook.url", "https://hook.example.go.th/publication");

    // when
    PublishingProperties bound =
        new Binder(new MapConfigurationPropertySource(yml))
            .bind("publication.publishing", PublishingProperties.class)
            .get();

    // then
    assertThat(bound.getPublisher()).isEqualTo(PublishingProperties.Publisher.WORDPRESS);
    assertThat(bound.getConnectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(bound.getReadTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(bound.getWordpress().getCategoryIds())
        .containsEntry("rules", 12L)
        .containsEntry("procurement", 15L);
    assertThat(bound.getWordpress().getApplicationPassword()).isEqualTo(PASSWORD);
    assertThat(bound.getWebhook().getUrl()).isEqualTo("https://hook.example.go.th/publication");
    assertThat(bound.getWebhook().getSecret()).isNull();
    assertThat(new PublishingProperties().getPublisher())
        .isEqualTo(PublishingProperties.Publisher.EMBEDDED);
  }

  // ------------------------------------------------------------------------------------------

  PublishingProperties settings(Duration readTimeout) {
    PublishingProperties properties = new PublishingProperties();
    properties.setPublisher(PublishingProperties.Publisher.WORDPRESS);
    properties.setReadTimeout(readTimeout);
    properties.getWordpress().setBaseUrl(wordpress.baseUrl() + "/");
    properties.getWordpress().setUsername(USER);
    properties.getWordpress().setApplicationPassword(PASSWORD);
    properties.getWordpress().setCategoryIds(Map.of("plans", 12L));
    return properties;
  }

  static PublicationContent content(List<PublishedFile> files, LocalDate publishFrom) {
    return content(files, publishFrom, "plans");
  }

  static PublicationContent content(
      List<PublishedFile> files, LocalDate publishFrom, String category) {
    return new PublicationContent(
        KEY,
        "ประกาศแผนการใช้จ่ายงบประมาณ ประจำปี 2569",
        "รายละเอียดแผน & งบประมาณ",
        "<p>รายละเอียดแผน &amp; งบประมาณ</p>",
        category,
        "แผนงาน โครงการ",
        "O18",
        "finance",
        "กองคลัง",
        "https://www.example.org/source?a=1&b=2",
        publishFrom,
        null,
        files);
  }

  static PublishedFile file(
      String variable, String name, String kind, String mediaType, byte[] content) {
    return new PublishedFile(variable, name, kind, mediaType, Hashes.sha256(content), content);
  }

  void stubNoPostWithOurSlug() {
    wordpress.stubFor(
        get(urlPathEqualTo(POSTS))
            .withQueryParam("slug", equalTo(SLUG))
            .withQueryParam("status", equalTo("any"))
            .withQueryParam("context", equalTo("edit"))
            .willReturn(okJson("[]")));
  }

  void stubCreatedPost(long id, String status, String link) {
    wordpress.stubFor(
        post(urlEqualTo(POSTS))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(postJson(id, status, link))));
  }

  void stubUpdatedPost(long id, String status, String link) {
    wordpress.stubFor(
        post(urlEqualTo(POSTS + "/" + id)).willReturn(okJson(postJson(id, status, link))));
  }

  /** Not found by its slug until uploaded, found afterwards (as WordPress would). */
  void stubMediaUpload(PublishedFile file, long id, String url) {
    String slug = WordPressPublisher.mediaSlug(KEY, file);
    String media =
        "{\"id\": "
            + id
            + ", \"slug\": \""
            + slug
            + "\", \"post\": 101, \"source_url\": \""
            + url
            + "\"}";
    wordpress.stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("slug", equalTo(slug))
            .inScenario(slug)
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson("[]")));
    wordpress.stubFor(
        post(urlPathEqualTo(MEDIA))
            .withQueryParam("slug", equalTo(slug))
            .inScenario(slug)
            .whenScenarioStateIs(STARTED)
            .willSetStateTo("uploaded")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(media)));
    wordpress.stubFor(
        get(urlPathEqualTo(MEDIA))
            .withQueryParam("slug", equalTo(slug))
            .inScenario(slug)
            .whenScenarioStateIs("uploaded")
            .willReturn(okJson("[" + media + "]")));
  }

  static String postJson(long id, String status, String link) {
    return "{\"id\": "
        + id
        + ", \"slug\": \""
        + SLUG
        + "\", \"status\": \""
        + status
        + "\", \"link\": \""
        + link
        + "\"}";
  }

  LoggedRequest single(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    List<LoggedRequest> found = wordpress.findAll(pattern);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  static JsonNode body(LoggedRequest request) throws Exception {
    return JSON.readTree(request.getBody());
  }
}
