package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.EngineRestClient;

/**
 * Issue 8, point 6, through the real HTTP API: wrong passwords lock a user out only from the
 * address they came from and only for a while, logged; the engine's permanent lock-out is gone; the
 * webapps' set-up page makes nobody an administrator. Client addresses are set the way a trusted
 * reverse proxy on this machine sets them (X-Forwarded-For).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTests {

  @Autowired TestRestTemplate rest;

  @Autowired IdentityService identityService;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void wrongPasswordsLockAUserOutFromThatAddressOnlyOnEveryLogin(CapturedOutput output)
      throws Exception {
    String attacker = "203.0.113.50";
    for (int i = 0; i < 5; i++) {
      assertThat(engineRest("mayor", "guess" + i, attacker).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> locked = engineRest("mayor", "demo", attacker);
    assertThat(locked.statusCode()).as("even the right password, from there").isEqualTo(429);
    JsonNode error = EngineRestClient.json(locked.body());
    assertThat(error.get("error").asText()).isEqualTo("too_many_requests");
    assertThat(error.get("message").asText()).contains("กรุณารอ 15 นาที");
    assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    assertThat(apiBasic("mayor", "demo", attacker).statusCode()).isEqualTo(429);
    assertThat(webappLogin("mayor", "demo", attacker).statusCode()).isEqualTo(429);
    assertThat(output).contains("Login locked for user mayor from address " + attacker);

    assertThat(engineRest("mayor", "demo", "203.0.113.51").statusCode())
        .as("the mayor elsewhere")
        .isEqualTo(200);
    assertThat(webappLogin("mayor", "demo", "203.0.113.51").statusCode()).isEqualTo(200);
  }

  @Test
  void elevenWrongPasswordsLockNobodyForGood() throws Exception {
    for (int i = 0; i < 11; i++) {
      assertThat(webappLogin("head.engineering", "guess" + i, "203.0.113." + (60 + i)).statusCode())
          .isEqualTo(401);
    }

    assertThat(engineRest("head.engineering", "demo", "203.0.113.80").statusCode())
        .as("at once, with no delay and no lock")
        .isEqualTo(200);
  }

  @Test
  void anAddressTryingManyUsersIsLockedForEveryone() throws Exception {
    String scanner = "203.0.113.90";
    for (int i = 0; i < 20; i++) {
      assertThat(apiBasic("user" + i, "guess", scanner).statusCode()).isEqualTo(401);
    }
    assertThat(engineRest("head.education", "demo", scanner).statusCode()).isEqualTo(429);
  }

  @Test
  void theSetUpPageMakesNobodyAdministrator() throws Exception {
    // As on a fresh installation without camunda.bpm.admin-user: no administrator yet.
    identityService.deleteMembership("admin", "camunda-admin");
    try {
      Webapp browser = webapp();
      HttpResponse<String> setup =
          browser.client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          rest.getRootUri() + "/camunda/api/admin/setup/default/user/create"))
                  .header("Content-Type", "application/json")
                  .header("X-XSRF-TOKEN", browser.token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\","
                              + "\"email\":\"x@y.invalid\"},\"credentials\":{\"password\":\"p\"}}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(setup.statusCode()).as(setup.body()).isEqualTo(403);
      assertThat(EngineRestClient.json(setup.body()).get("message").asText())
          .contains("CAMUNDA_BPM_ADMINUSER_ID");
      assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    } finally {
      identityService.createMembership("admin", "camunda-admin");
    }
  }

  private HttpResponse<String> engineRest(String user, String password, String address)
      throws Exception {
    return basic("/engine-rest/task?maxResults=1", user, password, address);
  }

  private HttpResponse<String> apiBasic(String user, String password, String address)
      throws Exception {
    return basic("/api/requests/PR-2500-0001", user, password, address);
  }

  private HttpResponse<String> basic(String path, String user, String password, String address)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(rest.getRootUri() + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .header("X-Forwarded-For", address)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> webappLogin(String user, String password, String address)
      throws Exception {
    Webapp browser = webapp();
    return browser.client.send(
        HttpRequest.newBuilder(
                URI.create(
                    rest.getRootUri() + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", browser.token)
            .header("X-Forwarded-For", address)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A browser with its webapps session and the XSRF token the webapps require for changes. */
  private record Webapp(HttpClient client, String token) {}

  private Webapp webapp() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String token =
        browser
            .send(
                HttpRequest.newBuilder(
                        URI.create(rest.getRootUri() + "/camunda/api/engine/engine/"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow();
    return new Webapp(browser, token);
  }
}
