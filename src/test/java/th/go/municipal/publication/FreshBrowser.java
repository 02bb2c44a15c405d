package th.go.municipal.publication;

import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/** Makes a test browser as new as a citizen's or a clerk's first visit, between two people. */
final class FreshBrowser {

  private FreshBrowser() {}

  /**
   * Leaves the current page first, so that none of its requests still under way brings a session
   * back, then forgets every cookie of every path (the webapps' and the service's) and the site's
   * stored language.
   */
  static void forgetEveryone(ChromeDriver driver, String origin) {
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand(
        "Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "local_storage"));
  }
}
