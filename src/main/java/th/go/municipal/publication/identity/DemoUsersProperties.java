package th.go.municipal.publication.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo logins that {@link IdentitySeeder} creates; set only in {@code application-demo.yml}, so
 * that without the demo profile there is no user and no default password.
 */
@ConfigurationProperties(prefix = "demo")
public class DemoUsersProperties {

  private String password;
  private List<DemoUser> users = new ArrayList<>();

  /** One demo login. */
  public record DemoUser(
      String id, String firstName, String lastName, String position, List<String> groups) {}

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<DemoUser> getUsers() {
    return users;
  }

  public void setUsers(List<DemoUser> users) {
    this.users = users;
  }
}
