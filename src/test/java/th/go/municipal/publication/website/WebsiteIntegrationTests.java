package th.go.municipal.publication.website;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.NodeList;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.publishing.PublicationContent;
import th.go.municipal.publication.publishing.PublishedContentChanged;
import th.go.municipal.publication.publishing.PublishedFile;
import th.go.municipal.publication.publishing.PublishedItems;
import th.go.municipal.publication.publishing.PublishedItemsFixture;
import th.go.municipal.publication.request.Category;

/**
 * The public website with the whole application on an in-memory database: items are put straight
 * into the published-items table, the way publishing leaves them, and read back as a citizen's
 * browser, a feed reader and a search engine would.
 */
class WebsiteIntegrationTests extends ProcessTestSupport {

  private static final String BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36";

  @Autowired ApplicationContext context;

  @Autowired PublishedItems published;

  private PublishedItemsFixture items;

  @Autowired ApplicationEventPublisher events;

  @Autowired VisitCounter visits;

  private final LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
  private final Instant now = Instant.now();

  @BeforeEach
  void emptyWebsite() {
    items = new PublishedItemsFixture(context);
    items.deleteAll();
    events.publishEvent(new PublishedContentChanged("all"));
  }

  @Test
  void homeListsVisibleItemsNewestFirstAndHidesWithdrawnFutureAndExpiredOnes() throws Exception {
    // given
    publish(item("WS-0001", "ประกาศเก่ากว่า").at(now.minus(Duration.ofHours(2))));
    publish(item("WS-0002", "ประกาศใหม่กว่า").at(now.minus(Duration.ofHours(1))).until(today));
    publish(item("WS-0003", "ประกาศที่ถูกนำลง").withdrawn());
    publish(item("WS-0004", "ประกาศที่ยังไม่ถึงกำหนด").from(today.plusDays(1)));
    publish(item("WS-0005", "ประกาศที่หมดเวลาแล้ว").until(today.minusDays(1)));

    // when
    Document home = page("/");

    // then
    assertThat(home.select(".item-list .item-title").eachText())
        .containsExactly("ประกาศใหม่กว่า", "ประกาศเก่ากว่า");
    assertThat(home.select(".item-list a").eachAttr("href"))
        .contains("/items/WS-0002", "/items/WS-0001");
    assertThat(home.select(".category-list li")).hasSize(Category.values().length);
    assertThat(home.select(".category-list").text()).contains("(๗) อื่น ๆ").contains("2 รายการ");
  }

  @Test
  void categoryPageListsOnlyItsOwnCategoryAndAnUnknownCategoryIsNotFound() throws Exception {
    // given
    publish(item("WS-0101", "แผนการจัดซื้อจัดจ้างประจำปี").category("procurement"));
    publish(item("WS-0102", "ประกาศอื่น ๆ").category("other"));

    // when
    Document procurement = page("/categories/procurement");

    // then
    assertThat(procurement.select("h1").text()).isEqualTo(Category.PROCUREMENT.thaiName);
    assertThat(procurement.select(".item-title").eachText())
        .containsExactly("แผนการจัดซื้อจัดจ้างประจำปี");
    assertThat(page("/categories").select(".category-list a").eachAttr("href"))
        .contains("/categories/procurement");
    assertThat(status(get("/categories/nonsense"))).isEqualTo(404);
  }

