package th.go.municipal.publication.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.PublishedContentChanged;

/** The render cache on its own, with a clock the test moves. */
class WebsiteRenderCacheTests {

  private static final MockHttpServletRequest PLAIN = new MockHttpServletRequest();

  private final MovableClock clock = new MovableClock(Instant.parse("2025-11-25T10:00:00.250Z"));
  private final RenderCache cache = new RenderCache(clock, new WebsiteProperties());
  private final List<LocalDate> renderedFor = new CopyOnWriteArrayList<>();
  private String content = "หน้าแรก";

  @Test
  void keepsARenderedPageUntilTheWebsiteContentChanges() {
    // given
    ResponseEntity<byte[]> first = serve("/");

    // when
    ResponseEntity<byte[]> second = serve("/");
    cache.onContentChanged(new PublishedContentChanged("PR-2569-0001"));
    ResponseEntity<byte[]> third = serve("/");

    // then
    assertThat(renderedFor).hasSize(2);
    assertThat(second).isSameAs(first);
    assertThat(third).isNotSameAs(first);
  }

  @Test
  void rendersAgainForTheNewDayAtMidnightInBangkok() {
    // given: 23:59:59 in Bangkok
    clock.set(LocalDate.of(2025, 11, 25).atTime(23, 59, 59).atZone(ThaiDates.BANGKOK).toInstant());
    serve("/");

    // when
    clock.advance(Duration.ofSeconds(2));
    serve("/");

    // then
    assertThat(renderedFor).containsExactly(LocalDate.of(2025, 11, 25), LocalDate.of(2025, 11, 26));
    assertThat(cache.today()).isEqualTo(LocalDate.of(2025, 11, 26));
  }

  @Test
  void keepsNothingThatWasRenderedWhileAChangeWasCommitted() {
    // given: the content changes while the page is being rendered
    cache.serve(
        "/",
        PLAIN,
        day -> {
          renderedFor.add(day);
          cache.invalidate();
          return html("ก่อนการเปลี่ยนแปลง");
        });

    // when
    serve("/");

    // then
    assertThat(renderedFor).hasSize(2);
  }

