package th.go.municipal.publication.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.municipal.publication.common.SecurityHeaders;

/**
 * Sets the security headers of {@link SecurityHeaders} on every answer of the service's own
 * (website, feedback, API) before anything else writes it: pages get the page policy, files of
 * published items ({@code /items/{key}/files/...}) the sandbox. Tasklist, Cockpit, Admin and the
 * engine's REST API keep Camunda's own headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

  private static final Pattern FILES = Pattern.compile("/items/[^/]+/files/.*");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/camunda/") || path.startsWith("/engine-rest/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(
        "Content-Security-Policy",
        FILES.matcher(request.getRequestURI()).matches()
            ? SecurityHeaders.FILE_POLICY
            : SecurityHeaders.PAGE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
    chain.doFilter(request, response);
  }
}
