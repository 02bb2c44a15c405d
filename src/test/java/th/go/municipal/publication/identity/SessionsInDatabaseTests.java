package th.go.municipal.publication.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.WebappBrowser;

/**
 * A Tasklist login is kept in the database (Spring Session JDBC), where every node of a cluster
 * finds it, with the webapps' CSRF token beside it, before the login's answer leaves; logging out
 * is stored at once too. (The same session reaching a second process is shown by the cluster
 * tests.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API and its authentication filter serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class SessionsInDatabaseTests {

  @Autowired TestRestTemplate rest;

  @Autowired JdbcTemplate jdbc;

  private List<String> attributes() {
    return jdbc.queryForList("select attribute_name from spring_session_attributes", String.class);
  }

  /** The stored webapp logins, as the bytes of their serialized form (user ids appear in them). */
  private String storedLogins() {
    return jdbc
        .queryForList(
            "select attribute_bytes from spring_session_attributes"
                + " where attribute_name = 'authenticatedUser'",
            byte[].class)
        .stream()
        .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))
        .collect(Collectors.joining("|"));
  }

  @Test
  void aTasklistLoginAndItsCsrfTokenAreKeptInTheDatabaseUntilLogout() throws Exception {
    WebappBrowser head = new WebappBrowser(rest.getRootUri());
    assertThat(head.logIn("head.finance", "demo")).isEqualTo(200);

    assertThat(attributes())
        .as("the login is stored before its answer leaves: the next call may go to another node")
        .contains("authenticatedUser");
    assertThat(head.get("/camunda/api/admin/auth/user/default").body()).contains("head.finance");
    assertThat(attributes())
        .as("the CSRF token the webapps hand out with the next call")
        .contains("authenticatedUser", "CAMUNDA_CSRF_TOKEN");

    assertThat(storedLogins()).as("the stored login names its user").contains("head.finance");
    assertThat(head.postJson("/camunda/api/admin/auth/user/default/logout", "{}").statusCode())
        .isEqualTo(200);
    assertThat(storedLogins())
        .as("logging out is stored at once, for every node")
        .doesNotContain("head.finance");
    assertThat(head.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(404);
  }
}
