package th.go.municipal.publication.publishing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.WebsiteLinks;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * The municipality's own website, served by this application from the published-items table:
 * publishing is recording the item (done by {@link PublicationService}), so only the address is
 * computed here.
 */
@Component
@ConditionalOnProperty(
    name = "publication.publishing.publisher",
    havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedWebsitePublisher implements WebsitePublisher {

  private final MunicipalityProperties municipality;

  EmbeddedWebsitePublisher(MunicipalityProperties municipality) {
    this.municipality = municipality;
  }

  @Override
  public String publish(PublicationContent content) {
    return WebsiteLinks.itemUrl(municipality.getWebsiteUrl(), content.businessKey());
  }

  @Override
  public void unpublish(String businessKey) {
    // The embedded website shows what the published-items table says is visible; nothing else to
    // do.
  }
}
