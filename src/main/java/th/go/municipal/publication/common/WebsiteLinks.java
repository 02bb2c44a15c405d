package th.go.municipal.publication.common;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * The addresses of the public website that more than one capability writes: an item's page, as the
 * website serves it and as publishers and e-mails link to it.
 */
public final class WebsiteLinks {

  private WebsiteLinks() {}

  /** "/items/PR-2570-0001": an item's page on this website. */
  public static String itemPath(String businessKey) {
    return "/items/" + UriUtils.encodePathSegment(businessKey, StandardCharsets.UTF_8);
  }

  /** The item's page under the website's public address ({@code municipality.website-url}). */
  public static String itemUrl(String websiteUrl, String businessKey) {
    return base(websiteUrl) + itemPath(businessKey);
  }

  /** The website's public address without a trailing slash. */
  public static String base(String websiteUrl) {
    return websiteUrl.replaceAll("/+$", "");
  }
}
