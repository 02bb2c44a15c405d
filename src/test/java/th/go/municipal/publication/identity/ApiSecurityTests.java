package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.WebappBrowser;

/**
 * Through HTTP on a real port: Spring Security authenticates the callers of {@code /api} (HTTP
 * basic with an engine user, or a Tasklist session) and touches nothing else, so the website, the
 * feedback form, static files, the Camunda webapps and {@code /engine-rest} behave as before.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class ApiSecurityTests {

  private static final String SOMEONE_ELSES_REQUEST = "/api/requests/PR-2500-0001";

  @Autowired TestRestTemplate rest;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void apiCallWithoutLoginIsA401JsonErrorWithABasicChallenge() throws Exception {
    ResponseEntity<String> anonymous = rest.getForEntity(SOMEONE_ELSES_REQUEST, String.class);

    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .startsWith("Basic realm=\"publication\"");
    assertIsLoginRequired(anonymous);
  }

  @Test
  void apiCallWithAWrongPasswordIsA401JsonError() throws Exception {
    // A wrong password counts towards that user's lock-out from this address: nobody else logs
    // in as this user.
    ResponseEntity<String> wrong =
        rest.exchange(
            SOMEONE_ELSES_REQUEST,
            HttpMethod.GET,
            new HttpEntity<>(basic("head.education", "not-the-password")),
            String.class);

    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertIsLoginRequired(wrong);
  }

  @Test
  void apiCallWithBasicCredentialsIsAnsweredForThatUserWithoutASession() throws Exception {
    ResponseEntity<String> known =
        rest.exchange(
            SOMEONE_ELSES_REQUEST,
            HttpMethod.GET,
            new HttpEntity<>(basic("reporter.clerk", "demo")),
            String.class);

    assertThat(known.getStatusCode()).as(known.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(json.readTree(known.getBody()).get("error").asText()).isEqualTo("not_found");
    assertThat(known.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
  }

  @Test
  void publishedItemsAndUnitsNeedNoLogin() throws Exception {
    ResponseEntity<String> published = rest.getForEntity("/api/published", String.class);
    ResponseEntity<String> units = rest.getForEntity("/api/units", String.class);

    assertThat(published.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(published.getBody()).isArray()).isTrue();
    assertThat(units.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(units.getBody()).findValuesAsText("id")).contains("clerk", "audit");
  }

  @Test
  void aTasklistSessionCallsTheApiAsItsUser() throws Exception {
    // given a request that reporter.clerk started in Tasklist
    WebappBrowser reporter = new WebappBrowser(rest.getRootUri());
    assertThat(reporter.logIn("reporter.clerk", "demo")).isEqualTo(200);
    var started =
        reporter.postJson(
            "/camunda/api/engine/engine/default/process-definition/key/publicationRequest"
                + "/submit-form",
            json.writeValueAsString(
                WebappBrowser.variables(
                    Map.of(
                        "unit", "clerk",
                        "title", "ประกาศทดสอบการเข้าสู่ระบบ",
                        "details", "ทดสอบการเรียก API จากแบบฟอร์มใน Tasklist",
                        "category", "other",
                        "urgent", false))));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String path = "/api/requests/" + json.readTree(started.body()).get("businessKey").asText();

    // when its form asks the API with the same browser session, then it is answered as its user
    var own = reporter.get(path);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(json.readTree(own.body()).get("preparedBy").asText()).isEqualTo("reporter.clerk");
    assertThat(own.headers().allValues("Set-Cookie"))
        .as("the webapps' session keeps its id: Tasklist's other calls go on with it")
        .isEmpty();

    // another unit's session is another user, and no session is nobody
    WebappBrowser otherUnit = new WebappBrowser(rest.getRootUri());
    assertThat(otherUnit.logIn("reporter.finance", "demo")).isEqualTo(200);
    assertThat(otherUnit.get(path).statusCode()).isEqualTo(404);
    assertThat(new WebappBrowser(rest.getRootUri()).get(path).statusCode()).isEqualTo(401);
  }

  @Test
  void websiteFeedbackAndStaticFilesStayPublicAndOutsideSpringSecurity() throws Exception {
    ResponseEntity<String> home = rest.getForEntity("/", String.class);
    assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(home.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();

    // An encoded % in a file name is a valid website address that Spring Security's firewall
    // would refuse with a 400: the website answers it itself (here: no such item).
    ResponseEntity<String> file =
        rest.getForEntity(
            URI.create(
                rest.getRootUri() + "/items/PR-2500-0001/files/1/%E0%B8%87%E0%B8%9A%2050%25.pdf"),
            String.class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(file.getBody()).contains("ไม่พบหน้าที่ต้องการ");

    assertThat(rest.getForEntity("/feedback", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // A form sent back without its own token is refused by the form, not by a CSRF check.
    HttpHeaders form = new HttpHeaders();
    form.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    ResponseEntity<String> posted =
        rest.postForEntity("/feedback", new HttpEntity<>("subject=x", form), String.class);
    assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(posted.getBody()).contains("<form");

    assertThat(rest.getForEntity("/css/site.css", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void webappLoginAndEngineRestKeepTheirOwnAuthentication() throws Exception {
    WebappBrowser browser = new WebappBrowser(rest.getRootUri());
    var tasklist = browser.get("/camunda/app/tasklist/");
    assertThat(tasklist.statusCode()).isEqualTo(302);
    String page = tasklist.headers().firstValue("Location").orElseThrow();
    assertThat(page).endsWith("/camunda/app/tasklist/default/");
    assertThat(browser.get("/camunda/app/tasklist/default/").body()).contains("<html");
    assertThat(browser.logIn("webmaster", "demo")).isEqualTo(200);
    var who = browser.get("/camunda/api/admin/auth/user/default");
    assertThat(who.statusCode()).isEqualTo(200);
    assertThat(json.readTree(who.body()).get("userId").asText()).isEqualTo("webmaster");

    assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            rest.exchange(
                    "/engine-rest/task",
                    HttpMethod.GET,
                    new HttpEntity<>(basic("webmaster", "demo")),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private void assertIsLoginRequired(ResponseEntity<String> response) throws Exception {
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON))
        .isTrue();
    JsonNode error = json.readTree(response.getBody());
    assertThat(error.get("error").asText()).isEqualTo("unauthorized");
    assertThat(error.get("message").asText())
        .isEqualTo("กรุณาเข้าสู่ระบบ (authentication required)");
  }

  private static HttpHeaders basic(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, password, java.nio.charset.StandardCharsets.UTF_8);
    return headers;
  }
}
