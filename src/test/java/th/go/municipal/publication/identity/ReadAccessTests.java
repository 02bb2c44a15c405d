package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;

/**
 * Issue 8, point 4, through the real HTTP API: each role reads the process instances its work
 * needs. A citizen's information request to the finance unit (name, phone, message) is read by that
 * unit and the auditors, not by the webmaster, the mayor or another unit; auditors read everything
 * and change nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadAccessTests {

  private static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"");

  @Autowired TestRestTemplate rest;

  private String inquiry;

  @BeforeAll
  void aCitizenAsksTheFinanceUnit() throws Exception {
    HttpClient browser = HttpClient.newHttpClient();
    String form =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/feedback")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher token = TOKEN.matcher(form);
    assertThat(token.find()).isTrue();
    Thread.sleep(3_100); // the form refuses what comes back sooner than a person could type it
    Map<String, String> fields =
        Map.of(
            "formToken", token.group(1),
            "kind", "information",
            "unit", "finance",
            "subject", "ขอสำเนาใบเสร็จค่าภาษีป้าย",
            "message", "ข้าพเจ้า เลขประจำตัวประชาชน 1101700207030 ขอสำเนาใบเสร็จ",
            "name", "สมหญิง รักเมือง",
            "email", "somying@example.com",
            "phone", "081-234-5678",
            "homepage", "",
            "consent", "true");
    HttpResponse<String> sent =
        browser.send(
            HttpRequest.newBuilder(URI.create(rest.getRootUri() + "/feedback"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "198.51.100.44")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        fields.entrySet().stream()
                            .map(
                                e ->
                                    e.getKey()
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    JsonNode instances =
        as("auditor")
            .call(
                "GET",
                "/engine-rest/process-instance?processDefinitionKey=informationRequest"
                    + "&variables=unit_eq_finance",
                null,
                200);
    assertThat(instances).isNotEmpty();
    inquiry = instances.get(instances.size() - 1).get("id").asText();
  }

  @Test
  void theWebmasterAndTheMayorDoNotReadCitizensRequests() throws Exception {
    for (String user : new String[] {"webmaster", "mayor", "head.clerk"}) {
      EngineRestClient other = as(user);
      assertThat(
              other.call(
                  "GET",
                  "/engine-rest/process-instance?processDefinitionKey=informationRequest",
                  null,
                  200))
          .as(user + " lists none")
          .isEmpty();
      assertThat(
              other.call(
                  "GET",
                  "/engine-rest/history/process-instance?processDefinitionKey=informationRequest",
                  null,
                  200))
          .as(user + " finds none in the history")
          .isEmpty();
      assertThat(
              other.call(
                  "GET",
                  "/engine-rest/history/variable-instance?processInstanceId=" + inquiry,
                  null,
                  200))
          .as(user + " reads no variable of it")
          .isEmpty();
      HttpResponse<String> variables =
          other.send("GET", "/engine-rest/process-instance/" + inquiry + "/variables", null);
      assertThat(variables.statusCode()).as(user + ": " + variables.body()).isEqualTo(403);
      assertThat(EngineRestClient.json(variables.body()).get("error").asText())
          .isEqualTo("forbidden");
    }
  }

  @Test
  void theUnitAndTheAuditorsReadIt() throws Exception {
    assertThat(
            as("head.finance")
                .call("GET", "/engine-rest/task?processInstanceId=" + inquiry, null, 200))
        .hasSize(1);
    JsonNode name =
        as("auditor")
            .call(
                "GET",
                "/engine-rest/process-instance/" + inquiry + "/variables/requesterName",
                null,
                200);
    assertThat(name.get("value").asText()).isEqualTo("สมหญิง รักเมือง");
  }

  @Test
  void auditorsChangeNothing() throws Exception {
    EngineRestClient auditor = as("auditor");
    String task =
        as("head.finance")
            .call("GET", "/engine-rest/task?processInstanceId=" + inquiry, null, 200)
            .get(0)
            .get("id")
            .asText();

    assertThat(
            auditor
                .send(
                    "POST",
                    "/engine-rest/task/" + task + "/comment/create",
                    Map.of("message", "ความเห็นของผู้ตรวจสอบ"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            auditor
                .send("POST", "/engine-rest/task/" + task + "/claim", Map.of("userId", "auditor"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            auditor
                .send(
                    "PUT",
                    "/engine-rest/process-instance/" + inquiry + "/variables/answer",
                    Map.of("value", "ตอบแทน", "type", "String"))
                .statusCode())
        .isEqualTo(403);
    assertThat(as("admin").call("GET", "/engine-rest/task/" + task + "/comment", null, 200))
        .as("nothing written")
        .isEmpty();
  }

  private EngineRestClient as(String user) {
    return new EngineRestClient(rest.getRootUri(), user);
  }
}
