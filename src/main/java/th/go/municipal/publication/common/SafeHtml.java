package th.go.municipal.publication.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The one way text that people typed becomes HTML: escaped, paragraphs and line breaks kept, then
 * passed through jsoup's Safelist so that nothing typed can carry markup, script or event handlers
 * onto the website or to an outside publisher.
 */
public final class SafeHtml {

  private static final Safelist ALLOWED = Safelist.basic();
  private static final Document.OutputSettings OUTPUT =
      new Document.OutputSettings()
          .prettyPrint(false)
          .charset("UTF-8")
          .escapeMode(Entities.EscapeMode.base);

  private SafeHtml() {}

  /** Plain text as HTML paragraphs; blank lines separate paragraphs, single breaks become br. */
  public static String fromPlainText(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().replace("\r\n", "\n").split("\n\\s*\n")) {
      html.append("<p>")
          .append(Entities.escape(paragraph.strip()).replace("\n", "<br>"))
          .append("</p>");
    }
    return clean(html.toString());
  }

  /**
   * Any HTML reduced to the basic safe subset (no script, style, event handlers or javascript:
   * links).
   */
  public static String clean(String html) {
    return Jsoup.clean(html == null ? "" : html, "", ALLOWED, OUTPUT);
  }
}
