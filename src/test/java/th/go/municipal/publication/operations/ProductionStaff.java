package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import th.go.municipal.publication.StaffClient;

/**
 * Staff of a production node, created as an administrator does it (there are no demo users there):
 * through the REST API as the initial administrator, each with a password of their own.
 */
final class ProductionStaff {

  static final String PASSWORD = "Staff-Pass-2570!";

  /** Who is created, and their groups. */
  static final Map<String, List<String>> PEOPLE =
      Map.of(
          "reporter.clerk", List.of("reporter-clerk"),
          "head.clerk", List.of("head-clerk"),
          "head.clerk.deputy", List.of("head-clerk"),
          "webmaster", List.of("webmaster"),
          "webmaster.deputy", List.of("webmaster"),
          "auditor", List.of("auditor"),
          "prometheus", List.of("monitoring"));

  private ProductionStaff() {}

  static void create(String base) throws Exception {
    StaffClient admin = new StaffClient(base, TestPostgres.ADMIN_PASSWORD);
    for (Map.Entry<String, List<String>> person : PEOPLE.entrySet()) {
      String id = person.getKey();
      var created =
          admin.post(
              "admin",
              "/engine-rest/user/create",
              "{\"profile\":{\"id\":\""
                  + id
                  + "\",\"firstName\":\""
                  + id
                  + "\",\"lastName\":\"ทดสอบ\",\"email\":\""
                  + id
                  + "@example.go.th\"},\"credentials\":{\"password\":\""
                  + PASSWORD
                  + "\"}}");
      assertThat(created.statusCode()).as("create " + id + ": " + created.body()).isEqualTo(204);
      for (String group : person.getValue()) {
        var member = admin.put("admin", "/engine-rest/group/" + group + "/members/" + id, "");
        assertThat(member.statusCode())
            .as(id + " in " + group + ": " + member.body())
            .isEqualTo(204);
      }
    }
  }

  static StaffClient client(Node node) {
    return new StaffClient(node.base(), PASSWORD);
  }
}
