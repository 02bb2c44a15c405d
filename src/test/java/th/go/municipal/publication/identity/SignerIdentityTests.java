package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static th.go.municipal.publication.EngineRestClient.requestFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;
import th.go.municipal.publication.WebappBrowser;

/**
 * Issue 8, point 3, through the real HTTP API: the name and position in a signature come from a
 * record the signer cannot edit, and a signature never changes once signed. Nobody renames
 * themselves or deletes their own account (they still change their own password); positions come
 * from configuration; only an administrator renames staff, and that changes no signature.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class SignerIdentityTests {

  @Autowired TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();
  private EngineRestClient admin;

  @BeforeEach
  void administrator() {
    admin = new EngineRestClient(rest.getRootUri(), "admin");
  }

  @Test
  void nobodyRenamesThemselvesOrDeletesTheirOwnAccount() throws Exception {
    EngineRestClient reporter = new EngineRestClient(rest.getRootUri(), "reporter.clerk");
    Map<String, Object> asTheMayor =
        Map.of(
            "id", "reporter.clerk",
            "firstName", "วิเชียร",
            "lastName", "ผู้นำ",
            "email", "reporter.clerk@demo.invalid");

    assertRefused(reporter.send("PUT", "/engine-rest/user/reporter.clerk/profile", asTheMayor));
    WebappBrowser tasklist = new WebappBrowser(rest.getRootUri());
    assertThat(tasklist.logIn("reporter.clerk", "demo")).isEqualTo(200);
    assertRefused(
        tasklist.putJson(
            "/camunda/api/engine/engine/default/user/reporter.clerk/profile",
            json.writeValueAsString(asTheMayor)));
    assertRefused(reporter.send("DELETE", "/engine-rest/user/reporter.clerk", null));

    JsonNode profile = reporter.call("GET", "/engine-rest/user/reporter.clerk/profile", null, 200);
    assertThat(profile.get("firstName").asText()).isEqualTo("สมชาย");
    assertThat(profile.get("lastName").asText()).isEqualTo("ใจดี");
  }

  @Test
  void aNewMemberOfStaffChangesTheirPasswordButNotTheirNameOrAccount() throws Exception {
    String id = newReporter("ทดลอง", "ระบบ");
    EngineRestClient staff = new EngineRestClient(rest.getRootUri(), id, "first-Passw0rd");

    staff.call(
        "PUT",
        "/engine-rest/user/" + id + "/credentials",
        Map.of("password", "second-Passw0rd", "authenticatedUserPassword", "first-Passw0rd"),
        204);
    EngineRestClient changed = new EngineRestClient(rest.getRootUri(), id, "second-Passw0rd");
    assertRefused(
        changed.send(
            "PUT",
            "/engine-rest/user/" + id + "/profile",
            Map.of(
                "id",
                id,
                "firstName",
                "ปกรณ์",
                "lastName",
                "เว็บไซต์",
                "email",
                id + "@x.invalid")));
    assertRefused(changed.send("DELETE", "/engine-rest/user/" + id, null));
    JsonNode own =
        admin.call(
            "GET",
            "/engine-rest/authorization?userIdIn=" + id + "&resourceType=1&resourceId=" + id,
            null,
            200);
    assertThat(own).hasSize(1);
    List<String> permissions = new ArrayList<>();
    own.get(0).get("permissions").forEach(p -> permissions.add(p.asText()));
    assertThat(permissions)
        .as("the engine's own grant: read the account and change the password, nothing more")
        .containsExactlyInAnyOrder("READ", "UPDATE");
    assertThat(
            changed
                .call("GET", "/engine-rest/user/" + id + "/profile", null, 200)
                .get("firstName")
                .asText())
        .isEqualTo("ทดลอง");
  }

  @Test
  void aSignatureKeepsTheNameAndPositionItWasSignedWith() throws Exception {
    String id = newReporter("ลงนาม", "ก่อนเปลี่ยนชื่อ");
    EngineRestClient reporter = new EngineRestClient(rest.getRootUri(), id, "first-Passw0rd");
    JsonNode started = reporter.startRequest(requestFields("health", "ประกาศตรวจสุขภาพประจำปี"));
    String instance = started.get("id").asText();
    String key = started.get("businessKey").asText();
    reporter.complete(
        reporter.taskId(instance, "prepareRequest"), Map.of("reporterConfirmed", true));
    EngineRestClient head = new EngineRestClient(rest.getRootUri(), "head.health");
    head.complete(
        head.taskId(instance, "approveRequest"),
        Map.of("headDecision", "return", "headComment", "ขอแก้ไขรายละเอียด"));

    // an administrator renames the reporter afterwards: the signatures keep what was signed
    admin.call(
        "PUT",
        "/engine-rest/user/" + id + "/profile",
        Map.of("id", id, "firstName", "ชื่อ", "lastName", "ใหม่", "email", id + "@x.invalid"),
        204);

    JsonNode signatures = head.call("GET", "/api/requests/" + key, null, 200).get("signatures");
    assertThat(signatures).hasSize(2);
    assertThat(signatures.get(0).get("name").asText()).isEqualTo("ลงนาม ก่อนเปลี่ยนชื่อ");
    assertThat(signatures.get(1).get("name").asText()).isEqualTo("ธนพล รักษ์โลก");
    assertThat(signatures.get(1).get("position").asText())
        .as("the position from publication.staff.positions, not the one the demo started with")
        .isEqualTo("นักบริหารงานสาธารณสุข ระดับกลาง");
  }

  /** A user an administrator creates in Admin, in reporter-health, with a first password. */
  private String newReporter(String firstName, String lastName) throws Exception {
    String id = "staff." + UUID.randomUUID().toString().substring(0, 8);
    admin.call(
        "POST",
        "/engine-rest/user/create",
        Map.of(
            "profile",
            Map.of(
                "id", id, "firstName", firstName, "lastName", lastName, "email", id + "@x.invalid"),
            "credentials",
            Map.of("password", "first-Passw0rd")),
        204);
    admin.call("PUT", "/engine-rest/group/reporter-health/members/" + id, null, 204);
    return id;
  }

  private static void assertRefused(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonNode error = EngineRestClient.json(response.body());
    assertThat(error.get("error").asText()).isEqualTo("forbidden");
    assertThat(error.get("message").asText()).containsPattern("[ก-๙]");
  }
}
