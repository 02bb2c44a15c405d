package th.go.municipal.publication.website;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.SafeHtml;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.request.Category;

/**
 * The Atom feed of the latest items and the sitemap, with absolute addresses from {@code
 * municipality.website-url}. Both are written by an XML writer, which escapes everything, and kept
 * by the {@link RenderCache} like the pages.
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

  private final PublishedItemRepository items;
  private final MunicipalityProperties municipality;
  private final RenderCache cache;

  FeedController(
      PublishedItemRepository items, MunicipalityProperties municipality, RenderCache cache) {
    this.items = items;
    this.municipality = municipality;
    this.cache = cache;
  }

  @GetMapping("/feed.atom")
  ResponseEntity<byte[]> showFeed(HttpServletRequest request) {
    return cache.serve(
        "/feed.atom",
        request,
        day ->
            ResponseEntity.ok()
                .contentType(ATOM_TYPE)
                .body(atom(items.findVisibleOn(day, PageRequest.of(0, FEED_SIZE)))));
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<byte[]> showSitemap(HttpServletRequest request) {
    return cache.serve(
        "/sitemap.xml",
        request,
        day -> ResponseEntity.ok().contentType(XML_TYPE).body(sitemap(items.findVisibleOn(day))));
  }

  private byte[] atom(List<PublishedItem> latest) {
    String base = base();
    Instant updated = latest.isEmpty() ? Instant.EPOCH : latest.get(0).getPublishedAt();
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
          for (PublishedItem item : latest) {
            String url = base + WebsiteController.itemPath(item.getBusinessKey());
            w.writeStartElement("entry");
            element(w, "id", url);
            element(w, "title", item.getTitle());
            link(w, "alternate", url, "text/html");
            element(w, "published", item.getPublishedAt().toString());
            element(w, "updated", item.getPublishedAt().toString());
            w.writeEmptyElement("category");
            w.writeAttribute("term", item.getCategory());
            w.writeAttribute(
                "label",
                Category.byId(item.getCategory()).map(c -> c.thaiName).orElse(item.getCategory()));
            w.writeStartElement("content");
            w.writeAttribute("type", "html");
            w.writeCharacters(xmlText(SafeHtml.fromPlainText(item.getDetails())));
            w.writeEndElement();
            w.writeEndElement();
          }
          w.writeEndElement();
        });
  }

  private byte[] sitemap(List<PublishedItem> visible) {
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
          for (MunicipalityProperties.OitItem indicator : municipality.getOitItems()) {
            url(w, base + "/oit/" + indicator.code(), null);
          }
          for (PublishedItem item : visible) {
            url(
                w,
                base + WebsiteController.itemPath(item.getBusinessKey()),
                LocalDate.ofInstant(item.getPublishedAt(), ThaiDates.BANGKOK));
          }
          w.writeEndElement();
        });
  }

  private String base() {
    return municipality.getWebsiteUrl().replaceAll("/+$", "");
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
