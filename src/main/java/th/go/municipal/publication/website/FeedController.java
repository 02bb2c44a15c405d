package th.go.municipal.publication.website;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.common.WebsiteLinks;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.publishing.PublishedItems;
import th.go.municipal.publication.publishing.PublishedItems.Entry;
import th.go.municipal.publication.request.Category;

/**
 * The Atom feed of the latest items and the sitemap, with absolute addresses from {@code
 * municipality.website-url}. Both are written by an XML writer, which escapes everything, and kept
 * by the {@link WebsitePageFilter} like the pages.
 */
@RestController
class FeedController {

  static final int FEED_SIZE = 50;

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
  private static final MediaType ATOM_TYPE =
      new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
  private static final MediaType XML_TYPE =
      new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);
  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

  private final PublishedItems items;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  FeedController(PublishedItems items, MunicipalityProperties municipality, Clock clock) {
    this.items = items;
    this.municipality = municipality;
    this.clock = clock;
  }

  @GetMapping("/feed.atom")
  ResponseEntity<byte[]> showFeed() {
    return ResponseEntity.ok()
        .contentType(ATOM_TYPE)
        .body(atom(items.latestVisible(today(), FEED_SIZE)));
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<byte[]> showSitemap() {
    return ResponseEntity.ok().contentType(XML_TYPE).body(sitemap(items.visibleOn(today())));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ThaiDates.BANGKOK));
  }

  private byte[] atom(List<Entry> latest) {
    String base = base();
    Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).publishedAt();
    return xml(
        w -> {
          w.writeStartElement("feed");
          w.writeDefaultNamespace(ATOM);
          w.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", "th");
          element(w, "id", base + "/");
          element(w, "title", "ข่าวสารและข้อมูลเผยแพร่ " + municipality.getName());
          element(w, "updated", updated.toString());
          link(w, "self", base + "/feed.atom", "application/atom+xml");
          link(w, "alternate", base + "/", "text/html");
          w.writeStartElement("author");
          element(w, "name", municipality.getName());
          element(w, "uri", base + "/");
          w.writeEndElement();
          for (Entry item : latest) {
            String url = base + WebsiteLinks.itemPath(item.businessKey());
            w.writeStartElement("entry");
            element(w, "id", url);
            element(w, "title", item.title());
            link(w, "alternate", url, "text/html");
            element(w, "published", item.publishedAt().toString());
            element(w, "updated", item.publishedAt().toString());
            w.writeEmptyElement("category");
            w.writeAttribute("term", item.category());
            w.writeAttribute(
                "label",
                Category.byId(item.category()).map(c -> c.thaiName).orElse(item.category()));
            w.writeStartElement("content");
            w.writeAttribute("type", "html");
            w.writeCharacters(xmlText(SafeHtml.fromPlainText(item.details())));
            w.writeEndElement();
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  private byte[] sitemap(List<Entry> visible) {
    String base = base();
    return xml(
        w -> {
          w.writeStartElement("urlset");
          w.writeDefaultNamespace(SITEMAP);
          url(w, base + "/", null);
          url(w, base + "/categories", null);
          for (Category category : Category.values()) {
            url(w, base + "/categories/" + category.id, null);
          }
          url(w, base + "/oit", null);
          for (MunicipalityProperties.OitItem indicator : municipality.oitItemsOn(today())) {
            url(w, base + "/oit/" + indicator.code(), null);
          }
          for (Entry item : visible) {
            url(
                w,
                base + WebsiteLinks.itemPath(item.businessKey()),
                LocalDate.ofInstant(item.publishedAt(), ThaiDates.BANGKOK));
          }
          w.writeEndElement();
        });
  }

  private String base() {
    return WebsiteLinks.base(municipality.getWebsiteUrl());
  }

  private interface XmlBody {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  private static byte[] xml(XmlBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter writer = XML.createXMLStreamWriter(out, "UTF-8");
      writer.writeStartDocument("UTF-8", "1.0");
      body.write(writer);
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write XML", e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(xmlText(text));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String href, String type)
      throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", href);
  }

  private static void url(XMLStreamWriter w, String loc, LocalDate lastModified)
      throws XMLStreamException {
    w.writeStartElement("url");
    element(w, "loc", loc);
    if (lastModified != null) {
      element(w, "lastmod", lastModified.format(DateTimeFormatter.ISO_LOCAL_DATE));
    }
    w.writeEndElement();
  }

  /**
   * Text without the control characters XML 1.0 cannot carry at all (the writer escapes the rest).
   */
  private static String xmlText(String text) {
    return text == null
        ? ""
        : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
  }
}
