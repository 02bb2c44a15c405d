package th.go.municipal.publication;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the scenario tests: the whole application on an in-memory database with the demo users,
 * authorization checks on, and every engine call made as a named demo user, as in Tasklist.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
public abstract class ProcessTestSupport {

  @Autowired protected ProcessEngine engine;

  @Autowired protected IdentityService identityService;

  @BeforeEach
  void initAssertions() {
    init(engine);
    identityService.clearAuthentication();
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  /** Runs an engine call as the given user with their groups, the way the webapps and REST do. */
  protected <T> T as(String userId, Supplier<T> action) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  protected void as(String userId, Runnable action) {
    as(
        userId,
        () -> {
          action.run();
          return null;
        });
  }

  protected ProcessInstance startRequest(String reporter, Map<String, Object> variables) {
    return as(
        reporter,
        () ->
            engine.getRuntimeService().startProcessInstanceByKey("publicationRequest", variables));
  }

  protected void completeTask(String userId, Task task, Map<String, Object> variables) {
    as(userId, () -> engine.getTaskService().complete(task.getId(), variables));
  }

  /** For helpers outside the subclass: a request started as the given reporter. */
  public ProcessInstance startRequestAs(String reporter, Map<String, Object> variables) {
    return startRequest(reporter, variables);
  }

  /** For helpers outside the subclass: a task completed as the given user. */
  public void completeTaskAs(String userId, Task task, Map<String, Object> variables) {
    completeTask(userId, task, variables);
  }

  /** A complete, valid request of the clerk's office. */
  public static Map<String, Object> validRequest() {
    Map<String, Object> v = new HashMap<>();
    v.put("unit", "clerk");
    v.put("title", "ประกาศรับสมัครพนักงานจ้างทั่วไป");
    v.put(
        "details",
        "เทศบาลประกาศรับสมัครพนักงานจ้างทั่วไป จำนวน ๓ อัตรา\nรับสมัครถึงวันที่ ๓๐ ธันวาคม");
    v.put("category", "other");
    v.put("oitItem", "O7");
    v.put("externalUrl", "https://www.example.go.th/jobs");
    v.put("remarks", "ขอให้เผยแพร่โดยเร็ว");
    v.put("urgent", false);
    return v;
  }
}
