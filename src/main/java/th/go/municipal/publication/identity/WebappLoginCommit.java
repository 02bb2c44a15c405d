package th.go.municipal.publication.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Sessions live in the database (Spring Session JDBC) and are written when the answer leaves. The
 * webapps put a login into the session after their login call has written its answer (their
 * authentication filter does it on the way out), which would let Tasklist's next call, on this or
 * another node, arrive before the login is stored and find nobody logged in. So the answers of the
 * webapps' login and logout are held back until the whole call is done: the session is written
 * first, then the answer is sent.
 */
@Configuration
class WebappLoginCommit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappLoginCommitFilter(
      CamundaBpmProperties camunda) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                ContentCachingResponseWrapper heldBack =
                    new ContentCachingResponseWrapper(response);
                try {
                  chain.doFilter(request, heldBack);
                } finally {
                  heldBack.copyBodyToResponse();
                }
              }
            });
    registration.setName("webapp-login-commit");
    registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/admin/auth/*");
    // Inside Spring Session's filter (which writes the session when the answer leaves), outside the
    // webapps' own filters.
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
    return registration;
  }
}
