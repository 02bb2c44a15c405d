package th.go.municipal.publication.publishing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.HtmlUtils;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.PublisherHttp.Reply;
import th.go.municipal.publication.publishing.PublishingFailedException.Action;

/**
 * Publishes to a WordPress site through its REST API v2 ({@code /wp-json/wp/v2}), authenticated
 * with HTTP basic and an application password of a dedicated WordPress user (role Author is enough:
 * it may publish, edit and delete its own posts and upload files).
 *
 * <p>The post's slug is the business key in lower case ({@code PR-2570-0001} → {@code
 * pr-2570-0001}); every attachment is a media item with the stable slug {@code <post
 * slug>-<variable>-<12 hex of its SHA-256>} and that slug as its file name (with the original
 * extension; the original, often Thai, file name becomes the media title and the link text).
 *
 * <p><b>A retry never creates a second post or a second file.</b> The job that calls this runs in
 * the engine's transaction: the {@code publication_targets} row written here is lost if anything
 * after the HTTP call fails. So the post is looked up (1) in {@code publication_targets}, else (2)
 * on WordPress by slug among all statuses ({@code GET /posts?slug=…&status=any&context=edit}); only
 * when neither finds it is a post created. Media are looked up by their slug before each upload.
 * When there are attachments and no post yet, the post is first created as a <i>draft</i> (not
 * public) so that the files are uploaded attached to it ({@code post=<id>}); the post is then
 * updated with its full content and made public, so the public never sees it without its files.
 *
 * <p><b>Taking down</b> sets the post to {@code draft} (it keeps its slug, so a later retry still
 * finds it, and nothing is lost at WordPress) and deletes its attached files ({@code force=true}:
 * WordPress has no trash for media, and a file under {@code wp-content/uploads} stays downloadable
 * by its URL while it exists). A post or file that is already gone counts as taken down.
 */
@Component
@ConditionalOnProperty(name = "publication.publishing.publisher", havingValue = "wordpress")
public class WordPressPublisher implements WebsitePublisher {

  static final String TARGET = "wordpress";
  static final String POSTS = "/wp-json/wp/v2/posts";
  static final String MEDIA = "/wp-json/wp/v2/media";
  static final String ME = "/wp-json/wp/v2/users/me";

  /** What the user must be allowed at WordPress: the role Author has all of it, Editor too. */
  static final List<String> CAPABILITIES =
      List.of("publish_posts", "upload_files", "edit_published_posts", "delete_published_posts");

  private static final Logger log = LoggerFactory.getLogger(WordPressPublisher.class);
  private static final Map<String, String> KIND_LABELS =
      Map.of(
          "text",
          "ข้อมูลตัวอักษร",
          "image",
          "ข้อมูลภาพ",
          "audio",
          "ข้อมูลเสียง",
          "video",
          "ข้อมูลภาพเคลื่อนไหว");

  private final RestClient client;
  private final PublisherHttp http = new PublisherHttp("WordPress");
  private final String username;
  private final Map<String, Long> categoryIds;
  private final PublicationTargetRepository targets;
  private final Clock clock;

  public WordPressPublisher(
      PublishingProperties properties, PublicationTargetRepository targets, Clock clock) {
    properties.checkWordPress();
    PublishingProperties.WordPress wordpress = properties.getWordpress();
    this.client =
        PublisherHttp.builder(properties)
            .baseUrl(wordpress.getBaseUrl().strip().replaceAll("/+$", ""))
            .defaultHeaders(
                h ->
                    h.setBasicAuth(
                        wordpress.getUsername().strip(),
                        wordpress.getApplicationPassword().strip(),
                        UTF_8))
            .build();
    this.username = wordpress.getUsername().strip();
    this.categoryIds = Map.copyOf(wordpress.getCategoryIds());
    this.targets = targets;
    this.clock = clock;
    log.info(
        "Publishing to WordPress at {} as user {}",
        wordpress.getBaseUrl(),
        wordpress.getUsername());
  }

  @Override
  public String publish(PublicationContent content) {
    checkUser(content.businessKey());
    return publish(content, true);
  }

