package th.go.municipal.publication.website;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.MunicipalityProperties.OitItem;
import th.go.municipal.publication.request.Category;
import th.go.municipal.publication.website.WebsiteQueries.FileInfo;

/**
 * The public website: the latest items, a page per category of section 2.1 and per ITA/OIT
 * indicator, item pages with their files, and search. Pages are rendered through the {@link
 * RenderCache}; user text reaches HTML only escaped, the details only through {@link SafeHtml}.
 */
@Controller
class WebsiteController {

  static final int LATEST = 10;
  static final int PAGE_SIZE = 20;
  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_PAGE = 50;

  /**
   * The pages load styles, fonts and images from this site only (the logo may be an https URL); no
   * scripts.
   */
  static final String PAGE_POLICY =
      "default-src 'self'; img-src 'self' https:; script-src 'none'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

  /** Files are never run as a page, whatever they contain. */
  static final String FILE_POLICY = "default-src 'none'; sandbox";

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  private static final Locale THAI = Locale.forLanguageTag("th-TH");
  private static final List<String> SHOWN_KINDS = List.of("image", "audio", "video");

  /** An item in a list. */
  record ItemSummary(
      String path,
      String title,
      String excerpt,
      String categoryId,
      String categoryName,
      String unitName,
      String publishedAtIso,
      String publishedAtThai) {}

  /** An item's own page. */
  record ItemView(
      String businessKey,
      String title,
      String detailsHtml,
      String categoryId,
      String categoryName,
      String oitCode,
      String oitName,
      String unitName,
      String publishedAtIso,
      String publishedAtThai,
      String publishUntilThai,
      String sourceUrl) {}

  /** A published file, as the item page offers it. */
  record FileView(String path, String fileName, String kind, String mediaType, String size) {}

  /** A category of section 2.1 with the number of visible items. */
  record CategoryView(String id, String name, long count) {}

  /** An ITA/OIT indicator with the number of visible items. */
  record OitView(String code, String name, long count) {}

  private enum Visibility {
    VISIBLE,
    NOT_FOUND,
    GONE
  }

  private final PublishedItemRepository items;
  private final WebsiteQueries queries;
  private final MunicipalityProperties municipality;
  private final RenderCache cache;
  private final SpringTemplateEngine templates;

  WebsiteController(
      PublishedItemRepository items,
      WebsiteQueries queries,
      MunicipalityProperties municipality,
      RenderCache cache,
      SpringTemplateEngine templates) {
    this.items = items;
    this.queries = queries;
    this.municipality = municipality;
    this.cache = cache;
    this.templates = templates;
  }

  @GetMapping("/")
  ResponseEntity<byte[]> showHome(HttpServletRequest request, HttpServletResponse response) {
    return cache.serve(
        "/",
        request,
        day -> {
          Map<String, Object> model = model("home");
          model.put("items", summaries(items.findVisibleOn(day, PageRequest.of(0, LATEST))));
          model.put("categories", categories(day));
          return html(HttpStatus.OK, "website/home", model, request, response);
        });
  }

  @GetMapping("/categories")
  ResponseEntity<byte[]> listCategories(HttpServletRequest request, HttpServletResponse response) {
    return cache.serve(
        "/categories",
        request,
        day -> {
          Map<String, Object> model = model("categories");
          model.put("categories", categories(day));
          return html(HttpStatus.OK, "website/categories", model, request, response);
        });
  }

  @GetMapping("/categories/{id}")
  ResponseEntity<byte[]> showCategory(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    Optional<Category> category = Category.byId(id);
    if (category.isEmpty()) {
      return missing(Visibility.NOT_FOUND, request, response);
    }
    return cache.serve(
        "/categories/" + id,
        request,
        day -> {
          Map<String, Object> model = model("categories");
          model.put("category", new CategoryView(category.get().id, category.get().thaiName, 0));
          model.put("items", summaries(items.findVisibleInCategory(day, id)));
          return html(HttpStatus.OK, "website/category", model, request, response);
        });
  }

  @GetMapping("/oit")
  ResponseEntity<byte[]> listOitItems(HttpServletRequest request, HttpServletResponse response) {
    return cache.serve(
        "/oit",
        request,
        day -> {
          Map<String, Long> counts = queries.countByOitItem(day);
          Map<String, Object> model = model("oit");
          model.put(
              "indicators",
              municipality.getOitItems().stream()
                  .map(o -> new OitView(o.code(), o.name(), counts.getOrDefault(o.code(), 0L)))
                  .toList());
          return html(HttpStatus.OK, "website/oit-index", model, request, response);
        });
  }

  @GetMapping("/oit/{code}")
  ResponseEntity<byte[]> showOitItem(
      @PathVariable String code, HttpServletRequest request, HttpServletResponse response) {
    Optional<OitItem> indicator = oitItem(code);
    if (indicator.isEmpty()) {
      return missing(Visibility.NOT_FOUND, request, response);
    }
    return cache.serve(
        "/oit/" + code,
        request,
        day -> {
          Map<String, Object> model = model("oit");
          model.put("indicator", new OitView(code, indicator.get().name(), 0));
          model.put("items", summaries(items.findVisibleForOitItem(day, code)));
          return html(HttpStatus.OK, "website/oit", model, request, response);
        });
  }

