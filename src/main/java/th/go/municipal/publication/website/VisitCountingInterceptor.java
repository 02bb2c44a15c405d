package th.go.municipal.publication.website;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts successful page views of the public website (GET, HTML pages only: not files, feeds, the
 * API, Tasklist or Cockpit).
 */
@Configuration
class VisitCountingInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  private final VisitCounter counter;

  VisitCountingInterceptor(VisitCounter counter) {
    this.counter = counter;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns(
            "/", "/categories/**", "/oit", "/oit/**", "/items/*", "/search", "/feedback");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    int status = response.getStatus();
    if ("GET".equals(request.getMethod()) && failure == null && (status == 200 || status == 304)) {
      counter.count(request.getRequestURI(), request.getHeader("User-Agent"));
    }
  }
}
