package th.go.municipal.publication.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.municipal.publication.common.ApiError;

/**
 * Every way to log in with a password, held to {@link LoginThrottle}: HTTP basic on {@code
 * /engine-rest} and {@code /api}, and the webapps' login form. A locked user and address is
 * answered 429 with the JSON error before the password is checked; a refused password (401) is
 * counted. Also closes the webapps' set-up page, on which the first visitor would otherwise create
 * the administrator: the administrator comes from {@code camunda.bpm.admin-user} (environment
 * variables {@code CAMUNDA_BPM_ADMINUSER_ID}, {@code CAMUNDA_BPM_ADMINUSER_PASSWORD}).
 */
@Configuration
class LoginGuard {

  private static final Logger log = LoggerFactory.getLogger(LoginGuard.class);

  /** The webapps' login form: {@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}. */
  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

  /** A login form is small; a larger body is not read here (the webapps refuse it themselves). */
  private static final int MAX_FORM = 8 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
      LoginThrottle throttle, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new ThrottleFilter(throttle, json));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", WEBAPP_LOGIN + "*");
    // Before any password is checked: Spring Security's (/api) and Camunda's (/engine-rest).
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> adminSetupClosed(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws IOException {
                log.warn(
                    "Refused the webapps' administrator set-up from {}: configure"
                        + " camunda.bpm.admin-user instead",
                    request.getRemoteAddr());
                new ApiError(
                        "forbidden",
                        null,
                        "การสร้างผู้ดูแลระบบคนแรกผ่านหน้าเว็บถูกปิดไว้ ให้ผู้ดูแลเครื่องกำหนด"
                            + " CAMUNDA_BPM_ADMINUSER_ID และ CAMUNDA_BPM_ADMINUSER_PASSWORD"
                            + " (the set-up page is closed: configure camunda.bpm.admin-user)")
                    .writeTo(response, json, HttpServletResponse.SC_FORBIDDEN);
              }
            });
    registration.setName("admin-setup-closed");
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Says at start when there is no administrator, and how to make one. */
  @Bean
  org.springframework.boot.ApplicationRunner administratorCheck(IdentityService identity) {
    return args -> {
      if (identity.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
        log.warn(
            "No administrator exists and the webapps' set-up page is closed: set"
                + " CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD and restart");
      }
    };
  }

  /** Refuses locked logins, counts refused passwords. */
  private static final class ThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final ObjectMapper json;

    ThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
      this.throttle = throttle;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      HttpServletRequest forward = request;
      Optional<String> user = basicUser(request);
      if (user.isEmpty() && isWebappLogin(request)) {
        FormLogin form = FormLogin.read(request);
        forward = form;
        user = form.user();
      }
      if (user.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      String address = request.getRemoteAddr();
      Optional<Duration> locked = throttle.lockedFor(address, user.get());
      if (locked.isPresent()) {
        long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
        response.setHeader("Retry-After", Long.toString(Math.max(1, locked.get().toSeconds())));
        new ApiError(
                "too_many_requests",
                null,
                "เข้าสู่ระบบไม่สำเร็จหลายครั้งจากเครื่องนี้ กรุณารอ "
                    + minutes
                    + " นาทีแล้วลองใหม่ (too many failed logins from this address: try again in "
                    + minutes
                    + " min)")
            .writeTo(response, json, 429);
        return;
      }
      chain.doFilter(forward, response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        throttle.failed(address, user.get());
      } else if (response.getStatus() < 400) {
        throttle.succeeded(address, user.get());
      }
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
      return "POST".equals(request.getMethod())
          && request.getRequestURI().startsWith(WEBAPP_LOGIN)
          && request.getRequestURI().contains("/login/");
    }

    private static Optional<String> basicUser(HttpServletRequest request) {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        return Optional.empty();
      }
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
      } catch (IllegalArgumentException notBase64) {
        return Optional.empty();
      }
    }
  }

  /** The webapps' login form, read here for its user name and passed on unread. */
  private static final class FormLogin extends HttpServletRequestWrapper {
    private final byte[] body;

    private FormLogin(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    static FormLogin read(HttpServletRequest request) throws IOException {
      long length = request.getContentLengthLong();
      byte[] body =
          length < 0 || length > MAX_FORM
              ? null
              : request.getInputStream().readNBytes((int) length);
      return new FormLogin(request, body);
    }

    Optional<String> user() {
      if (body == null) {
        return Optional.empty();
      }
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        if (pair.startsWith("username=")) {
          try {
            String name = URLDecoder.decode(pair.substring(9), StandardCharsets.UTF_8);
            return name.isBlank() ? Optional.empty() : Optional.of(name);
          } catch (IllegalArgumentException malformed) {
            return Optional.empty();
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        return super.getInputStream();
      }
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read at once");
        }
      };
    }

    @Override
    public BufferedReader getReader() throws IOException {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