  @GetMapping("/items/{businessKey}")
  ResponseEntity<byte[]> showItem(
      @PathVariable String businessKey, HttpServletRequest request, HttpServletResponse response) {
    return cache.serve(
        "/items/" + businessKey,
        request,
        day -> {
          PublishedItem item = items.findById(businessKey).orElse(null);
          Visibility visibility = visibility(item, day);
          if (visibility != Visibility.VISIBLE) {
            return missing(visibility, request, response);
          }
          Map<String, Object> model = model("categories");
          model.put("item", view(item));
          model.put(
              "files",
              queries.files(businessKey).stream().map(f -> fileView(businessKey, f)).toList());
          return html(HttpStatus.OK, "website/item", model, request, response);
        });
  }

  /**
   * A file of a visible item, with the type it was stored with. Images, sound and video are shown
   * inline, everything else is downloaded; nothing is ever sniffed or run as a page. Range requests
   * (seeking in a video) and conditional GETs are answered by Spring; the bytes are read from the
   * database only when they are sent.
   */
  @GetMapping("/items/{businessKey}/files/{id}/{fileName}")
  ResponseEntity<?> downloadFile(
      @PathVariable String businessKey,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response) {
    PublishedItem item = items.findById(businessKey).orElse(null);
    Visibility visibility = visibility(item, cache.today());
    if (visibility != Visibility.VISIBLE) {
      return missing(visibility, request, response);
    }
    Optional<FileInfo> found = parseId(id).flatMap(fileId -> queries.file(businessKey, fileId));
    if (found.isEmpty()) {
      return missing(Visibility.NOT_FOUND, request, response);
    }
    FileInfo file = found.get();
    ContentDisposition.Builder disposition =
        SHOWN_KINDS.contains(file.kind())
            ? ContentDisposition.inline()
            : ContentDisposition.attachment();
    return ResponseEntity.ok()
        .contentType(mediaType(file.mediaType()))
        .header(
            "Content-Disposition",
            disposition.filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", FILE_POLICY)
        .eTag("\"" + file.sha256() + "\"")
        .lastModified(item.getPublishedAt())
        .cacheControl(RenderCache.REVALIDATE)
        .body(new StoredFile(file, queries));
  }

  @GetMapping("/search")
  ResponseEntity<byte[]> search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      HttpServletRequest request,
      HttpServletResponse response) {
    String query = boundedQuery(q);
    int pageNumber = parsePage(page);
    Map<String, Object> model = model("search");
    model.put("query", query);
    model.put("maxLength", MAX_QUERY_LENGTH);
    model.put("page", pageNumber);
    if (!query.isEmpty()) {
      List<ItemSummary> found =
          summaries(
              items.searchVisible(
                  cache.today(),
                  PublishedItemRepository.likeLiteral(query),
                  PageRequest.of(pageNumber - 1, PAGE_SIZE)));
      model.put("results", found);
      boolean more = found.size() == PAGE_SIZE && pageNumber < MAX_PAGE;
      model.put("nextPage", more ? searchPath(query, pageNumber + 1) : null);
      model.put("previousPage", pageNumber > 1 ? searchPath(query, pageNumber - 1) : null);
    }
    return html(HttpStatus.OK, "website/search", model, request, response);
  }

