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
 * Sets the security headers of {@link SecurityHeaders} before anything else writes the answer: on
 * every answer HSTS (over https), frame options and the referrer policy; on the service's own
 * answers (website, feedback, API, error pages) also the content security policy, the page policy
 * or, for files of published items ({@code /items/{key}/files/...}), the sandbox. Tasklist,
 * Cockpit, Admin and the engine's REST API keep Camunda's own content security policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

  private static final Pattern FILES = Pattern.compile("/items/[^/]+/files/.*");

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    // An error page is a page of ours too.
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.isSecure()) {
      response.setHeader(
          SecurityHeaders.STRICT_TRANSPORT_SECURITY_HEADER,
          SecurityHeaders.STRICT_TRANSPORT_SECURITY);
    }
    response.setHeader("X-Frame-Options", SecurityHeaders.FRAME_OPTIONS);
    response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
    String path = request.getRequestURI();
    if (!path.startsWith("/camunda/") && !path.startsWith("/engine-rest/")) {
      response.setHeader(
          "Content-Security-Policy",
          FILES.matcher(path).matches()
              ? SecurityHeaders.FILE_POLICY
              : SecurityHeaders.PAGE_POLICY);
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
    }
    chain.doFilter(request, response);
  }
}