  @Test
  void oitPagesListTheConfiguredIndicatorsWithCountsAndFilterByIndicator() throws Exception {
    // given
    publish(item("WS-0201", "ข่าวประชาสัมพันธ์งานลอยกระทง").oit("O7"));
    publish(item("WS-0202", "ข่าวประชาสัมพันธ์การฉีดวัคซีน").oit("O7"));
    publish(item("WS-0203", "แผนพัฒนาท้องถิ่น").oit("O4"));

    // when
    Document index = page("/oit");
    Document news = page("/oit/O7");

    // then
    assertThat(index.select(".oit-table tbody tr")).hasSize(43);
    Element o7 =
        index.select(".oit-table tbody tr").stream()
            .filter(r -> r.select("th").text().equals("O7"))
            .findFirst()
            .orElseThrow();
    assertThat(o7.select("td").eachText())
        .startsWith("ข่าวประชาสัมพันธ์", "2", "มีบนเว็บไซต์ตลอดเวลา")
        .endsWith("ครบ");
    assertThat(news.select("h1").text()).isEqualTo("O7 ข่าวประชาสัมพันธ์");
    assertThat(news.select(".item-title").eachText())
        .containsExactlyInAnyOrder("ข่าวประชาสัมพันธ์งานลอยกระทง", "ข่าวประชาสัมพันธ์การฉีดวัคซีน");
    assertThat(status(get("/oit/O99"))).isEqualTo(404);
  }

