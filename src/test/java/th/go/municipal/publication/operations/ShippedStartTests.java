package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start the systemd unit ships ({@code src/ops/start.sh}): the first start makes the class data
 * sharing archive of the jar and starts from it, the next start finds it up to date and makes
 * nothing, and a node whose archive cannot be made starts from the plain jar all the same. {@code
 * -Xshare:on} makes the JVM refuse to start unless it really maps the archive it is given.
 */
@Tag("production")
class ShippedStartTests {

  private static final Map<String, String> DEMO = Map.of("spring.profiles.active", "demo");

  @Test
  void theFirstStartMakesTheArchiveAndEveryStartRunsFromIt(@TempDir Path cds) throws Exception {
    try (Node first = Node.ofStartScript("cds-first", "-Xmx512m -Xshare:on", cds, DEMO)) {
      first.start();
      assertThat(first.output())
          .contains("Making the class data sharing archive")
          .contains("Started PublicationApplication");
      assertThat(first.stop(Duration.ofSeconds(90))).isIn(0, 143);
    }
    assertThat(cds.resolve("publication.jsa")).isNotEmptyFile();
    String madeFrom = Files.readString(cds.resolve("made-from"));

    try (Node second = Node.ofStartScript("cds-second", "-Xmx512m -Xshare:on", cds, DEMO)) {
      second.start();
      assertThat(second.output())
          .contains("publication.jsa: up to date")
          .doesNotContain("Making the class data sharing archive")
          .contains("Started PublicationApplication");
      second.stop(Duration.ofSeconds(90));
    }
    assertThat(Files.readString(cds.resolve("made-from"))).isEqualTo(madeFrom);
  }

  @Test
  void aNodeWhoseArchiveCannotBeMadeStartsFromThePlainJar(@TempDir Path folder) throws Exception {
    Path file = Files.writeString(folder.resolve("not-a-folder"), "");
    try (Node node = Node.ofStartScript("cds-none", "-Xmx512m", file.resolve("cds"), DEMO)) {
      node.start();
      assertThat(node.output())
          .contains("Class data sharing is not available")
          .contains("Started PublicationApplication");
      node.stop(Duration.ofSeconds(90));
    }
  }
}
