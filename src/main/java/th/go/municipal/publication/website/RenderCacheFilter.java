package th.go.municipal.publication.website;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Answers a GET of a page that the {@link RenderCache} keeps before anything else runs: a map
 * lookup and a write, which is what lets the website take a spike of readers. Anything else (a page
 * not kept, another method) goes on to the controllers, which render pages and keep them.
 * Conditional GETs get a 304 by the same rules as Spring's {@code checkNotModified}: If-None-Match
 * (weak comparison) first, otherwise If-Modified-Since. A page answered here counts as a visit, as
 * {@link VisitCountingInterceptor} counts the pages that the controllers answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RenderCacheFilter implements Filter {

  private final RenderCache cache;
  private final VisitCounter visits;

  RenderCacheFilter(RenderCache cache, VisitCounter visits) {
    this.cache = cache;
    this.visits = visits;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    RenderCache.Page page =
        "GET".equals(request.getMethod()) ? cache.current(request.getRequestURI()) : null;
    if (page == null) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    RenderCache.Variant variant =
        page.variant(RenderCache.acceptsGzip(request.getHeader("Accept-Encoding")));
    String[] headers = variant.headerPairs();
    for (int i = 0; i < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    if (notModified(request, variant.etag(), page)) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    } else {
      byte[] body = variant.response().getBody();
      response.setBufferSize(body.length);
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
    if (page.html()) {
      visits.count(request.getRequestURI(), request.getHeader("User-Agent"));
    }
  }

  private static boolean notModified(
      HttpServletRequest request, String etag, RenderCache.Page page) {
    String ifNoneMatch = request.getHeader("If-None-Match");
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
      long ifModifiedSince = request.getDateHeader("If-Modified-Since");
      return ifModifiedSince >= 0 && page.lastModified().toEpochMilli() <= ifModifiedSince;
    } catch (IllegalArgumentException unreadableDate) {
      return false;
    }
  }
}