  private String publish(PublicationContent content, boolean trustLocalRow) {
    String key = content.businessKey();
    String slug = slug(key);
    List<PublishedFile> attachments =
        content.attachments() == null ? List.of() : content.attachments();
    Long postId = existingPost(key, slug, trustLocalRow);
    if (postId == null && !attachments.isEmpty()) {
      // Reserve the post, not public yet, so that the files are uploaded attached to it.
      postId =
          postId(
              createPost(key, Map.of("title", title(content), "slug", slug, "status", "draft")),
              key,
              Action.CREATE_POST);
    }
    List<Uploaded> files = new ArrayList<>();
    for (PublishedFile file : attachments) {
      files.add(upload(key, file, postId));
    }
    Map<String, Object> fields = postFields(content, slug, files);
    JsonNode post;
    if (postId == null) {
      post = createPost(key, fields);
    } else {
      Reply reply =
          http.send(
              client
                  .post()
                  .uri(POSTS + "/{id}", postId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(fields),
              Action.UPDATE_POST,
              key);
      if (reply.gone() && trustLocalRow) {
        // Deleted for good at WordPress since we recorded it: look it up by slug, else create it
        // anew.
        log.warn("WordPress post {} of {} no longer exists; publishing it again", postId, key);
        return publish(content, false);
      }
      if (!reply.ok()) {
        throw http.failure(reply, Action.UPDATE_POST, key);
      }
      post = reply.json();
    }
    long id = postId(post, key, Action.UPDATE_POST);
    String link = post.path("link").asText("");
    if (link.isBlank()) {
      throw PublishingFailedException.badAnswer(
          "WordPress", Action.UPDATE_POST, key, "the post's link");
    }
    targets.remember(key, TARGET, Long.toString(id), link);
    log.info(
        "Published {} to WordPress as post {} ({}, status {})",
        key,
        id,
        link,
        post.path("status").asText("?"));
    return link;
  }

  @Override
  public void unpublish(String businessKey) {
    checkUser(businessKey);
    Long postId = existingPost(businessKey, slug(businessKey), true);
    if (postId == null) {
      log.info("{} has no post at WordPress; nothing to take down", businessKey);
      return;
    }
    Reply reply =
        http.send(
            client
                .post()
                .uri(POSTS + "/{id}", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "draft")),
            Action.UNPUBLISH_POST,
            businessKey);
    if (reply.gone()) {
      log.info("WordPress post {} of {} is already gone", postId, businessKey);
    } else if (!reply.ok()) {
      throw http.failure(reply, Action.UNPUBLISH_POST, businessKey);
    }
    int deleted = deleteAttachedMedia(businessKey, postId);
    log.info(
        "Took {} down at WordPress (post {} not public, {} file(s) deleted)",
        businessKey,
        postId,
        deleted);
  }

  /**
   * Fails unless WordPress accepts the user and its application password and lets it publish. A
   * refused application password does not fail a REST request by itself at WordPress 6.1: the
   * request goes on as an anonymous visitor's and fails later on something else (a search for
   * drafts answers 400 "Status is forbidden"), and a user without the rights would leave a draft
   * behind. Asking first ({@code users/me}) gives the webmaster the real reason.
   */
  private void checkUser(String key) {
    Reply reply =
        http.send(
            client.get().uri(b -> b.path(ME).queryParam("context", "edit").build()),
            Action.CHECK_USER,
            key);
    if (reply.status() == 401 || reply.status() == 403) {
      throw PublishingFailedException.loginRefused(
          "WordPress",
          key,
          username,
          reply.status(),
          reply.detail(),
          "publication.publishing.wordpress.username / application-password");
    }
    if (!reply.ok()) {
      throw http.failure(reply, Action.CHECK_USER, key);
    }
    JsonNode capabilities = reply.json().path("capabilities");
    List<String> missing =
        CAPABILITIES.stream().filter(c -> !capabilities.path(c).asBoolean(false)).toList();
    if (!missing.isEmpty()) {
      throw PublishingFailedException.notAllowed(
          "WordPress",
          key,
          username,
          missing,
          "ผู้เขียน (Author) หรือบรรณาธิการ (Editor)",
          "Author or Editor");
    }
  }

  /** The post's id from publication_targets, else from WordPress by slug; null if there is none. */
  private Long existingPost(String key, String slug, boolean trustLocalRow) {
    if (trustLocalRow) {
      Optional<PublicationTarget> row = targets.find(key, TARGET);
      if (row.isPresent()) {
        return Long.valueOf(row.get().getRemoteId());
      }
    }
    Reply reply =
        http.expectSuccess(
            client
                .get()
                .uri(
                    b ->
                        b.path(POSTS)
                            .queryParam("slug", "{slug}")
                            .queryParam("status", "any")
                            .queryParam("context", "edit")
                            .build(slug)),
            Action.FIND_POST,
            key);
    for (JsonNode post : items(reply.json())) {
      // Only an exact slug: a site that ignored the filter must not make us overwrite another post.
      if (slug.equals(post.path("slug").asText()) && post.path("id").canConvertToLong()) {
        log.info(
            "Found {} at WordPress by slug as post {} ({}) without a local record; updating it",
            key,
            post.get("id").asLong(),
            post.path("status").asText("?"));
        return post.get("id").asLong();
      }
    }
    return null;
  }

