package th.go.municipal.publication.website;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import th.go.municipal.publication.common.SecurityHeaders;

/**
 * Where the public website's pages are kept and counted, in one place. A GET of a page that the
 * {@link RenderCache} keeps is answered before anything else runs (a map lookup and a write, which
 * is what lets the website take a spike of readers); any other page goes on to the controllers,
 * whose answer is kept if it is a 200. Conditional GETs get a 304 by the same rules as Spring's
 * {@code checkNotModified}: If-None-Match (weak comparison) first, otherwise If-Modified-Since.
 * Every page a person reads (200 or 304) counts as one visit, whoever answered it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class WebsitePageFilter extends OncePerRequestFilter {

  /** Pages whose content depends only on what is published and on the day: kept. */
  private static final Pattern KEPT =
      Pattern.compile(
          "/|/categories(/[^/]+)?|/oit(/[^/]+)?|/items/[^/]+|/feed\\.atom|/sitemap\\.xml");

  /** Pages read by people that are rendered for each reader: counted, not kept. */
  private static final Pattern COUNTED_ONLY = Pattern.compile("/search|/feedback");

  private final RenderCache cache;
  private final VisitCounter visits;

  WebsitePageFilter(RenderCache cache, VisitCounter visits) {
    this.cache = cache;
    this.visits = visits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI();
    return !KEPT.matcher(path).matches() && !COUNTED_ONLY.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    if (COUNTED_ONLY.matcher(path).matches()) {
      response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
      chain.doFilter(request, response);
      countIfRead(request, response.getStatus(), response.getContentType());
      return;
    }
    boolean gzip = RenderCache.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    RenderCache.Page kept = cache.current(path);
    if (kept != null) {
      writeKept(request, response, kept.variant(gzip), kept);
    } else {
      write(request, response, cache.serve(path, request, day -> render(request, response, chain)));
    }
  }

  /** The fast path for a kept page: its headers are ready as pairs, its body as bytes. */
  private void writeKept(
      HttpServletRequest request,
      HttpServletResponse response,
      RenderCache.Variant variant,
      RenderCache.Page page)
      throws IOException {
    String[] headers = variant.headerPairs();
    for (int i = 0; i < headers.length; i += 2) {
      if (i > 0 && headers[i].equals(headers[i - 2])) {
        response.addHeader(headers[i], headers[i + 1]);
      } else {
        response.setHeader(headers[i], headers[i + 1]);
      }
    }
    int status = HttpServletResponse.SC_OK;
    if (notModified(request, variant.etag(), page.lastModified().toEpochMilli())) {
      status = HttpServletResponse.SC_NOT_MODIFIED;
      response.setStatus(status);
    } else {
      byte[] body = variant.response().getBody();
      response.setBufferSize(body.length);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
    if (page.html()) {
      countIfRead(request, status, MediaType.TEXT_HTML_VALUE);
    }
  }

  /** Renders the page through the controllers into a buffer, for the cache to keep or pass on. */
  private ResponseEntity<byte[]> render(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
    ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ServletException e) {
      throw new IllegalStateException(e);
    }
    HttpHeaders headers = new HttpHeaders();
    for (String name : buffer.getHeaderNames()) {
      if (!SecurityHeaders.STRICT_TRANSPORT_SECURITY_HEADER.equalsIgnoreCase(name)) {
        headers.put(name, List.copyOf(buffer.getHeaders(name)));
      }
    }
    if (buffer.getContentType() != null) {
      headers.setContentType(MediaType.parseMediaType(buffer.getContentType()));
    }
    if (buffer.getStatus() != HttpStatus.OK.value()) {
      headers.setCacheControl(CacheControl.noStore());
    }
    return new ResponseEntity<>(buffer.getContentAsByteArray(), headers, buffer.getStatus());
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, ResponseEntity<byte[]> answer)
      throws IOException {
    HttpHeaders headers = answer.getHeaders();
    headers.forEach(
        (name, values) -> {
          if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name) && !values.isEmpty()) {
            response.setHeader(name, values.get(0));
            values.stream().skip(1).forEach(value -> response.addHeader(name, value));
          }
        });
    int status = answer.getStatusCode().value();
    if (status == HttpStatus.OK.value()
        && notModified(request, headers.getETag(), headers.getLastModified())) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      status = HttpServletResponse.SC_NOT_MODIFIED;
    } else {
      byte[] body = answer.getBody() == null ? new byte[0] : answer.getBody();
      response.setStatus(status);
      response.setBufferSize(Math.max(body.length, response.getBufferSize()));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
    MediaType type = headers.getContentType();
    countIfRead(request, status, type == null ? null : type.toString());
  }

  private void countIfRead(HttpServletRequest request, int status, String contentType) {
    boolean page = contentType != null && contentType.startsWith(MediaType.TEXT_HTML_VALUE);
    if (page && (status == HttpStatus.OK.value() || status == HttpStatus.NOT_MODIFIED.value())) {
      visits.count(
          request.getRequestURI(),
          request.getHeader(HttpHeaders.USER_AGENT),
          request.getRemoteAddr());
    }
  }

  private static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
    String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
    if (ifNoneMatch != null) {
      for (String tag : ifNoneMatch.split(",")) {
        String candidate = tag.strip();
        if (candidate.startsWith("W/")) {
          candidate = candidate.substring(2);
        }
        if (candidate.equals("*") || candidate.equals(etag)) {
          return true;
        }
      }
      return false;
    }
    try {
      long ifModifiedSince = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
      return ifModifiedSince >= 0 && lastModified >= 0 && lastModified <= ifModifiedSince;
    } catch (IllegalArgumentException unreadableDate) {
      return false;
    }
  }
}
