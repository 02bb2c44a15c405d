package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.AtOnce;
import th.go.municipal.publication.StaffClient;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.StaffDirectory;

/**
 * Two webmasters take the same item down at the same moment through the API: it is taken down once,
 * with one audit entry, and the one who came second is told in Thai who was first (409).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class TakeDownAtOnceTests {

  private static final String SECOND_WEBMASTER = "webmaster.deputy";
  private static final int RACES = 3;

  @Autowired TestRestTemplate rest;

  @LocalServerPort int port;

  @Autowired IdentityService identityService;

  @Autowired AuditService audit;

  @Autowired PublishedItems published;

  private final ObjectMapper json = new ObjectMapper();
  private StaffClient staff;

  @BeforeEach
  void aSecondWebmaster() {
    staff = new StaffClient("http://localhost:" + port);
    if (identityService.createUserQuery().userId(SECOND_WEBMASTER).count() == 0) {
      User user = identityService.newUser(SECOND_WEBMASTER);
      user.setFirstName("ปกป้อง");
      user.setLastName("เว็บไซต์");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.setUserInfo(
          SECOND_WEBMASTER, StaffDirectory.POSITION, "นักวิชาการคอมพิวเตอร์");
      identityService.createMembership(SECOND_WEBMASTER, "webmaster");
    }
  }

  @Test
  void twoWebmastersTakingTheSameItemDownAtOnceTakeItDownOnce() throws Exception {
    RequestWalk walk = new RequestWalk(rest, "default");
    for (int race = 0; race < RACES; race++) {
      String key =
          walk.walkToPublication(
                  Map.of(
                      "unit", "clerk",
                      "title", "ประกาศที่จะถูกนำลงพร้อมกัน",
                      "details", "ผู้ดูแลเว็บไซต์สองคนนำรายการเดียวกันลงในเวลาเดียวกัน",
                      "category", "other",
                      "urgent", false))
              .businessKey();
      walk.awaitStatus(key, "PUBLISHED", Duration.ofSeconds(60));
      String path = "/api/published/" + key + "/withdraw";

      List<HttpResponse<String>> answers =
          AtOnce.run(
              () -> staff.post("webmaster", path, "{\"reason\":\"ข้อมูลคลาดเคลื่อน\"}"),
              () -> staff.post(SECOND_WEBMASTER, path, "{\"reason\":\"ข้อมูลไม่เป็นปัจจุบัน\"}"));

      assertThat(answers)
          .extracting(HttpResponse::statusCode)
          .as("%s", answers.stream().map(HttpResponse::body).toList())
          .containsExactlyInAnyOrder(204, 409);
      HttpResponse<String> second =
          answers.get(0).statusCode() == 409 ? answers.get(0) : answers.get(1);
      String first = second == answers.get(0) ? SECOND_WEBMASTER : "webmaster";
      JsonNode refusal = json.readTree(second.body());
      assertThat(refusal.get("error").asText()).isEqualTo("conflict");
      assertThat(refusal.get("message").asText())
          .startsWith("รายการ " + key + " ถูกนำลงจากเว็บไซต์แล้วโดย " + first + " เมื่อ ");
      assertThat(
              audit.trailOf(key).stream()
                  .filter(e -> e.getAction().equals("withdrawFromWebsite"))
                  .map(e -> e.getActor())
                  .toList())
          .as("taken down once, by the first")
          .containsExactly(first);
      assertThat(published.find(key).orElseThrow().visibilityOn(LocalDate.now(ThaiDates.BANGKOK)))
          .isEqualTo(PublishedItems.Visibility.GONE);
      walk.awaitStatus(key, "UNPUBLISHED", Duration.ofSeconds(10));
    }
    assertThat(audit.verify().intact()).as("the audit trail verifies").isTrue();
  }
}
