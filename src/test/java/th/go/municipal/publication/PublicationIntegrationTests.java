package th.go.municipal.publication;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a real port: one request walked through Camunda's REST API by the three demo
 * users with HTTP basic authentication, published by the job executor, and seen through the
 * application's own API. Also the contract's JSON errors and the deployed forms.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class PublicationIntegrationTests {

  @Autowired TestRestTemplate rest;

  @Autowired RepositoryService repositoryService;

  @Autowired ServletWebServerApplicationContext server;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void theRunningServerWritesAWholePageInOneGoWithTheConfiguredSocketBuffer() {
    Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();

    assertThat(connector.getProperty("socket.appWriteBufSize"))
        .as("publication.website.socket-write-buffer: 32KB in application.yml, not Tomcat's 8 KB")
        .hasToString("32768");
  }

  @Test
  void threeDemoUsersWalkOneRequestFromStartToPublishedThroughTheRestApi() throws Exception {
    JsonNode started =
        call(
            "reporter.clerk",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/publicationRequest/start",
            Map.of(
                "variables",
                variables(
                    Map.of(
                        "unit",
                        "clerk",
                        "title",
                        "ประชาสัมพันธ์การชำระภาษีป้าย",
                        "details",
                        "ชำระได้ที่กองคลังถึง ๓๑ มีนาคม",
                        "category",
                        "other",
                        "externalUrl",
                        "https://www.example.go.th/tax",
                        "urgent",
                        false))),
            HttpStatus.OK);
    String key = started.get("businessKey").asText();
    assertThat(key)
        .as("a request started without a business key gets its number")
        .matches("PR-25\\d\\d-\\d{4}");
    String processInstanceId = started.get("id").asText();

    completeOnlyTask(
        "reporter.clerk", processInstanceId, "prepareRequest", Map.of("reporterConfirmed", true));

    JsonNode refused =
        call(
            "reporter.clerk",
            HttpMethod.POST,
            "/engine-rest/task/"
                + taskId("head.clerk", processInstanceId, "approveRequest")
                + "/complete",
            Map.of("variables", variables(Map.of("headDecision", "approve"))),
            HttpStatus.FORBIDDEN);
    assertThat(refused.get("error").asText()).isEqualTo("forbidden");
    assertThat(refused.get("message").asText()).contains("ไม่มีสิทธิ์");

    completeOnlyTask(
        "head.clerk", processInstanceId, "approveRequest", Map.of("headDecision", "approve"));
    completeOnlyTask(
        "webmaster", processInstanceId, "publishRequest", Map.of("webmasterDecision", "publish"));

    JsonNode request = awaitStatus("webmaster", key, "PUBLISHED", Duration.ofSeconds(60));
    assertThat(request.get("title").asText()).isEqualTo("ประชาสัมพันธ์การชำระภาษีป้าย");
    assertThat(request.get("unitName").asText()).isEqualTo("สำนักปลัดเทศบาล");
    JsonNode signatures = request.get("signatures");
    assertThat(signatures).hasSize(3);
    assertThat(signatures.get(0).get("role").asText()).isEqualTo("reporter");
    assertThat(signatures.get(0).get("name").asText()).isEqualTo("สมชาย ใจดี");
    assertThat(signatures.get(1).get("position").asText()).isEqualTo("ปลัดเทศบาล");
    assertThat(signatures.get(2).get("userId").asText()).isEqualTo("webmaster");
    assertThat(signatures.get(2).get("signedAtThai").asText())
        .matches(".*25\\d\\d \\d\\d:\\d\\d น\\.");

    JsonNode published = json.readTree(rest.getForObject("/api/published", String.class));
    assertThat(published.findValuesAsText("businessKey")).contains(key);

    assertThat(get("head.clerk", "/api/requests/" + key).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("reporter.clerk", "/api/requests/" + key).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("auditor", "/api/requests/" + key).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("head.finance", "/api/requests/" + key).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("reporter.finance", "/api/requests/" + key).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/requests/" + key, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void badStartThroughRestIsA400WithThaiMessageNamingTheField() throws Exception {
    JsonNode error =
        call(
            "reporter.clerk",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/publicationRequest/start",
            Map.of(
                "variables",
                variables(
                    Map.of(
                        "unit",
                        "clerk",
                        "title",
                        "ทดสอบ",
                        "details",
                        "ทดสอบ",
                        "category",
                        "other",
                        "externalUrl",
                        "ftp://example.go.th/file"))),
            HttpStatus.BAD_REQUEST);
    assertThat(error.get("error").asText()).isEqualTo("invalid");
    assertThat(error.get("field").asText()).isEqualTo("externalUrl");
    assertThat(error.get("message").asText()).startsWith("URL ภายนอก (externalUrl):");
    assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at org.");

    JsonNode unknownUnit =
        call(
            "reporter.clerk",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/publicationRequest/start",
            Map.of(
                "variables",
                variables(
                    Map.of(
                        "unit",
                        "police",
                        "title",
                        "ทดสอบ",
                        "details",
                        "ทดสอบ",
                        "category",
                        "other"))),
            HttpStatus.BAD_REQUEST);
    assertThat(unknownUnit.get("field").asText()).isEqualTo("unit");
  }

  @Test
  void engineRestRequiresLoginAndAnswersInTheContractFormat() throws Exception {
    ResponseEntity<String> anonymous = rest.getForEntity("/engine-rest/task", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    // A wrong password counts towards that user's lock-out from this address, so this uses a
    // user no other test logs in as.
    ResponseEntity<String> wrongPassword =
        rest.exchange(
            "/engine-rest/task",
            HttpMethod.GET,
            new HttpEntity<>(login("reporter.audit", "wrong")),
            String.class);
    assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    JsonNode missing =
        call(
            "reporter.clerk",
            HttpMethod.GET,
            "/engine-rest/task/does-not-exist",
            null,
            HttpStatus.NOT_FOUND);
    assertThat(missing.get("error").asText()).isEqualTo("not_found");
    assertThat(missing.get("message").asText()).startsWith("ไม่พบ");
  }

  @Test
  void formsAreDeployedWithTheModelsAndServedToTasklist() throws Exception {
    String deploymentId =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("publicationRequest")
            .latestVersion()
            .singleResult()
            .getDeploymentId();
    List<String> names =
        repositoryService.getDeploymentResources(deploymentId).stream()
            .map(Resource::getName)
            .toList();
    assertThat(names)
        .contains(
            "bpmn/publication-request.bpmn",
            "bpmn/incident-report.bpmn",
            "forms/start-request.html",
            "forms/prepare-request.html",
            "forms/approve-request.html",
            "forms/publish-request.html",
            "forms/report-incident.html",
            "forms/acknowledge-incident.html",
            "forms/start-incident.html");

    ResponseEntity<String> startForm =
        get(
            "reporter.clerk",
            "/engine-rest/process-definition/key/publicationRequest/deployed-start-form");
    assertThat(startForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(startForm.getBody())
        .contains("cam-variable-name=\"title\"")
        .contains("หัวข้อเรื่อง");
  }

  @Test
  void tasklistGetsTheThaiRefusalAsA400NotAServerError() throws Exception {
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser =
        java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
    String base = rest.getRootUri();
    String token = csrfToken(browser, base);
    java.net.http.HttpResponse<String> login =
        browser.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "username=reporter.clerk&password=demo"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    token = csrfToken(browser, base);

    java.net.http.HttpResponse<String> start =
        browser.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        base
                            + "/camunda/api/engine/engine/default/process-definition/key/publicationRequest"
                            + "/submit-form"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(
                            Map.of(
                                "variables",
                                variables(
                                    Map.of(
                                        "unit",
                                        "clerk",
                                        "title",
                                        "ทดสอบ",
                                        "details",
                                        "ทดสอบ",
                                        "category",
                                        "other",
                                        "externalUrl",
                                        "ftp://x"))))))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    JsonNode error = json.readTree(start.body());
    assertThat(error.get("field").asText()).isEqualTo("externalUrl");
    assertThat(error.get("message").asText()).startsWith("URL ภายนอก (externalUrl):");
  }

  private static String csrfToken(java.net.http.HttpClient browser, String base) throws Exception {
    java.net.http.HttpResponse<String> page =
        browser.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(base + "/camunda/api/engine/engine/"))
                .GET()
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
  }

  // --- REST helpers ---

  private void completeOnlyTask(
      String user, String processInstanceId, String taskKey, Map<String, Object> values)
      throws Exception {
    call(
        user,
        HttpMethod.POST,
        "/engine-rest/task/" + taskId(user, processInstanceId, taskKey) + "/complete",
        Map.of("variables", variables(values)),
        HttpStatus.NO_CONTENT);
  }

  private String taskId(String user, String processInstanceId, String taskKey) throws Exception {
    JsonNode tasks =
        call(
            user,
            HttpMethod.GET,
            "/engine-rest/task?processInstanceId="
                + processInstanceId
                + "&taskDefinitionKey="
                + taskKey,
            null,
            HttpStatus.OK);
    assertThat(tasks).as(user + " sees the " + taskKey + " task").hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private JsonNode awaitStatus(String user, String key, String status, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode request;
    do {
      ResponseEntity<String> response = get(user, "/api/requests/" + key);
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
      request = json.readTree(response.getBody());
      if (status.equals(request.get("status").asText())) {
        return request;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "request " + key + " did not reach " + status + " in " + timeout + ": " + request);
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(login(user, "demo")), String.class);
  }

  private JsonNode call(
      String user, HttpMethod method, String path, Object body, HttpStatus expected)
      throws Exception {
    HttpHeaders headers = login(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response =
        rest.exchange(
            path,
            method,
            new HttpEntity<>(body == null ? null : json.writeValueAsString(body), headers),
            String.class);
    assertThat(response.getStatusCode())
        .as(method + " " + path + ": " + response.getBody())
        .isEqualTo(expected);
    return response.getBody() == null ? null : json.readTree(response.getBody());
  }

  /** Preemptive basic authentication, as scripts and integrations send it. */
  private static HttpHeaders login(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8);
    return headers;
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            variables.put(
                name,
                Map.of(
                    "value",
                    value,
                    "type",
                    value instanceof Boolean
                        ? "Boolean"
                        : value instanceof Long ? "Long" : "String")));
    return variables;
  }
}