  private Map<String, Object> model(String navSection) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("municipality", municipality);
    model.put("navSection", navSection);
    return model;
  }

  /**
   * Renders a template to bytes (not to the response) so that the render cache can keep it. URLs in
   * the page are written as they are, never with a session id: the same bytes go to every reader.
   * Not stored by browsers; the render cache gives the pages it keeps an ETag to revalidate with.
   */
  private ResponseEntity<byte[]> html(
      HttpStatus status,
      String view,
      Map<String, Object> model,
      HttpServletRequest request,
      HttpServletResponse response) {
    var exchange =
        JakartaServletWebApplication.buildApplication(request.getServletContext())
            .buildExchange(request, new UrlsAsWritten(response));
    String page = templates.process(view, new WebContext(exchange, THAI, model));
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", PAGE_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "strict-origin-when-cross-origin")
        .body(page.getBytes(StandardCharsets.UTF_8));
  }

  /** The Thai page for an item that never was (404) or is no longer (410) on the website. */
  private ResponseEntity<byte[]> missing(
      Visibility visibility, HttpServletRequest request, HttpServletResponse response) {
    Map<String, Object> model = model(null);
    model.put("gone", visibility == Visibility.GONE);
    HttpStatus status = visibility == Visibility.GONE ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
    return html(status, "website/not-found", model, request, response);
  }

  /** Not yet published or unknown: not found. Taken down or past its period: gone. */
  private static Visibility visibility(PublishedItem item, LocalDate day) {
    if (item == null || (item.getPublishFrom() != null && item.getPublishFrom().isAfter(day))) {
      return Visibility.NOT_FOUND;
    }
    if (item.isWithdrawn()
        || (item.getPublishUntil() != null && item.getPublishUntil().isBefore(day))) {
      return Visibility.GONE;
    }
    return Visibility.VISIBLE;
  }

  private List<CategoryView> categories(LocalDate day) {
    Map<String, Long> counts = queries.countByCategory(day);
    return Arrays.stream(Category.values())
        .map(c -> new CategoryView(c.id, c.thaiName, counts.getOrDefault(c.id, 0L)))
        .toList();
  }

  private List<ItemSummary> summaries(List<PublishedItem> list) {
    return list.stream()
        .map(
            i ->
                new ItemSummary(
                    itemPath(i.getBusinessKey()),
                    i.getTitle(),
                    excerpt(i.getDetails()),
                    i.getCategory(),
                    categoryName(i.getCategory()),
                    unitName(i.getUnit()),
                    iso(i.getPublishedAt()),
                    ThaiDates.dateTime(i.getPublishedAt())))
        .toList();
  }

  private ItemView view(PublishedItem i) {
    String oitName =
        i.getOitItem() == null ? null : oitItem(i.getOitItem()).map(OitItem::name).orElse(null);
    return new ItemView(
        i.getBusinessKey(),
        i.getTitle(),
        SafeHtml.fromPlainText(i.getDetails()),
        i.getCategory(),
        categoryName(i.getCategory()),
        oitName == null ? null : i.getOitItem(),
        oitName,
        unitName(i.getUnit()),
        iso(i.getPublishedAt()),
        ThaiDates.dateTime(i.getPublishedAt()),
        i.getPublishUntil() == null ? null : ThaiDates.date(i.getPublishUntil()),
        webUrl(i.getExternalUrl()));
  }

  private static FileView fileView(String businessKey, FileInfo f) {
    String path =
        itemPath(businessKey)
            + "/files/"
            + f.id()
            + "/"
            + UriUtils.encodePathSegment(f.fileName(), StandardCharsets.UTF_8);
    return new FileView(path, f.fileName(), f.kind(), f.mediaType(), size(f.sizeBytes()));
  }

  static String itemPath(String businessKey) {
    return "/items/" + UriUtils.encodePathSegment(businessKey, StandardCharsets.UTF_8);
  }

  private Optional<OitItem> oitItem(String code) {
    return municipality.getOitItems().stream().filter(o -> o.code().equals(code)).findFirst();
  }

  private static String categoryName(String id) {
    return Category.byId(id).map(c -> c.thaiName).orElse(id);
  }

  private String unitName(String id) {
    return municipality.unitName(id);
  }

  /** Only http and https sources become links; the request form allows nothing else either. */
  private static String webUrl(String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }

  private static String excerpt(String details) {
    String text = details == null ? "" : details.replaceAll("\\s+", " ").strip();
    if (text.codePointCount(0, text.length()) <= 200) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, 200)).strip() + "…";
  }

  private static String iso(Instant instant) {
    return instant.atZone(ThaiDates.BANGKOK).toOffsetDateTime().toString();
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " ไบต์";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  private static String searchPath(String query, int page) {
    return "/search?q="
        + UriUtils.encodeQueryParam(query, StandardCharsets.UTF_8)
        + "&page="
        + page;
  }

  private static String boundedQuery(String q) {
    String text = q == null ? "" : q.strip().replaceAll("\\s+", " ");
    if (text.codePointCount(0, text.length()) > MAX_QUERY_LENGTH) {
      text = text.substring(0, text.offsetByCodePoints(0, MAX_QUERY_LENGTH)).strip();
    }
    return text;
  }

  private static int parsePage(String page) {
    try {
      return page == null ? 1 : Math.min(Math.max(Integer.parseInt(page.strip()), 1), MAX_PAGE);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static Optional<Long> parseId(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static MediaType mediaType(String stored) {
    try {
      return MediaType.parseMediaType(stored);
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  /**
   * A published file whose bytes are read only when the response body is written (not for a 304).
   */
  private static final class StoredFile extends AbstractResource {
    private final FileInfo file;
    private final WebsiteQueries queries;

    StoredFile(FileInfo file, WebsiteQueries queries) {
      this.file = file;
      this.queries = queries;
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(queries.content(file.id()));
    }

    @Override
    public boolean exists() {
      return true;
    }

    @Override
    public long contentLength() {
      return file.sizeBytes();
    }

    @Override
    public String getFilename() {
      return file.fileName();
    }

    @Override
    public String getDescription() {
      return "published file " + file.id();
    }
  }

  /**
   * The response as templates see it: links are written unchanged (no session id in cached pages).
   */
  private static final class UrlsAsWritten extends HttpServletResponseWrapper {
    UrlsAsWritten(HttpServletResponse response) {
      super(response);
    }

    @Override
    public String encodeURL(String url) {
      return url;
    }
  }
}
