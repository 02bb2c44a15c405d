package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.municipal.publication.EngineRestClient.file;
import static th.go.municipal.publication.EngineRestClient.requestFields;
import static th.go.municipal.publication.EngineRestClient.variables;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.publishing.PublishedItems;

/**
 * Issue 8, point 2, through the real HTTP API: a body over the limit is refused before it is read;
 * a file goes only into an attachment slot and is judged by content and size the moment it is set,
 * whoever sets it; nothing of a refused call is stored; published files are streamed from the
 * database in chunks, range requests included.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class UploadLimitsTests {

  private static final String BOUNDARY = "----municipal-test-boundary";

  @Autowired TestRestTemplate rest;

  @Autowired PublishedItems publishedItems;

  private EngineRestClient reporter;
  private EngineRestClient admin;
  private EngineRestClient auditor;

  @BeforeEach
  void users() {
    reporter = new EngineRestClient(rest.getRootUri(), "reporter.clerk");
    admin = new EngineRestClient(rest.getRootUri(), "admin");
    auditor = new EngineRestClient(rest.getRootUri(), "auditor");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    String instance = reporter.startRequest(requestFields("clerk", "ประกาศ")).get("id").asText();
    String prepare = reporter.taskId(instance, "prepareRequest");
    long fourHundredMegabytes = 400L * 1024 * 1024;

    for (String path :
        new String[] {
          "/engine-rest/task/" + prepare + "/variables/attachment1/data",
          "/engine-rest/process-definition/key/publicationRequest/start",
          "/camunda/api/engine/engine/default/task/" + prepare + "/submit-form"
        }) {
      // On the wire, as curl sends a large file: the headers, and the body only once it is wanted.
      String answer =
          rawPost(
              path,
              "Authorization: " + basic("reporter.clerk"),
              "Content-Type: multipart/form-data; boundary=" + BOUNDARY,
              "Content-Length: " + fourHundredMegabytes,
              "Expect: 100-continue");

      assertThat(answer).as(path).startsWith("HTTP/1.1 413 ");
      JsonNode error = EngineRestClient.json(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(error.get("error").asText()).isEqualTo("payload_too_large");
      assertThat(error.get("message").asText()).contains("400.0 MB").contains("ขนาดสูงสุด");
    }
    assertThat(admin.call("GET", "/engine-rest/task/" + prepare + "/variables", null, 200))
        .as("nothing stored")
        .noneMatch(v -> v.path("type").asText().equals("File"));
  }

  @Test
  void aFileGoesOnlyIntoAnAttachmentSlotJudgedByContentAndSizeAsItIsSet() throws Exception {
    long before = requestsStarted();
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

    JsonNode disguised =
        refusedStart(Map.of("attachment1", file("รายงาน.pdf", "application/pdf", html)), 400);
    assertThat(disguised.get("field").asText()).isEqualTo("attachment1");
    assertThat(disguised.get("message").asText()).contains("ไม่ตรงกับนามสกุล .pdf");

    JsonNode elsewhere =
        refusedStart(
            Map.of("notes", file("บันทึก.pdf", "application/pdf", TestFiles.pdf("notes"))), 400);
    assertThat(elsewhere.get("field").asText()).isEqualTo("notes");
    assertThat(elsewhere.get("message").asText()).contains("ช่องไฟล์แนบ");

    JsonNode beyondTheSlots =
        refusedStart(
            Map.of("attachment9", file("ภาพ.png", "image/png", TestFiles.image("png"))), 400);
    assertThat(beyondTheSlots.get("field").asText()).isEqualTo("attachment9");

    byte[] tooLarge = Arrays.copyOf(TestFiles.image("png"), 11 * 1024 * 1024);
    JsonNode oversized =
        refusedStart(Map.of("attachment1", file("ภาพ.png", "image/png", tooLarge)), 400);
    assertThat(oversized.get("message").asText()).contains("file too large");
    assertThat(requestsStarted()).as("nothing started").isEqualTo(before);

    // on a task, through the multipart upload of the REST API
    String instance = reporter.startRequest(requestFields("clerk", "ประกาศ")).get("id").asText();
    String prepare = reporter.taskId(instance, "prepareRequest");
    String upload = "/engine-rest/task/" + prepare + "/variables/attachment1/data";
    assertThat(multipart(reporter, upload, "ภาพ.png", TestFiles.image("png")).statusCode())
        .as("workers complete tasks; they do not write into them")
        .isEqualTo(403);
    assertThat(admin.call("GET", "/engine-rest/task/" + prepare + "/variables", null, 200))
        .as("nothing stored")
        .noneMatch(v -> v.path("type").asText().equals("File"));

    // An administrator may write into a task; the reporter's signature then refuses what is wrong.
    assertThat(multipart(admin, upload, "รายงาน.pdf", html).statusCode()).isEqualTo(204);
    HttpResponse<String> signed =
        reporter.send(
            "POST",
            "/engine-rest/task/" + prepare + "/complete",
            EngineRestClient.completion(Map.of("reporterConfirmed", true)));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(400);
    assertThat(EngineRestClient.json(signed.body()).get("field").asText()).isEqualTo("attachment1");
    assertThat(reporter.taskId(instance, "prepareRequest")).isEqualTo(prepare);
  }

  @Test
  void aPublishedFileIsStreamedFromTheDatabaseRangesIncluded() throws Exception {
    byte[] sound = TestFiles.wav(3 * 1024 * 1024);
    Map<String, Object> values =
        new LinkedHashMap<>(requestFields("clerk", "เสียงประกาศเสียงตามสาย"));
    values.put("attachment1", file("ประกาศเสียงตามสาย.wav", "audio/wav", sound));
    JsonNode started = reporter.startRequest(values);
    String instance = started.get("id").asText();
    String key = started.get("businessKey").asText();
    reporter.complete(
        reporter.taskId(instance, "prepareRequest"), Map.of("reporterConfirmed", true));
    EngineRestClient head = new EngineRestClient(rest.getRootUri(), "head.clerk");
    head.complete(head.taskId(instance, "approveRequest"), Map.of("headDecision", "approve"));
    EngineRestClient webmaster = new EngineRestClient(rest.getRootUri(), "webmaster");
    webmaster.complete(
        webmaster.taskId(instance, "publishRequest"), Map.of("webmasterDecision", "publish"));
    awaitPublished(key);

    PublishedItems.FileInfo stored = publishedItems.files(key).get(0);
    String url =
        rest.getRootUri()
            + "/items/"
            + key
            + "/files/"
            + stored.id()
            + "/"
            + java.net.URLEncoder.encode(stored.fileName(), StandardCharsets.UTF_8)
                .replace("+", "%20");
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> whole =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(sound.length).isGreaterThan(10 * PublishedItems.CHUNK);
    assertThat(Hashes.sha256(whole.body())).isEqualTo(Hashes.sha256(sound));

    long from = 2 * PublishedItems.CHUNK - 50;
    HttpResponse<byte[]> range =
        client.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Range", "bytes=" + from + "-" + (from + 99))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(sound, (int) from, (int) from + 100));
  }

  /** Sends a request's head only and reads the whole answer (the server closes afterwards). */
  private String rawPost(String path, String... headers) throws Exception {
    URI server = URI.create(rest.getRootUri());
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
      head.append("Host: ").append(server.getHost()).append(':').append(server.getPort());
      for (String header : headers) {
        head.append("\r\n").append(header);
      }
      head.append("\r\n\r\n");
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        answer.write(buffer, 0, n);
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private JsonNode refusedStart(Map<String, Object> extra, int status) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>(requestFields("clerk", "ประกาศพร้อมไฟล์"));
    values.putAll(extra);
    HttpResponse<String> response =
        reporter.send(
            "POST",
            "/engine-rest/process-definition/key/publicationRequest/start",
            Map.of("variables", variables(values)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception");
    return EngineRestClient.json(response.body());
  }

  private HttpResponse<String> multipart(
      EngineRestClient caller, String path, String fileName, byte[] content) throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(
        ("\r\n--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nFile\r\n--"
                + BOUNDARY
                + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return caller.sendBytes(
        "POST", path, body.toByteArray(), "multipart/form-data; boundary=" + BOUNDARY);
  }

  private void awaitPublished(String key) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (reporter
          .call("GET", "/api/requests/" + key, null, 200)
          .get("status")
          .asText()
          .equals("PUBLISHED")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(key + " was not published in 60 s");
  }

  private long requestsStarted() throws Exception {
    return auditor
        .call(
            "GET",
            "/engine-rest/history/process-instance/count?processDefinitionKey=publicationRequest",
            null,
            200)
        .get("count")
        .asLong();
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}
