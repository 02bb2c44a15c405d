package th.go.municipal.publication.website;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.AbstractResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.common.WebsiteLinks;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.MunicipalityProperties.OitItem;
import th.go.municipal.publication.publishing.OitChecklist;
import th.go.municipal.publication.publishing.PublishedItems;
import th.go.municipal.publication.publishing.PublishedItems.Entry;
import th.go.municipal.publication.publishing.PublishedItems.FileInfo;
import th.go.municipal.publication.publishing.PublishedItems.Visibility;
import th.go.municipal.publication.request.Category;

/**
 * The public website: the latest items, a page per category of section 2.1 and per ITA/OIT
 * indicator, item pages with their files, and search. Handlers fill a model and name a view; the
 * {@link WebsitePageFilter} keeps rendered pages and counts visits. User text reaches HTML only
 * escaped, the details only through {@link SafeHtml}.
 */
@Controller
class WebsiteController {

  static final int LATEST = 10;
  static final int PAGE_SIZE = 20;
  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_PAGE = 50;

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

  /** An indicator on the public checklist: its evidence this fiscal year and where it stands. */
  record OitRow(
      String code,
      String name,
      long count,
      String due,
      String status,
      String statusThai,
      String latestThai) {}

  private final PublishedItems items;
  private final OitChecklist checklists;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  WebsiteController(
      PublishedItems items,
      OitChecklist checklists,
      MunicipalityProperties municipality,
      Clock clock) {
    this.checklists = checklists;
    this.items = items;
    this.municipality = municipality;
    this.clock = clock;
  }

  @ModelAttribute("municipality")
  MunicipalityProperties municipality() {
    return municipality;
  }

  @GetMapping("/")
  String showHome(Model model) {
    LocalDate day = today();
    model.addAttribute("navSection", "home");
    model.addAttribute("items", summaries(items.latestVisible(day, LATEST)));
    model.addAttribute("categories", categories(day));
    return "website/home";
  }

  @GetMapping("/categories")
  String listCategories(Model model) {
    model.addAttribute("navSection", "categories");
    model.addAttribute("categories", categories(today()));
    return "website/categories";
  }

  @GetMapping("/categories/{id}")
  ModelAndView showCategory(@PathVariable String id) {
    Optional<Category> category = Category.byId(id);
    if (category.isEmpty()) {
      return missing(Visibility.NOT_FOUND);
    }
    return new ModelAndView(
        "website/category",
        Map.of(
            "navSection",
            "categories",
            "category",
            new CategoryView(category.get().id, category.get().thaiName, 0),
            "items",
            summaries(items.visibleInCategory(today(), id))));
  }

  /** The checklist of this fiscal year, the one the staff's report shows (reporting). */
  @GetMapping("/oit")
  String listOitItems(Model model) {
    OitChecklist.Checklist checklist = checklists.of(ThaiDates.fiscalYear(today()), today());
    model.addAttribute("navSection", "oit");
    model.addAttribute("fiscalYear", checklist.fiscalYear());
    model.addAttribute(
        "indicators",
        checklist.indicators().stream()
            .map(
                i ->
                    new OitRow(
                        i.code(),
                        i.name(),
                        i.found(),
                        i.dueThai(),
                        i.status().name().toLowerCase(),
                        i.statusThai(),
                        i.evidence().isEmpty() ? "-" : i.evidence().get(0).publishedAtThai()))
            .toList());
    return "website/oit-index";
  }

  @GetMapping("/oit/{code}")
  ModelAndView showOitItem(@PathVariable String code) {
    Optional<OitItem> indicator = oitItem(code);
    if (indicator.isEmpty()) {
      return missing(Visibility.NOT_FOUND);
    }
    return new ModelAndView(
        "website/oit",
        Map.of(
            "navSection",
            "oit",
            "indicator",
            new OitView(code, indicator.get().name(), 0),
            "items",
            summaries(items.visibleForOitItem(today(), code))));
  }

  @GetMapping("/items/{businessKey}")
  ModelAndView showItem(@PathVariable String businessKey) {
    Optional<Entry> item = items.find(businessKey);
    Visibility visibility = visibility(item);
    if (visibility != Visibility.VISIBLE) {
      return missing(visibility);
    }
    return new ModelAndView(
        "website/item",
        Map.of(
            "navSection", "categories",
            "item", view(item.get()),
            "files",
                items.files(businessKey).stream().map(f -> fileView(businessKey, f)).toList()));
  }