  private JsonNode createPost(String key, Map<String, Object> fields) {
    return http.expectSuccess(
            client.post().uri(POSTS).contentType(MediaType.APPLICATION_JSON).body(fields),
            Action.CREATE_POST,
            key)
        .json();
  }

  /** The file at WordPress, uploaded now or found from an earlier attempt, attached to the post. */
  private Uploaded upload(String key, PublishedFile file, Long postId) {
    String mediaSlug = mediaSlug(key, file);
    JsonNode media = null;
    Reply found =
        http.expectSuccess(
            client
                .get()
                .uri(
                    b ->
                        b.path(MEDIA)
                            .queryParam("slug", "{slug}")
                            .queryParam("context", "edit")
                            .build(mediaSlug)),
            Action.FIND_MEDIA,
            key);
    for (JsonNode candidate : items(found.json())) {
      if (mediaSlug.equals(candidate.path("slug").asText())) {
        media = candidate;
      }
    }
    if (media == null) {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("slug", mediaSlug);
      query.put("title", file.fileName());
      if (postId != null) {
        query.put("post", postId);
      }
      media =
          http.expectSuccess(
                  client
                      .post()
                      .uri(
                          b -> {
                            b.path(MEDIA);
                            query.keySet().forEach(name -> b.queryParam(name, "{" + name + "}"));
                            return b.build(query);
                          })
                      .contentType(mediaType(file))
                      .header(
                          HttpHeaders.CONTENT_DISPOSITION,
                          ContentDisposition.attachment()
                              .filename(mediaSlug + extension(file.fileName()))
                              .build()
                              .toString())
                      .body(file.content()),
                  Action.UPLOAD_MEDIA,
                  key)
              .json();
    } else if (postId != null && media.path("post").asLong(0) != postId) {
      media =
          http.expectSuccess(
                  client
                      .post()
                      .uri(MEDIA + "/{id}", media.path("id").asLong())
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("post", postId)),
                  Action.ATTACH_MEDIA,
                  key)
              .json();
    }
    String url = media.path("source_url").asText("");
    if (!media.path("id").canConvertToLong() || url.isBlank()) {
      throw PublishingFailedException.badAnswer(
          "WordPress", Action.UPLOAD_MEDIA, key, "the media id and source_url");
    }
    return new Uploaded(file, media.path("id").asLong(), url);
  }

  private int deleteAttachedMedia(String key, long postId) {
    int deleted = 0;
    Reply attached =
        http.expectSuccess(
            client
                .get()
                .uri(
                    b ->
                        b.path(MEDIA)
                            .queryParam("parent", "{parent}")
                            .queryParam("per_page", "100")
                            .queryParam("context", "edit")
                            .build(postId)),
            Action.FIND_MEDIA,
            key);
    for (JsonNode media : items(attached.json())) {
      if (media.path("post").asLong(0) != postId || !media.path("id").canConvertToLong()) {
        continue; // never delete a file that is not this post's
      }
      long mediaId = media.get("id").asLong();
      Reply reply =
          http.send(
              client
                  .delete()
                  .uri(b -> b.path(MEDIA + "/{id}").queryParam("force", "true").build(mediaId)),
              Action.DELETE_MEDIA,
              key);
      if (!reply.ok() && !reply.gone()) {
        throw http.failure(reply, Action.DELETE_MEDIA, key);
      }
      deleted++;
    }
    return deleted;
  }

  private Map<String, Object> postFields(
      PublicationContent content, String slug, List<Uploaded> files) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", title(content));
    fields.put("content", html(content, files));
    fields.put("slug", slug);
    LocalDate today = LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
    if (content.publishFrom() != null && content.publishFrom().isAfter(today)) {
      // Scheduled: WordPress makes it public at midnight Bangkok time of publishFrom.
      fields.put("status", "future");
      fields.put(
          "date_gmt",
          content
              .publishFrom()
              .atStartOfDay(ThaiDates.BANGKOK)
              .withZoneSameInstant(ZoneOffset.UTC)
              .toLocalDateTime()
              .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    } else {
      fields.put("status", "publish");
    }
    Long category = content.category() == null ? null : categoryIds.get(content.category());
    if (category != null) {
      fields.put("categories", List.of(category));
    }
    return fields;
  }

  /**
   * The post's HTML: the details (already made safe), the attachments (images shown, audio and
   * video playable, each with a download link), the cited source and the unit. Everything else is
   * escaped.
   */
  static String html(PublicationContent content, List<Uploaded> files) {
    StringBuilder html =
        new StringBuilder(content.detailsHtml() == null ? "" : content.detailsHtml());
    if (!files.isEmpty()) {
      html.append("\n<h2>เอกสารแนบ</h2>\n<ul class=\"publication-attachments\">");
      for (Uploaded uploaded : files) {
        PublishedFile file = uploaded.file();
        String url = escape(uploaded.url());
        String kind = file.kind() == null ? "" : file.kind();
        String label =
            "<a href=\""
                + url
                + "\">"
                + escape(file.fileName())
                + "</a> ("
                + escape(KIND_LABELS.getOrDefault(kind, kind))
                + ", "
                + size(file.content() == null ? 0 : file.content().length)
                + ")";
        html.append("\n<li>");
        switch (kind) {
          // The whole label inside the figure: WordPress's wpautop would wrap text after it in an
          // unclosed <p>.
          case "image" ->
              html.append("<figure><img src=\"")
                  .append(url)
                  .append("\" alt=\"")
                  .append(escape("ภาพประกอบ: " + content.title()))
                  .append("\"><figcaption>")
                  .append(label)
                  .append("</figcaption></figure>");
          case "audio" ->
              html.append("<audio controls preload=\"none\" src=\"")
                  .append(url)
                  .append("\"></audio><br>")
                  .append(label);
          case "video" ->
              html.append("<video controls preload=\"metadata\" src=\"")
                  .append(url)
                  .append("\"></video><br>")
                  .append(label);
          default -> html.append(label);
        }
        html.append("</li>");
      }
      html.append("\n</ul>");
    }
    String source = content.externalUrl();
    if (source != null && (source.startsWith("https://") || source.startsWith("http://"))) {
      html.append("\n<p>แหล่งที่มา: <a href=\"")
          .append(escape(source))
          .append("\" rel=\"noopener noreferrer nofollow\">")
          .append(escape(source))
          .append("</a></p>");
    }
    if (content.unitName() != null && !content.unitName().isBlank()) {
      html.append("\n<p>หน่วยงานเจ้าของข้อมูล: ").append(escape(content.unitName())).append("</p>");
    }
    return html.toString();
  }

  /**
   * The title as WordPress takes it: HTML, shown as it is on the site (and kept as it is when the
   * user may post unfiltered HTML, as editors and administrators may), so it is escaped here.
   */
  static String title(PublicationContent content) {
    return escape(content.title());
  }

  /** The post slug: the business key in lower case, nothing but a-z, 0-9 and '-'. */
  static String slug(String businessKey) {
    return businessKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
  }

  /** A media slug that is the same on every attempt and changes if the file does. */
  static String mediaSlug(String businessKey, PublishedFile file) {
    String hash =
        file.sha256() == null
            ? ""
            : "-" + file.sha256().substring(0, Math.min(12, file.sha256().length()));
    return slug(businessKey) + "-" + slug(file.variable()) + hash;
  }

  private static String extension(String fileName) {
    int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
    String ext =
        dot < 0
            ? ""
            : fileName.substring(dot + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return ext.isEmpty() ? "" : "." + ext;
  }

  private static MediaType mediaType(PublishedFile file) {
    try {
      return MediaType.parseMediaType(file.mediaType());
    } catch (IllegalArgumentException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  /** The elements of a JSON array answer; anything else has none. */
  private static List<JsonNode> items(JsonNode answer) {
    List<JsonNode> items = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(items::add);
    }
    return items;
  }

  private static long postId(JsonNode post, String key, Action action) {
    if (!post.path("id").canConvertToLong()) {
      throw PublishingFailedException.badAnswer("WordPress", action, key, "the post id");
    }
    return post.get("id").asLong();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, UTF_8.name());
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " ไบต์";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A file as WordPress holds it. */
  record Uploaded(PublishedFile file, long mediaId, String url) {}
}