  @Test
  void neverKeepsErrorPages() {
    // when
    cache.serve(
        "/items/PR-2569-9999",
        PLAIN,
        day -> {
          renderedFor.add(day);
          return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new byte[] {1});
        });
    cache.serve(
        "/items/PR-2569-9999",
        PLAIN,
        day -> {
          renderedFor.add(day);
          return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new byte[] {1});
        });

    // then
    assertThat(renderedFor).hasSize(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void rendersAgainAfterTheTimeToLiveSoThatOtherNodesCatchUp() {
    // given
    serve("/");

    // when
    clock.advance(Duration.ofSeconds(29));
    serve("/");
    clock.advance(Duration.ofSeconds(2));
    serve("/");

    // then
    assertThat(renderedFor).hasSize(2);
  }

  @Test
  void oneReaderRendersAnExpiredPageAgainWhileTheOthersGetTheKeptCopy() throws Exception {
    // given a kept page past its time to live
    ResponseEntity<byte[]> kept = serve("/");
    clock.advance(Duration.ofSeconds(31));
    assertThat(cache.current("/"))
        .as("the filter lets the first reader through to render")
        .isNull();
    CountDownLatch rendering = new CountDownLatch(1);
    CountDownLatch finishRendering = new CountDownLatch(1);
    ExecutorService firstReader = Executors.newSingleThreadExecutor();
    try {
      Future<ResponseEntity<byte[]>> first =
          firstReader.submit(
              () ->
                  cache.serve(
                      "/",
                      PLAIN,
                      day -> {
                        renderedFor.add(day);
                        rendering.countDown();
                        awaitQuietly(finishRendering);
                        return html("ฉบับใหม่");
                      }));
      assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();

      // when other readers come while the first one is still rendering on its own thread
      List<ResponseEntity<byte[]>> othersGot =
          List.of(cache.current("/").identity().response(), serve("/"));
      finishRendering.countDown();

      // then they got the kept copy without rendering, and the first reader the new page
      assertThat(othersGot).containsExactly(kept, kept);
      assertThat(new String(first.get(10, TimeUnit.SECONDS).getBody(), StandardCharsets.UTF_8))
          .isEqualTo("ฉบับใหม่");
      assertThat(new String(serve("/").getBody(), StandardCharsets.UTF_8)).isEqualTo("ฉบับใหม่");
      assertThat(renderedFor).hasSize(2);
    } finally {
      finishRendering.countDown();
      firstReader.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aChangedPageIsNeverServedFromTheKeptCopy() {
    // given
    serve("/");

    // when
    cache.invalidate();

    // then
    assertThat(cache.current("/")).isNull();
    serve("/");
    assertThat(renderedFor).hasSize(2);
    assertThat(cache.current("/")).isNotNull();
  }

  @Test
  void lastModifiedMovesOnlyWhenTheContentChangesAndEtagIsTheContentHash() {
    // given
    ResponseEntity<byte[]> first = serve("/");

    // when
    clock.advance(Duration.ofSeconds(5));
    cache.invalidate();
    ResponseEntity<byte[]> sameContent = serve("/");
    content = "หน้าแรกที่มีข่าวใหม่";
    cache.invalidate();
    ResponseEntity<byte[]> newContent = serve("/");

    // then
    HttpHeaders headers = first.getHeaders();
    assertThat(headers.getETag()).matches("\"[0-9a-f]{32}\"");
    assertThat(headers.getLastModified())
        .isEqualTo(Instant.parse("2025-11-25T10:00:00Z").toEpochMilli());
    assertThat(headers.getCacheControl()).contains("no-cache");
    assertThat(headers.getFirst("X-Test"))
        .as("headers of the render are kept")
        .isEqualTo("rendered");
    assertThat(sameContent.getHeaders().getETag()).isEqualTo(headers.getETag());
    assertThat(sameContent.getHeaders().getLastModified()).isEqualTo(headers.getLastModified());
    assertThat(newContent.getHeaders().getETag()).isNotEqualTo(headers.getETag());
    assertThat(newContent.getHeaders().getLastModified())
        .isEqualTo(Instant.parse("2025-11-25T10:00:05Z").toEpochMilli());
  }

  @Test
  void aSecondVersionWithinTheSameSecondIsStillNewer() {
    // given
    ResponseEntity<byte[]> first = serve("/");

    // when
    content = "อีกฉบับ";
    cache.invalidate();
    ResponseEntity<byte[]> second = serve("/");

    // then
    assertThat(second.getHeaders().getLastModified())
        .isEqualTo(first.getHeaders().getLastModified() + 1000);
  }

  @Test
  void keepsEachPageGzippedOnceForReadersWhoseBrowsersAcceptIt() throws Exception {
    // given
    MockHttpServletRequest browser = new MockHttpServletRequest();
    browser.addHeader("Accept-Encoding", "gzip, deflate, br");
    ResponseEntity<byte[]> plain = serve("/");

    // when
    ResponseEntity<byte[]> gzipped = cache.serve("/", browser, day -> html("ไม่ถูกเรียก"));

    // then
    assertThat(renderedFor).hasSize(1);
    assertThat(gzipped.getHeaders().getFirst("Content-Encoding")).isEqualTo("gzip");
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped.getBody())).readAllBytes())
        .isEqualTo(plain.getBody());
    assertThat(gzipped.getHeaders().getETag()).isNotEqualTo(plain.getHeaders().getETag());
    assertThat(gzipped.getHeaders().getVary()).containsExactly("Accept-Encoding");
    assertThat(plain.getHeaders().getVary()).containsExactly("Accept-Encoding");
    assertThat(plain.getHeaders().getFirst("Content-Encoding")).isNull();
    assertThat(RenderCache.acceptsGzip("deflate, gzip;q=0.5")).isTrue();
    assertThat(RenderCache.acceptsGzip("gzip;q=0, deflate")).isFalse();
    assertThat(RenderCache.acceptsGzip("identity")).isFalse();
  }

  @Test
  void keepsAtMostABoundedNumberOfPages() {
    // when
    for (int i = 0; i < RenderCache.MAX_PAGES + 50; i++) {
      serve("/items/PR-2569-" + i);
    }

    // then
    assertThat(cache.size()).isEqualTo(RenderCache.MAX_PAGES);

    // and outdated pages make room for new ones
    cache.invalidate();
    serve("/items/new");
    assertThat(cache.size()).isEqualTo(1);
  }

  private ResponseEntity<byte[]> serve(String key) {
    return cache.serve(
        key,
        PLAIN,
        day -> {
          renderedFor.add(day);
          return html(content);
        });
  }

  private static ResponseEntity<byte[]> html(String text) {
    return ResponseEntity.ok()
        .header("X-Test", "rendered")
        .body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ThaiDates.BANGKOK;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