  /**
   * A file of a visible item, with the type it was stored with. Images, sound and video are shown
   * inline, everything else is downloaded; nothing is ever sniffed or run as a page. Range requests
   * (seeking in a video) and conditional GETs are answered by Spring; the bytes are read from the
   * database only when they are sent.
   */
  @GetMapping("/items/{businessKey}/files/{id}/{fileName}")
  Object downloadFile(@PathVariable String businessKey, @PathVariable String id) {
    Optional<Entry> item = items.find(businessKey);
    Visibility visibility = visibility(item);
    if (visibility != Visibility.VISIBLE) {
      return missing(visibility);
    }
    Optional<FileInfo> found = parseId(id).flatMap(fileId -> items.file(businessKey, fileId));
    if (found.isEmpty()) {
      return missing(Visibility.NOT_FOUND);
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
        .eTag("\"" + file.sha256() + "\"")
        .lastModified(item.get().publishedAt())
        .cacheControl(RenderCache.REVALIDATE)
        .body(new StoredFile(file, items));
  }

  @GetMapping("/search")
  String search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    String query = boundedQuery(q);
    int pageNumber = parsePage(page);
    model.addAttribute("navSection", "search");
    model.addAttribute("query", query);
    model.addAttribute("maxLength", MAX_QUERY_LENGTH);
    model.addAttribute("page", pageNumber);
    if (!query.isEmpty()) {
      List<ItemSummary> found =
          summaries(items.searchVisible(today(), query, pageNumber - 1, PAGE_SIZE));
      model.addAttribute("results", found);
      boolean more = found.size() == PAGE_SIZE && pageNumber < MAX_PAGE;
      model.addAttribute("nextPage", more ? searchPath(query, pageNumber + 1) : null);
      model.addAttribute("previousPage", pageNumber > 1 ? searchPath(query, pageNumber - 1) : null);
    }
    return "website/search";
  }

  /** The Thai page for an item that never was (404) or is no longer (410) on the website. */
  static ModelAndView missing(Visibility visibility) {
    boolean gone = visibility == Visibility.GONE;
    ModelAndView page = new ModelAndView("website/not-found", Map.of("gone", gone));
    page.setStatus(gone ? HttpStatus.GONE : HttpStatus.NOT_FOUND);
    return page;
  }

  private Visibility visibility(Optional<Entry> item) {
    return item.map(i -> i.visibilityOn(today())).orElse(Visibility.NOT_FOUND);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
  }

  private List<CategoryView> categories(LocalDate day) {
    Map<String, Long> counts = items.countByCategory(day);
    return Arrays.stream(Category.values())
        .map(c -> new CategoryView(c.id, c.thaiName, counts.getOrDefault(c.id, 0L)))
        .toList();
  }

  private List<ItemSummary> summaries(List<Entry> list) {
    return list.stream()
        .map(
            i ->
                new ItemSummary(
                    WebsiteLinks.itemPath(i.businessKey()),
                    i.title(),
                    excerpt(i.details()),
                    i.category(),
                    categoryName(i.category()),
                    municipality.unitName(i.unit()),
                    iso(i.publishedAt()),
                    ThaiDates.dateTime(i.publishedAt())))
        .toList();
  }

  private ItemView view(Entry i) {
    String oitName =
        i.oitItem() == null ? null : oitItem(i.oitItem()).map(OitItem::name).orElse(null);
    return new ItemView(
        i.businessKey(),
        i.title(),
        SafeHtml.fromPlainText(i.details()),
        i.category(),
        categoryName(i.category()),
        oitName == null ? null : i.oitItem(),
        oitName,
        municipality.unitName(i.unit()),
        iso(i.publishedAt()),
        ThaiDates.dateTime(i.publishedAt()),
        i.publishUntil() == null ? null : ThaiDates.date(i.publishUntil()),
        webUrl(i.externalUrl()));
  }

  private static FileView fileView(String businessKey, FileInfo f) {
    String path =
        WebsiteLinks.itemPath(businessKey)
            + "/files/"
            + f.id()
            + "/"
            + UriUtils.encodePathSegment(f.fileName(), StandardCharsets.UTF_8);
    return new FileView(path, f.fileName(), f.kind(), f.mediaType(), size(f.sizeBytes()));
  }

  private Optional<OitItem> oitItem(String code) {
    return municipality.oitItemsOn(today()).stream().filter(o -> o.code().equals(code)).findFirst();
  }

  private static String categoryName(String id) {
    return Category.byId(id).map(c -> c.thaiName).orElse(id);
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
    private final PublishedItems items;

    StoredFile(FileInfo file, PublishedItems items) {
      this.file = file;
      this.items = items;
    }

    @Override
    public InputStream getInputStream() {
      return items.openContent(file);
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
}
