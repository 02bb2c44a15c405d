package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The embedded default (H2 in a file, {@code application.yml}'s own address) stopped as systemd
 * stops the service: the service closes the database itself once its work is done. H2's shutdown
 * hook used to close it at the same moment, so whatever still ran (here the audit verification that
 * follows every start) failed with "Database is already closed".
 */
@Tag("production")
class EmbeddedDatabaseStopTests {

  @Test
  void stoppedBySigtermAsSoonAsItIsReadyTheServiceFinishesItsWorkWithoutADatabaseError()
      throws Exception {
    try (Node node = Node.of("h2-stop", Map.of("spring.profiles.active", "demo"), Map.of())) {
      node.start();

      node.stop(Duration.ofSeconds(90));

      assertThat(node.output())
          .contains("Started PublicationApplication")
          .doesNotContain("Database is already closed")
          .doesNotContain(" ERROR ");
    }
  }
}
