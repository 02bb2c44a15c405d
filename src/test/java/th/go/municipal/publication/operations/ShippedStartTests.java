package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start the systemd unit ships ({@code src/ops/start.sh}, {@code src/ops/cds-archive.sh}): the
 * first start makes the class data sharing archive of the jar and starts from it, the next start
 * finds it up to date and makes nothing, a node whose archive cannot be made starts from the plain
 * jar all the same, and the archive the unit makes as root (the training run as the service's user)
 * is root's and read-only to everyone else, so the service cannot change the code it runs. {@code
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

    startsFromTheArchiveWithoutMakingIt(
        Node.ofStartScript("cds-second", "-Xmx512m -Xshare:on", cds, DEMO));
    assertThat(Files.readString(cds.resolve("made-from"))).isEqualTo(madeFrom);
  }

  @Test
  void theArchiveTheUnitMakesAsRootIsRootsAndReadOnlyToTheServicesUser(@TempDir Path folder)
      throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "the unit makes the archive as root: run as root (as CI does)");
    // The service's user (here nobody) must reach the jar and the archive's parent folder.
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cds = folder.resolve("cds");
    Script check = Script.run(Map.of(), "--check", Node.jar().toString(), cds.toString());
    assertThat(check.exitCode()).as(check.output()).isEqualTo(3);
    assertThat(cds).doesNotExist();

    Script made =
        Script.run(Map.of("TRAINING_USER", "nobody"), Node.jar().toString(), cds.toString());

    assertThat(made.exitCode()).as(made.output()).isZero();
    try (Stream<Path> files = Files.walk(cds)) {
      for (Path file : files.toList()) {
        assertThat(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName())
            .as(file.toString())
            .isEqualTo("root");
        assertThat(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS))
            .as(file.toString())
            .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
      }
    }
    // As the unit starts it after making the archive: only the check, then from the archive.
    startsFromTheArchiveWithoutMakingIt(
        Node.ofStartScript("cds-unit", "-Xmx512m -Xshare:on", cds, DEMO, Map.of("CDS_MAKE", "no")));
  }

  /** The node finds its archive up to date, makes nothing and starts from it. */
  private static void startsFromTheArchiveWithoutMakingIt(Node node) throws Exception {
    try (node) {
      node.start();
      assertThat(node.output())
          .contains("publication.jsa: up to date")
          .doesNotContain("Making the class data sharing archive")
          .contains("Started PublicationApplication");
      node.stop(Duration.ofSeconds(90));
    }
  }

  /** {@code src/ops/cds-archive.sh} run to its end with this environment and these arguments. */
  private record Script(int exitCode, String output) {
    static Script run(Map<String, String> environment, String... arguments) throws Exception {
      List<String> command = new ArrayList<>(List.of("bash", "src/ops/cds-archive.sh"));
      command.addAll(List.of(arguments));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().putAll(environment);
      builder
          .environment()
          .put(
              "PATH",
              Path.of(System.getProperty("java.home"), "bin")
                  + ":"
                  + builder.environment().get("PATH"));
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("cds-archive.sh did not end within 5 minutes:\n" + output);
      }
      return new Script(process.exitValue(), output);
    }
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
