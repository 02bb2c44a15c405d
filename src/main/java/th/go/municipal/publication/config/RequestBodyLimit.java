package th.go.municipal.publication.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Bounds every request body before it reaches memory. Camunda's REST API and the webapps' API read
 * a whole body (JSON with base64 files, or multipart) into memory before any authorization check,
 * so a body is refused with 413 when its declared length is over the limit, before a byte of it is
 * read, and a body sent without a length is cut off at the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

  /**
   * The limits: {@code max-upload-body} for the engine's APIs, where attachments arrive, {@code
   * max-body} for every other body (the application's own API, the website's forms).
   */
  @ConfigurationProperties(prefix = "publication.http")
  record Limits(
      @DefaultValue("140MB") DataSize maxUploadBody, @DefaultValue("1MB") DataSize maxBody) {}

  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimit.class);

  /**
   * Tomcat tells a client that asked ({@code Expect: 100-continue}, as curl does for large files)
   * to send its body only when the body is read: a body refused here is then never sent at all.
   */
  @Component
  static class ContinueOnRead implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addConnectorCustomizers(
          connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
  }

  private final Limits limits;
  private final ObjectMapper json;

  RequestBodyLimit(Limits limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    long limit =
        path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")
            ? limits.maxUploadBody().toBytes()
            : limits.maxBody().toBytes();
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      log.info(
          "Refused a body of {} bytes for {} {} from {}: the limit is {} bytes",
          declared,
          request.getMethod(),
          path,
          request.getRemoteAddr(),
          limit);
      // The rest of the body is not read: the connection is closed after this answer.
      response.setHeader("Connection", "close");
      new ApiError("payload_too_large", null, tooLarge(declared, limit).getMessage())
          .writeTo(response, json, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(declared < 0 ? new Bounded(request, limit) : request, response);
  }

  static InputRejectedException tooLarge(long size, long limit) {
    return new InputRejectedException(
        InputRejectedException.Reason.PAYLOAD_TOO_LARGE,
        null,
        "ข้อมูลที่ส่งมามีขนาด"
            + (size < 0 ? "เกิน " : " " + megabytes(size) + " เกิน")
            + "ขนาดสูงสุดที่รับได้ "
            + megabytes(limit)
            + " (request body too large)");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }

  /** A request sent without a length, whose body ends in a refusal when it passes the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                count(b < 0 ? 0 : 1);
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  throw new IOException(
                      "request body over " + limit + " bytes", tooLarge(-1, limit));
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
