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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import th.go.municipal.publication.StaffClient;

/**
 * The embedded default, H2 in a file, under the same trials as PostgreSQL: {@code kill -9} during
 * 50 concurrent requests loses nothing that was answered and stores nothing by halves; an online
 * backup ({@code src/ops/backup.sh h2}) restored into an empty folder holds every request,
 * signature and audit entry.
 */
@Tag("production")
class EmbeddedDatabaseCrashTests {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void killNineDuringFiftyConcurrentRequestsThenBackupAndRestore() throws Exception {
    Path data = Files.createTempDirectory("municipal-h2-");
    String file = data.resolve("publication").toString();
    ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> signed = new ConcurrentLinkedQueue<>();

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
                    answered.add(request.get("businessKey").asText());
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
                      signed.add(request.get("businessKey").asText());
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
      victim.kill();
      for (Future<?> person : work) {
        person.get(2, TimeUnit.MINUTES);
      }
      people.shutdown();
    }
    assertThat(signed).isNotEmpty();

    Path backup = data.resolve("backup.zip");
    Path restored = Files.createTempDirectory("municipal-h2-restored-");
    try (Node restarted = node("h2-restarted", file)) {
      restarted.start();
      StaffClient auditor = new StaffClient(restarted.base());
      for (String key : answered) {
        assertThat(auditor.get("auditor", "/api/requests/" + key).statusCode())
            .as(key)
            .isEqualTo(200);
      }
      for (String key : signed) {
        JsonNode stored = json.readTree(auditor.get("auditor", "/api/requests/" + key).body());
        assertThat(stored.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(stored.get("signatures").findValuesAsText("role")).containsExactly("reporter");
      }
      List<Integer> numbers = numbers(auditor);
      assertThat(numbers).isEqualTo(IntStream.rangeClosed(1, numbers.size()).boxed().toList());
      assertIntact(auditor);

      ProcessBuilder script =
          new ProcessBuilder("bash", "src/ops/backup.sh", "h2", file, backup.toString())
              .redirectErrorStream(true);
      script.environment().put("APP_JAR", Node.jar().toAbsolutePath().toString());
      Process run = script.start();
      String output = new String(run.getInputStream().readAllBytes());
      assertThat(run.waitFor()).as(output).isZero();
    }

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
      for (String key : answered) {
        assertThat(auditor.get("auditor", "/api/requests/" + key).statusCode())
            .as(key)
            .isEqualTo(200);
      }
      assertIntact(auditor);
    }
  }

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
        Map.of(
            "spring.profiles.active",
            "demo",
            "spring.datasource.url",
            "jdbc:h2:file:" + h2File + ";AUTO_SERVER=TRUE"),
        Map.of());
  }
}