  @Test
  void itemPageEscapesMarkupThatSomeoneTypedIntoTheTitleOrDetails() throws Exception {
    // given
    publish(
        item("WS-0301", "<script>alert('title')</script>ประกาศ")
            .details(
                "รายละเอียด <img src=x onerror=alert(1)>\n<script>alert('details')</script>\n\nย่อหน้าที่สอง"));

    // when
    String html = body(get("/items/WS-0301"));
    Document page = Jsoup.parse(html);

    // then
    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<img src=\"x\"");
    assertThat(page.select("script")).isEmpty();
    assertThat(page.select("[onerror]")).isEmpty();
    assertThat(page.select("h1").text()).isEqualTo("<script>alert('title')</script>ประกาศ");
    assertThat(page.select(".item-details p")).hasSize(2);
    assertThat(page.select(".item-details").text())
        .contains("<img src=x onerror=alert(1)>")
        .contains("<script>alert('details')</script>")
        .contains("ย่อหน้าที่สอง");
    assertThat(page.select("title").text()).startsWith("<script>alert('title')</script>ประกาศ ·");
  }

  @Test
  void itemPageShowsTheUnitTheBuddhistEraDateTheIndicatorAndTheCitedSource() throws Exception {
    // given
    Instant publishedAt = Instant.parse("2025-11-25T07:03:00Z");
    publish(
        item("WS-0401", "ประกาศรับสมัครพนักงานจ้าง")
            .unit("finance")
            .at(publishedAt)
            .oit("O7")
            .source("https://www.example.go.th/jobs?a=1&b=2")
            .until(today.plusDays(3)));

    // when
    Document page = page("/items/WS-0401");

    // then
    String facts = page.select(".item-facts").text();
    assertThat(facts)
        .contains("กองคลัง")
        .contains("25 พ.ย. 2568 14:03 น.")
        .contains(ThaiDates.date(today.plusDays(3)))
        .contains("O7 ข่าวประชาสัมพันธ์")
        .contains(Category.OTHER.thaiName);
    assertThat(page.select(".item-facts time").attr("datetime"))
        .isEqualTo("2025-11-25T14:03+07:00");
    Element source = page.selectFirst(".item-source a");
    assertThat(source).isNotNull();
    assertThat(page.select(".item-source").text()).startsWith("แหล่งที่มา");
    assertThat(source.attr("href")).isEqualTo("https://www.example.go.th/jobs?a=1&b=2");
    assertThat(source.attr("rel")).isEqualTo("noopener noreferrer nofollow");
  }

  @Test
  void itemPageShowsImagesAndPlaysSoundAndVideoAndOffersEveryFileForDownload() throws Exception {
    // given
    publish(
        item("WS-0501", "ภาพกิจกรรมวันเด็ก"),
        file("attachment1", "ภาพกิจกรรม.png", "image", "image/png"),
        file("attachment2", "เสียงประกาศ.mp3", "audio", "audio/mpeg"),
        file("attachment3", "วิดีโอ.mp4", "video", "video/mp4"),
        file("attachment4", "คำสั่ง.pdf", "text", "application/pdf"));

    // when
    Document page = page("/items/WS-0501");

    // then
    Element image = page.selectFirst(".files img");
    assertThat(image).isNotNull();
    assertThat(image.attr("alt")).isEqualTo("ภาพกิจกรรม.png");
    assertThat(image.attr("src")).matches("/items/WS-0501/files/\\d+/%E0%B8%A0.*\\.png");
    assertThat(page.select(".files audio[controls]")).hasSize(1);
    assertThat(page.select(".files video[controls]")).hasSize(1);
    assertThat(page.select(".files a.download[download]")).hasSize(4);
    assertThat(page.select(".files a.download").text()).contains("คำสั่ง.pdf");
  }

  @Test
  void filesAreServedWithTheirStoredTypeAndNeverSniffedOrRunAsAPage() throws Exception {
    // given
    publish(
        item("WS-0601", "คำสั่งเทศบาล"),
        file("attachment1", "คำสั่ง ที่ 1.pdf", "text", "application/pdf"),
        file("attachment2", "ภาพ.png", "image", "image/png"));
    Document page = page("/items/WS-0601");
    List<String> links = page.select(".files a.download").eachAttr("href");

    // when
    MockHttpServletResponse pdf = response(get(URI.create(links.get(0))));
    MockHttpServletResponse png = response(get(URI.create(links.get(1))));

    // then
    assertThat(pdf.getStatus()).isEqualTo(200);
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment;").contains("filename");
    assertThat(pdf.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(pdf.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    assertThat(pdf.getContentAsByteArray()).isEqualTo(bytesOf("คำสั่ง ที่ 1.pdf"));
    assertThat(pdf.getHeader("ETag"))
        .isEqualTo("\"" + Hashes.sha256(bytesOf("คำสั่ง ที่ 1.pdf")) + "\"");
    assertThat(pdf.getHeader("Cache-Control")).contains("no-cache");
    assertThat(png.getContentType()).isEqualTo("image/png");
    assertThat(png.getHeader("Content-Disposition")).startsWith("inline;");

    assertThat(status(get(URI.create(links.get(0))).header("If-None-Match", pdf.getHeader("ETag"))))
        .isEqualTo(304);
    MockHttpServletResponse range =
        response(get(URI.create(links.get(0))).header("Range", "bytes=0-3"));
    assertThat(range.getStatus()).as("video players seek with range requests").isEqualTo(206);
    assertThat(range.getContentAsByteArray()).hasSize(4);
    assertThat(status(get("/items/WS-0601/files/999999/x.pdf"))).isEqualTo(404);
  }

  @Test
  void itemTakenDownIsGoneAndItemNeverOrNotYetPublishedIsNotFound() throws Exception {
    // given
    publish(
        item("WS-0701", "ประกาศที่ถูกนำลง").withdrawn(),
        file("attachment1", "ไฟล์.pdf", "text", "application/pdf"));
    publish(item("WS-0702", "ประกาศที่หมดเวลาแล้ว").until(today.minusDays(1)));
    publish(item("WS-0703", "ประกาศล่วงหน้า").from(today.plusDays(2)));
    long fileId = published.files("WS-0701").get(0).id();

    // when
    MockHttpServletResponse withdrawn = response(get("/items/WS-0701"));
    MockHttpServletResponse unknown = response(get("/items/PR-2569-9999"));

    // then
    assertThat(withdrawn.getStatus()).isEqualTo(410);
    assertThat(withdrawn.getContentAsString(StandardCharsets.UTF_8))
        .contains("ข้อมูลนี้ถูกนำลงจากเว็บไซต์แล้ว")
        .doesNotContain("ประกาศที่ถูกนำลง");
    assertThat(withdrawn.getHeader("Cache-Control")).contains("no-store");
    assertThat(status(get("/items/WS-0702"))).isEqualTo(410);
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(Jsoup.parse(unknown.getContentAsString(StandardCharsets.UTF_8)).select("h1").text())
        .isEqualTo("ไม่พบหน้าที่ต้องการ");
    assertThat(status(get("/items/WS-0703"))).isEqualTo(404);
    assertThat(status(get("/items/WS-0701/files/" + fileId + "/ไฟล์.pdf"))).isEqualTo(410);
  }

  @Test
  void unknownAddressGivesPeopleTheThaiPageAndTheApiItsJsonError() throws Exception {
    // when
    MockHttpServletResponse page = response(get("/no-such-page"));
    MockHttpServletResponse api = response(get("/api/no-such-endpoint"));

    // then
    assertThat(page.getStatus()).isEqualTo(404);
    assertThat(Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8)).select("h1").text())
        .isEqualTo("ไม่พบหน้าที่ต้องการ");
    assertThat(api.getStatus()).isEqualTo(404);
    assertThat(api.getContentAsString(StandardCharsets.UTF_8)).contains("\"error\":\"not_found\"");
  }

  @Test
  void searchFindsVisibleItemsByTitleOrDetailsPageByPageWithABoundedQuery() throws Exception {
    // given
    publish(item("WS-0801", "ประกาศภาษีป้าย").details("ชำระภาษีป้ายได้ที่กองคลัง"));
    publish(
        item("WS-0802", "รับสมัครงาน").details("ผู้สมัครต้องชำระค่าธรรมเนียม ภาษีป้าย ไม่เกี่ยว"));
    publish(item("WS-0803", "ภาษีป้ายที่ถูกนำลง").withdrawn());
    for (int i = 0; i < WebsiteController.PAGE_SIZE; i++) {
      publish(item(String.format("WS-09%02d", i), "ข่าวน้ำประปา " + i).at(now.minusSeconds(i)));
    }

    // when
    Document found = page("/search?q=" + "ภาษีป้าย");
    Document firstPage = page("/search?q=น้ำประปา");
    Document tooLong = page("/search?q=" + "ก".repeat(500) + "&page=abc");

    // then
    assertThat(found.select(".item-title").eachText())
        .containsExactlyInAnyOrder("ประกาศภาษีป้าย", "รับสมัครงาน");
    assertThat(found.select("label[for=q]")).hasSize(1);
    assertThat(found.select("input#q").attr("value")).isEqualTo("ภาษีป้าย");
    assertThat(firstPage.select(".item-title")).hasSize(WebsiteController.PAGE_SIZE);
    assertThat(firstPage.select(".pager a[rel=next]").attr("href")).contains("page=2");
    assertThat(page("/search?q=น้ำประปา&page=2").select(".item-title")).isEmpty();
    assertThat(tooLong.select("input#q").attr("value")).hasSize(WebsiteController.MAX_QUERY_LENGTH);
    assertThat(tooLong.select(".empty").text()).isEqualTo("ไม่พบข้อมูลที่ตรงกับคำค้น");
    assertThat(page("/search").select(".item-list")).isEmpty();
  }

  @Test
  void searchTermsMatchLiterallyNotAsPatterns() throws Exception {
    // given
    publish(item("WS-0851", "ส่วนลด 50% ค่าธรรมเนียม"));
    publish(item("WS-0852", "ประกาศทั่วไป"));

    // when
    Document percent = page("/search?q=50%");
    Document wildcard = page("/search?q=%");
    Document underscore = page("/search?q=_");

    // then
    assertThat(percent.select(".item-title").eachText()).containsExactly("ส่วนลด 50% ค่าธรรมเนียม");
    assertThat(wildcard.select(".item-title").eachText())
        .containsExactly("ส่วนลด 50% ค่าธรรมเนียม");
    assertThat(underscore.select(".item-title")).as("_ is not 'any character'").isEmpty();
  }

  @Test
  void atomFeedIsWellFormedXmlWithTheLatestItemsAndAbsoluteLinks() throws Exception {
    // given
    publish(
        item("WS-1001", "ประกาศ <ด่วน> & \"สำคัญ\"")
            .details("น้ำประปาหยุดจ่าย <b>ชั่วคราว</b>\u0001")
            .at(now.minusSeconds(10)));
    publish(item("WS-1002", "ประกาศที่ถูกนำลง").withdrawn());

    // when
    MockHttpServletResponse response = response(get("/feed.atom"));
    org.w3c.dom.Document feed = xml(response.getContentAsByteArray());

    // then
    assertThat(response.getContentType()).startsWith("application/atom+xml");
    assertThat(feed.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.w3.org/2005/Atom");
    NodeList entries = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    assertThat(entries.getLength()).isEqualTo(1);
    org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(0);
    assertThat(text(entry, "title")).isEqualTo("ประกาศ <ด่วน> & \"สำคัญ\"");
    assertThat(text(entry, "id")).isEqualTo("http://localhost:8080/items/WS-1001");
    assertThat(text(entry, "content")).contains("&lt;b&gt;ชั่วคราว&lt;/b&gt;");
    assertThat(
            ((org.w3c.dom.Element) entry.getElementsByTagNameNS("*", "link").item(0))
                .getAttribute("href"))
        .isEqualTo("http://localhost:8080/items/WS-1001");
  }

  @Test
  void sitemapListsAbsoluteAddressesOfTheSectionsAndEveryVisibleItem() throws Exception {
    // given
    publish(item("WS-1101", "ประกาศที่หนึ่ง"));
    publish(item("WS-1102", "ประกาศที่สอง"));
    publish(item("WS-1103", "ประกาศที่ถูกนำลง").withdrawn());

    // when
    org.w3c.dom.Document sitemap = xml(response(get("/sitemap.xml")).getContentAsByteArray());

    // then
    NodeList locs =
        sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < locs.getLength(); i++) {
      urls.add(locs.item(i).getTextContent());
    }
    assertThat(urls)
        .contains(
            "http://localhost:8080/",
            "http://localhost:8080/categories/plans",
            "http://localhost:8080/oit/O43",
            "http://localhost:8080/items/WS-1101",
            "http://localhost:8080/items/WS-1102");
    assertThat(urls).doesNotContain("http://localhost:8080/items/WS-1103");
    assertThat(urls).hasSize(1 + 1 + 7 + 1 + 43 + 2);
  }

  @Test
  void pagesCarryAnEtagAndLastModifiedAndAnswerConditionalGetsWith304() throws Exception {
    // given
    publish(item("WS-1201", "ประกาศ"));
    MockHttpServletResponse first = response(get("/items/WS-1201"));
    String etag = first.getHeader("ETag");
    String lastModified = first.getHeader("Last-Modified");

    // when
    MockHttpServletResponse byEtag = response(get("/items/WS-1201").header("If-None-Match", etag));
    MockHttpServletResponse byDate =
        response(get("/items/WS-1201").header("If-Modified-Since", lastModified));
    MockHttpServletResponse otherEtag =
        response(get("/items/WS-1201").header("If-None-Match", "\"other\""));

    // then
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    assertThat(lastModified).isNotBlank();
    assertThat(first.getHeader("Cache-Control")).contains("no-cache");
    assertThat(first.getHeader("Content-Security-Policy")).contains("script-src 'none'");
    assertThat(byEtag.getStatus()).isEqualTo(304);
    assertThat(byEtag.getContentAsByteArray()).isEmpty();
    assertThat(byDate.getStatus()).isEqualTo(304);
    assertThat(otherEtag.getStatus()).isEqualTo(200);
    assertThat(status(get("/").header("If-None-Match", response(get("/")).getHeader("ETag"))))
        .isEqualTo(304);
    assertThat(
            status(
                get("/feed.atom")
                    .header("If-None-Match", response(get("/feed.atom")).getHeader("ETag"))))
        .isEqualTo(304);
  }

  @Test
  void renderedPagesShowANewItemOnlyAfterThePublishedContentChangedEvent() throws Exception {
    // given
    publish(item("WS-1301", "ประกาศเดิม"));
    MockHttpServletResponse before = response(get("/"));

    // when
    save(item("WS-1302", "ประกาศใหม่ล่าสุด").at(now.plusSeconds(1)));
    Document stillCached = page("/");
    events.publishEvent(new PublishedContentChanged("WS-1302"));
    MockHttpServletResponse after = response(get("/"));

    // then
    assertThat(stillCached.select(".item-title").eachText()).containsExactly("ประกาศเดิม");
    assertThat(
            Jsoup.parse(after.getContentAsString(StandardCharsets.UTF_8))
                .select(".item-title")
                .eachText())
        .containsExactly("ประกาศใหม่ล่าสุด", "ประกาศเดิม");
    assertThat(after.getHeader("ETag")).isNotEqualTo(before.getHeader("ETag"));
    assertThat(status(get("/").header("If-None-Match", before.getHeader("ETag")))).isEqualTo(200);
  }

  @Test
  void pagesAnsweredFromTheRenderCacheCountAsVisitsLikeTheOthers() throws Exception {
    // given
    publish(item("WS-1501", "ประกาศ"));
    visits.flush();
    long before = visits.visitsOn(today);

    // when
    MockHttpServletResponse rendered = response(get("/items/WS-1501"));
    MockHttpServletResponse kept = response(get("/items/WS-1501"));
    MockHttpServletResponse notModified =
        response(
            get("/items/WS-1501")
                .header("If-None-Match", "\"other\", W/" + kept.getHeader("ETag")));
    response(get("/feed.atom"));
    response(get("/feed.atom"));
    mvc.perform(get("/items/WS-1501").header("User-Agent", "Googlebot/2.1"));
    visits.flush();

    // then
    assertThat(visits.visitsOn(today)).isEqualTo(before + 3);
    assertThat(kept.getContentAsByteArray()).isEqualTo(rendered.getContentAsByteArray());
    assertThat(kept.getHeaders("ETag")).containsExactly(rendered.getHeader("ETag"));
    assertThat(kept.getHeaders("Last-Modified"))
        .containsExactly(rendered.getHeader("Last-Modified"));
    assertThat(kept.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(kept.getHeader("Content-Security-Policy"))
        .isEqualTo(rendered.getHeader("Content-Security-Policy"));
    assertThat(notModified.getStatus()).isEqualTo(304);
    assertThat(notModified.getContentAsByteArray()).isEmpty();
  }

  @Test
  void browsersThatAcceptGzipGetTheSamePageCompressed() throws Exception {
    // given
    publish(item("WS-1601", "ประกาศ"));
    byte[] plain = response(get("/items/WS-1601")).getContentAsByteArray();

    // when
    MockHttpServletResponse first =
        response(get("/items/WS-1601").header("Accept-Encoding", "gzip, deflate, br"));
    events.publishEvent(new PublishedContentChanged("WS-1601"));
    MockHttpServletResponse rendered =
        response(get("/items/WS-1601").header("Accept-Encoding", "gzip"));

    // then
    for (MockHttpServletResponse gzipped : List.of(first, rendered)) {
      assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
      assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
      assertThat(gzipped.getContentAsByteArray().length).isLessThan(plain.length / 2);
      assertThat(
              new GZIPInputStream(new ByteArrayInputStream(gzipped.getContentAsByteArray()))
                  .readAllBytes())
          .isEqualTo(plain);
    }
    assertThat(
            status(
                get("/items/WS-1601")
                    .header("Accept-Encoding", "gzip")
                    .header("If-None-Match", first.getHeader("ETag"))))
        .isEqualTo(304);
  }

  @Test
  void everyPageUsesTheAccessibleThaiLayout() throws Exception {
    // given
    publish(item("WS-1401", "ประกาศ").oit("O7"));

    for (String path :
        List.of(
            "/",
            "/categories",
            "/categories/other",
            "/oit",
            "/oit/O7",
            "/items/WS-1401",
            "/search?q=ประกาศ",
            "/items/PR-0000-0000")) {
      // when
      Document page = Jsoup.parse(response(get(path)).getContentAsString(StandardCharsets.UTF_8));

      // then
      assertThat(page.select("html").attr("lang")).as(path).isEqualTo("th");
      Element skip = page.body().child(0);
      assertThat(skip.attr("href")).as(path).isEqualTo("#main");
      assertThat(skip.text()).isEqualTo("ข้ามไปยังเนื้อหาหลัก");
      assertThat(page.select("main#main")).as(path).hasSize(1);
      assertThat(page.select("body > header, body > footer, header nav[aria-label]"))
          .as(path)
          .hasSize(3);
      assertThat(page.select("h1")).as(path).hasSize(1);
      assertThat(page.select("nav a").eachAttr("href"))
          .as(path)
          .contains("/", "/categories", "/oit", "/search", "/feedback");
      assertThat(page.select("header .brand-name").text()).isEqualTo("เทศบาลเมืองตัวอย่าง");
      assertThat(page.select("header img").attr("src")).isEqualTo("/images/logo.svg");
      assertThat(page.select("footer").text())
          .contains("99 ถนนเทศบาล")
          .contains("0 4561 1234")
          .contains("saraban@example.go.th");
      assertThat(page.select("footer a[href=/feed.atom]")).hasSize(1);
      assertThat(page.select("title").text()).endsWith("เทศบาลเมืองตัวอย่าง");
    }
    assertThat(status(get("/css/site.css"))).isEqualTo(200);
    assertThat(status(get("/fonts/sarabun/sarabun-thai-400-normal.woff2"))).isEqualTo(200);
  }

  // ---- given ----

  private ItemBuilder item(String key, String title) {
    return new ItemBuilder(key, title);
  }

  private void publish(ItemBuilder item, PublishedFile... files) {
    save(item, files);
    events.publishEvent(new PublishedContentChanged(item.key));
  }

  private void save(ItemBuilder item, PublishedFile... files) {
    PublicationContent content =
        new PublicationContent(
            item.key,
            item.title,
            item.details,
            SafeHtml.fromPlainText(item.details),
            item.category,
            item.category,
            item.oit,
            item.unit,
            item.unit,
            item.source,
            item.from,
            item.until,
            List.of(files));
    items.save(
        content,
        "webmaster",
        item.at,
        "http://localhost:8080/items/" + item.key,
        item.withdrawn ? now : null);
  }

  private static PublishedFile file(String variable, String name, String kind, String mediaType) {
    byte[] bytes = bytesOf(name);
    return new PublishedFile(variable, name, kind, mediaType, Hashes.sha256(bytes), bytes);
  }

  private static byte[] bytesOf(String name) {
    return ("content of " + name).getBytes(StandardCharsets.UTF_8);
  }

  /** An item as the webmaster would have published it, visible today unless told otherwise. */
  private final class ItemBuilder {
    final String key;
    final String title;
    String details = "รายละเอียดของประกาศ";
    String category = "other";
    String oit;
    String unit = "clerk";
    String source;
    LocalDate from;
    LocalDate until;
    Instant at = now.minusSeconds(60);
    boolean withdrawn;

    ItemBuilder(String key, String title) {
      this.key = key;
      this.title = title;
    }

    ItemBuilder details(String text) {
      details = text;
      return this;
    }

    ItemBuilder category(String id) {
      category = id;
      return this;
    }

    ItemBuilder oit(String code) {
      oit = code;
      return this;
    }

    ItemBuilder unit(String id) {
      unit = id;
      return this;
    }

    ItemBuilder source(String url) {
      source = url;
      return this;
    }

    ItemBuilder from(LocalDate day) {
      from = day;
      return this;
    }

    ItemBuilder until(LocalDate day) {
      until = day;
      return this;
    }

    ItemBuilder at(Instant publishedAt) {
      at = publishedAt;
      return this;
    }

    ItemBuilder withdrawn() {
      withdrawn = true;
      return this;
    }
  }

  // ---- when / then ----

  private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("User-Agent", BROWSER)).andReturn().getResponse();
  }

  private int status(MockHttpServletRequestBuilder request) throws Exception {
    return response(request).getStatus();
  }

  private String body(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = response(request);
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  private Document page(String path) throws Exception {
    return Jsoup.parse(body(get(path)));
  }

  private static org.w3c.dom.Document xml(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  private static String text(org.w3c.dom.Element parent, String name) {
    return parent.getElementsByTagNameNS("*", name).item(0).getTextContent();
  }
}
