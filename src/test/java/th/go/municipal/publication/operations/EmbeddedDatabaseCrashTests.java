package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.go.municipal.publication.StaffClient;

/**
 * The embedded default, H2 in a file, under the same trials as PostgreSQL: after {@code kill -9}
 * during 50 concurrent requests nothing is stored by halves, numbers have no gap, the audit chain
 * verifies, and every request answered more than H2's write delay before the kill is there (H2
 * keeps the last second's commits in memory: production runs on PostgreSQL); a backup ({@code
 * src/ops/backup.sh h2}) restored into an empty folder holds every request, signature and audit
 * entry. H2's backup is taken with the service stopped.
 */
@Tag("production")
class EmbeddedDatabaseCrashTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void killNineDuringFiftyConcurrentRequestsThenBackupAndRestore() throws Exception {
    Path data = Files.createTempDirectory("municipal-h2-");
    String file = data.resolve("publication").toString();
    Map<String, Instant> answered = new java.util.concurrent.ConcurrentHashMap<>();
    Map<String, Instant> signed = new java.util.concurrent.ConcurrentHashMap<>();
    Instant killed;

    try (Node victim = node("h2", file)) {
      victim.start();
      StaffClient staff = new StaffClient(victim.base());
      ExecutorService people = Executors.newFixedThreadPool(50);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        work.add(
            people.submit(
                () -> {
                  try {
                    HttpResponse<String> started =
                        staff.post(
                            "reporter.clerk",
                            "/engine-rest/process-definition/key/publicationRequest/start",
                            START);
                    if (started.statusCode() != 200) {
                      return null;
                    }
                    JsonNode request = json.readTree(started.body());
                    answered.put(request.get("businessKey").asText(), Instant.now());
                    JsonNode tasks =
                        json.readTree(
                            staff
                                .get(
                                    "reporter.clerk",
                                    "/engine-rest/task?processInstanceId="
                                        + request.get("id").asText())
                                .body());
                    if (staff
                            .post(
                                "reporter.clerk",
                                "/engine-rest/task/"
                                    + tasks.get(0).get("id").asText()
                                    + "/complete",
                                "{\"variables\":{\"reporterConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}")
                            .statusCode()
                        == 204) {
                      signed.put(request.get("businessKey").asText(), Instant.now());
                    }
                  } catch (Exception | AssertionError cutOff) {
                    // The node died under this person: nothing was promised.
                  }
                  return null;
                }));
      }
      Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
      while (signed.size() < 10 && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
      killed = Instant.now();
      victim.kill();
      for (Future<?> person : work) {
        person.get(2, TimeUnit.MINUTES);
      }
      people.shutdown();
    }
    assertThat(signed).isNotEmpty();

    List<Integer> stored;
    Path backup = data.resolve("backup.zip");
    Path restored = Files.createTempDirectory("municipal-h2-restored-");
    try (Node restarted = node("h2-restarted", file)) {
      restarted.start();
      StaffClient auditor = new StaffClient(restarted.base());
      // H2 writes its commits to the file about once a second: what was confirmed in the last
      // second before the kill may be gone (README: production runs on PostgreSQL, where
      // ClusterTests finds every confirmed request). Everything older must be there, whole.
      Instant safe = killed.minus(DURABILITY_WINDOW);
      List<String> lost = new ArrayList<>();
      for (Map.Entry<String, Instant> request : answered.entrySet()) {
        int status = auditor.get("auditor", "/api/requests/" + request.getKey()).statusCode();
        if (status != 200) {
          lost.add(
              request.getKey()
                  + " (answered "
                  + Duration.between(request.getValue(), killed).toMillis()
                  + " ms before the kill)");
          assertThat(request.getValue()).as("lost: %s", lost).isAfter(safe);
        }
      }
      for (Map.Entry<String, Instant> request : signed.entrySet()) {
        if (request.getValue().isBefore(safe)) {
          JsonNode kept =
              json.readTree(auditor.get("auditor", "/api/requests/" + request.getKey()).body());
          assertThat(kept.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
          assertThat(kept.get("signatures").findValuesAsText("role")).containsExactly("reporter");
        }
      }
      stored = numbers(auditor);
      assertThat(stored).isEqualTo(IntStream.rangeClosed(1, stored.size()).boxed().toList());
      assertIntact(auditor);
    }

    // H2's backup runs with the service stopped: only the service's process opens the file.
    ProcessBuilder script =
        new ProcessBuilder("bash", "src/ops/backup.sh", "h2", file, backup.toString())
            .redirectErrorStream(true);
    script.environment().put("APP_JAR", Node.jar().toAbsolutePath().toString());
    Process backingUp = script.start();
    String backedUp = new String(backingUp.getInputStream().readAllBytes());
    assertThat(backingUp.waitFor()).as(backedUp).isZero();

    ProcessBuilder restore =
        new ProcessBuilder(
                "bash", "src/ops/restore.sh", "h2", backup.toString(), restored.toString())
            .redirectErrorStream(true);
    Process run = restore.start();
    String output = new String(run.getInputStream().readAllBytes());
    assertThat(run.waitFor()).as(output).isZero();
    try (Node fromBackup = node("h2-restored", restored.resolve("publication").toString())) {
      fromBackup.start();
      StaffClient auditor = new StaffClient(fromBackup.base());
      assertThat(numbers(auditor)).as("the copy holds what the original held").isEqualTo(stored);
      assertIntact(auditor);
    }
  }

  /**
   * How long H2 may keep a commit before writing it (MVStore's auto-commit delay, 1 s), doubled.
   */
  private static final Duration DURABILITY_WINDOW = Duration.ofSeconds(2);

  private static final String START =
      "{\"variables\":{\"unit\":{\"value\":\"clerk\",\"type\":\"String\"},"
          + "\"title\":{\"value\":\"ประกาศระหว่างเครื่องดับ\",\"type\":\"String\"},"
          + "\"details\":{\"value\":\"ทดสอบการดับเครื่องกะทันหัน\",\"type\":\"String\"},"
          + "\"category\":{\"value\":\"other\",\"type\":\"String\"},"
          + "\"urgent\":{\"value\":false,\"type\":\"Boolean\"}}}";

  private List<Integer> numbers(StaffClient auditor) throws Exception {
    JsonNode instances =
        json.readTree(
            auditor
                .get(
                    "auditor",
                    "/engine-rest/history/process-instance?processDefinitionKey=publicationRequest")
                .body());
    List<Integer> numbers = new ArrayList<>();
    instances.forEach(
        i -> {
          String key = i.get("businessKey").asText();
          numbers.add(Integer.parseInt(key.substring(key.lastIndexOf('-') + 1)));
        });
    return numbers.stream().sorted().toList();
  }

  private void assertIntact(StaffClient auditor) throws Exception {
    HttpResponse<String> verify = auditor.get("auditor", "/api/audit/verify");
    assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
    assertThat(json.readTree(verify.body()).get("intact").asBoolean()).as(verify.body()).isTrue();
  }

  private static Node node(String name, String h2File) throws Exception {
    return Node.of(
        name,
        Map.of("spring.profiles.active", "demo", "spring.datasource.url", "jdbc:h2:file:" + h2File),
        Map.of());
  }
}
