package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import th.go.municipal.publication.publishing.RequestWalk.Started;

/**
 * The service configured with an application password that the real WordPress does not accept (a
 * revoked or mistyped one): publishing fails at every attempt, and once the job's retries are used
 * up the webmaster finds an incident in Cockpit saying in Thai what to fix, with the approval kept.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.job-execution.wait-time-in-millis=200",
      "camunda.bpm.job-execution.max-wait=1000"
    })
@ActiveProfiles({"demo", "test"})
class WordPressRefusedPasswordTests {

  /** Well-formed (24 letters in groups of four), but not one WordPress issued. */
  static final String REVOKED = "AbCd EfGh IjKl MnOp QrSt UvWx";

  @RegisterExtension static final ExecutionCondition SERVER = WordPressTestServer.RUNNING;

  static WordPressTestServer wordpress;

  @Autowired TestRestTemplate rest;

  @Autowired ProcessEngine engine;

  @Autowired ManagementService managementService;

  @BeforeAll
  static void findWordPress() {
    wordpress = WordPressTestServer.require();
    // Request numbers start at 0001 in every test application: what other tests published must go.
    wordpress.deleteRequestsStartingWith("pr-");
  }

  @DynamicPropertySource
  static void publishWithARefusedPassword(DynamicPropertyRegistry registry) {
    WordPressTestServer.require().configure(registry, REVOKED);
  }

  @Test
  void refusedPasswordBecomesACockpitIncidentInThaiOnceTheRetriesAreUsedUp() {
    RequestWalk walk = new RequestWalk(rest, engine.getName());
    Started request =
        walk.walkToPublication(
            WordPressPublishingTests.announcement(
                "ประกาศวันหยุดเก็บขยะประจำเดือน", "other", Map.of()));

    // The job executor tries, then retries whenever the back-off (30 s, 2 min, …) is brought
    // forward, as if the time had passed, until no retry is left.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    int attempts = 0;
    Job job = job(request);
    while (job.getRetries() > 0) {
      assertThat(Instant.now()).as("retries of " + request.businessKey()).isBefore(deadline);
      if (job.getExceptionMessage() != null && job.getDuedate().after(new Date())) {
        managementService.setJobDuedate(job.getId(), new Date());
        attempts++;
      }
      sleep();
      job = job(request);
    }
    assertThat(attempts).as("the five retries of the back-off").isEqualTo(5);

    JsonNode incidents =
        walk.call(
            "webmaster",
            HttpMethod.GET,
            walk.engineRest() + "/incident?processInstanceId=" + request.processInstanceId(),
            null,
            HttpStatus.OK);
    assertThat(incidents).as("one incident, seen by the webmaster as in Cockpit").hasSize(1);
    assertThat(incidents.get(0).path("incidentType").asText()).isEqualTo("failedJob");
    assertThat(incidents.get(0).path("incidentMessage").asText())
        .startsWith(
            "WordPress ไม่ยอมรับผู้ใช้ 'publisher' หรือรหัสผ่านสำหรับแอปพลิเคชัน (HTTP 401) ขณะ"
                + "ตรวจสอบผู้ใช้และสิทธิ์สำหรับ "
                + request.businessKey())
        .contains("publication.publishing.wordpress.username / application-password")
        .doesNotContain(REVOKED);

    assertThat(
            walk.call(
                    "webmaster",
                    HttpMethod.GET,
                    "/api/requests/" + request.businessKey(),
                    null,
                    HttpStatus.OK)
                .path("status")
                .asText())
        .as("the approval is kept for a retry once the password is fixed")
        .isEqualTo("AWAITING_PUBLICATION");
    assertThat(wordpress.postsWithSlug(request.slug())).as("nothing reached WordPress").isEmpty();
  }

  private Job job(Started request) {
    return managementService
        .createJobQuery()
        .processInstanceId(request.processInstanceId())
        .singleResult();
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
