package th.go.municipal.publication.website;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.PublishedContentChanged;

/**
 * Rendered public pages kept in memory, so that a spike of readers costs a map lookup per page
 * view.
 *
 * <p>A page is rendered again when the website's content changed ({@link PublishedContentChanged},
 * after the commit), when the day changes in Bangkok (visibility depends on the date), and after a
 * short time to live, which bounds how long another node of a cluster, which never sees this node's
 * events, serves an old page. When only the time to live has passed, one request renders the page
 * again while the others still get the kept copy, so a spike does not render it once per reader.
 *
 * <p>Each page is kept as it was rendered and gzip-compressed once (browsers ask for gzip; Thai
 * HTML shrinks about fivefold, which matters more than anything else when the municipality's uplink
 * is what a spike fills). Each variant carries its own strong ETag (from the content hash) and both
 * the Last-Modified of the last change of content, so conditional GETs are answered with 304 by
 * {@link WebsitePageFilter}, before Spring MVC is reached. Only 200 responses are kept, at most
 * {@link #MAX_PAGES} of them.
 */
@Component
class RenderCache {

  static final int MAX_PAGES = 1000;

  /** Readers always revalidate with the ETag; a 304 costs next to nothing. */
  static final CacheControl REVALIDATE = CacheControl.noCache().cachePublic();

  /** What the cached pages were rendered for: bumped on every change, and the day they show. */
  private record State(long version, LocalDate day, long nextMidnightMillis) {}

  /**
   * One encoding of a kept page: the response, its headers as name-value pairs ready to write, its
   * ETag.
   */
  record Variant(ResponseEntity<byte[]> response, String[] headerPairs, String etag) {}

  /** A kept page in both encodings, when its content last changed, and what it was rendered for. */
  record Page(
      Variant identity,
      Variant gzip,
      Instant lastModified,
      boolean html,
      long version,
      long renderedAtMillis,
      AtomicBoolean refreshing) {

    Variant variant(boolean gzipAccepted) {
      return gzipAccepted ? gzip : identity;
    }
  }

  private final ConcurrentHashMap<String, Page> pages = new ConcurrentHashMap<>();
  private final AtomicReference<State> state;
  private final Clock clock;
  private final long timeToLiveMillis;

  RenderCache(Clock clock, WebsiteProperties properties) {
    this.clock = clock.withZone(ThaiDates.BANGKOK);
    this.timeToLiveMillis = properties.getRenderCacheTtl().toMillis();
    this.state = new AtomicReference<>(stateFor(0));
  }

  /**
   * The page at {@code key} in the encoding the request accepts, rendered by {@code render} for the
   * day it shows unless a current copy is kept. What {@code render} answers with a status other
   * than 200 is passed on as it is and not kept.
   */
  ResponseEntity<byte[]> serve(
      String key, HttpServletRequest request, Function<LocalDate, ResponseEntity<byte[]>> render) {
    boolean gzip = acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    State current = current();
    long now = clock.millis();
    Page kept = pages.get(key);
    boolean refreshing = false;
    if (kept != null && kept.version == current.version) {
      if (now - kept.renderedAtMillis < timeToLiveMillis) {
        return kept.variant(gzip).response();
      }
      refreshing = kept.refreshing.compareAndSet(false, true);
      if (!refreshing) {
        return kept.variant(gzip).response();
      }
    }
    try {
      ResponseEntity<byte[]> rendered = render.apply(current.day);
      if (rendered.getStatusCode().value() != 200 || rendered.getBody() == null) {
        if (kept != null) {
          pages.remove(key, kept);
        }
        return rendered;
      }
      Page page = page(rendered, kept, current.version, now);
      if (pages.size() < MAX_PAGES
          || pages.containsKey(key)
          || evictOutdated(current.version, now)) {
        // Kept under the version it was rendered for: a change committed meanwhile outdates it at
        // once.
        pages.put(key, page);
      }
      return page.variant(gzip).response();
    } finally {
      if (refreshing) {
        kept.refreshing.set(false);
      }
    }
  }

