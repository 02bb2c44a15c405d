package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * {@code publication.publishing.publisher} chooses exactly one publisher, and a chosen publisher
 * with missing settings stops the start with a message naming them (the publishers' own wiring,
 * without the rest of the application).
 */
class PublisherSelectionTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({PublishingProperties.class, MunicipalityProperties.class})
  @Import({EmbeddedWebsitePublisher.class, WordPressPublisher.class, WebhookPublisher.class})
  static class Publishers {
    @Bean
    PublicationTargetRepository publicationTargetRepository() {
      return InMemoryPublicationTargets.create().repository();
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Publishers.class);

  @Test
  void withoutTheSettingTheEmbeddedWebsiteIsTheOnlyPublisher() {
    context.run(
        app ->
            assertThat(app)
                .hasSingleBean(WebsitePublisher.class)
                .getBean(WebsitePublisher.class)
                .isInstanceOf(EmbeddedWebsitePublisher.class));
  }

  @Test
  void wordpressSettingChoosesTheWordPressPublisherOnly() {
    context
        .withPropertyValues(
            "publication.publishing.publisher=wordpress",
            "publication.publishing.wordpress.base-url=https://www.example.go.th",
            "publication.publishing.wordpress.username=publication-bot",
            "publication.publishing.wordpress.application-password=abcd efgh ijkl mnop qrst uvwx",
            "publication.publishing.wordpress.category-ids.rules=12")
        .run(
            app ->
                assertThat(app)
                    .hasSingleBean(WebsitePublisher.class)
                    .getBean(WebsitePublisher.class)
                    .isInstanceOf(WordPressPublisher.class));
  }

  @Test
  void webhookSettingChoosesTheWebhookPublisherOnly() {
    context
        .withPropertyValues(
            "publication.publishing.publisher=webhook",
            "publication.publishing.webhook.url=https://hook.example.go.th/publication",
            "publication.publishing.webhook.secret=0123456789abcdef0123456789abcdef")
        .run(
            app ->
                assertThat(app)
                    .hasSingleBean(WebsitePublisher.class)
                    .getBean(WebsitePublisher.class)
                    .isInstanceOf(WebhookPublisher.class));
  }

  @Test
  void wordpressWithoutItsApplicationPasswordStopsTheStart() {
    context
        .withPropertyValues(
            "publication.publishing.publisher=wordpress",
            "publication.publishing.wordpress.base-url=https://www.example.go.th",
            "publication.publishing.wordpress.username=publication-bot")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("publication.publishing.wordpress.application-password"));
  }

  @Test
  void webhookWithoutASecretStopsTheStart() {
    context
        .withPropertyValues(
            "publication.publishing.publisher=webhook",
            "publication.publishing.webhook.url=https://hook.example.go.th/publication")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("publication.publishing.webhook.secret"));
  }

  @Test
  void misspelledPublisherStopsTheStartNamingTheValidValues() {
    context
        .withPropertyValues("publication.publishing.publisher=wordpres")
        .run(
            app ->
                assertThat(app)
                    .hasFailed()
                    .getFailure()
                    .hasStackTraceContaining("publication.publishing.publisher"));
  }
}