  /**
   * For {@link WebsitePageFilter}: the page kept under {@code key} if it may be served as it is,
   * else null (the filter then renders it through the controllers with {@link #serve}).
   */
  Page current(String key) {
    Page kept = pages.get(key);
    if (kept == null || kept.version != current().version) {
      return null;
    }
    return clock.millis() - kept.renderedAtMillis < timeToLiveMillis || kept.refreshing.get()
        ? kept
        : null;
  }

  /** Today in Bangkok, as the pages kept now show it. */
  LocalDate today() {
    return current().day;
  }

  /** Every kept page is rendered again before it is served next. */
  @TransactionalEventListener(fallbackExecution = true)
  void onContentChanged(PublishedContentChanged change) {
    invalidate();
  }

  void invalidate() {
    state.updateAndGet(s -> stateFor(s.version + 1));
  }

  /** Whether an Accept-Encoding header allows gzip (named with a q-value above zero). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String coding : acceptEncoding.split(",")) {
      String[] parts = coding.split(";");
      if (parts[0].strip().equalsIgnoreCase("gzip")) {
        for (int i = 1; i < parts.length; i++) {
          String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
          if (parameter.startsWith("q=")) {
            try {
              return Double.parseDouble(parameter.substring(2)) > 0;
            } catch (NumberFormatException e) {
              return false;
            }
          }
        }
        return true;
      }
    }
    return false;
  }

  private State current() {
    State s = state.get();
    if (clock.millis() < s.nextMidnightMillis) {
      return s;
    }
    return state.updateAndGet(
        latest ->
            clock.millis() < latest.nextMidnightMillis ? latest : stateFor(latest.version + 1));
  }

  private State stateFor(long version) {
    LocalDate today = LocalDate.now(clock);
    return new State(
        version,
        today,
        today.plusDays(1).atStartOfDay(ThaiDates.BANGKOK).toInstant().toEpochMilli());
  }

  private static Page page(ResponseEntity<byte[]> rendered, Page previous, long version, long now) {
    byte[] body = rendered.getBody();
    String hash = Hashes.sha256(body).substring(0, 32);
    Instant lastModified;
    if (previous != null && previous.identity.etag().equals("\"" + hash + "\"")) {
      lastModified = previous.lastModified;
    } else {
      // Last-Modified has whole seconds: a second version within the same second must still be
      // newer.
      lastModified = Instant.ofEpochSecond(Math.floorDiv(now, 1000));
      if (previous != null && !lastModified.isAfter(previous.lastModified)) {
        lastModified = previous.lastModified.plusSeconds(1);
      }
    }
    MediaType type = rendered.getHeaders().getContentType();
    return new Page(
        variant(rendered, body, "\"" + hash + "\"", null, lastModified),
        variant(rendered, gzip(body), "\"" + hash + "-gzip\"", "gzip", lastModified),
        lastModified,
        type != null && MediaType.TEXT_HTML.includes(type),
        version,
        now,
        new AtomicBoolean());
  }

  private static Variant variant(
      ResponseEntity<byte[]> rendered,
      byte[] body,
      String etag,
      String encoding,
      Instant lastModified) {
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(rendered.getHeaders());
    headers.setETag(etag);
    headers.setLastModified(lastModified);
    headers.setCacheControl(REVALIDATE);
    headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
    if (encoding != null) {
      headers.set(HttpHeaders.CONTENT_ENCODING, encoding);
    }
    List<String> pairs = new ArrayList<>();
    headers.forEach(
        (name, values) ->
            values.forEach(
                value -> {
                  pairs.add(name);
                  pairs.add(value);
                }));
    return new Variant(
        new ResponseEntity<>(body, HttpHeaders.readOnlyHttpHeaders(headers), HttpStatus.OK),
        pairs.toArray(String[]::new),
        etag);
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_COMPRESSION);
          }
        }) {
      gzip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Makes room by dropping pages that would be rendered again anyway; true if there is room now.
   */
  private boolean evictOutdated(long version, long now) {
    pages
        .values()
        .removeIf(p -> p.version != version || now - p.renderedAtMillis >= timeToLiveMillis);
    return pages.size() < MAX_PAGES;
  }

  /** The number of pages kept (for tests). */
  int size() {
    return pages.size();
  }
}
