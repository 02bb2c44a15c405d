package th.go.municipal.publication;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import th.go.municipal.publication.publishing.WebsitePublisher;

/**
 * Base of the scenario tests: the whole application on an in-memory database with the demo users,
 * authorization checks on, and every engine call made as a named demo user, as in Tasklist. Its
 * e-mail goes to a GreenMail server on a local port, the website publisher is a spy that a test may
 * make fail, and MockMvc calls the application's own pages. Every test class that extends it shares
 * one Spring context.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Import(ProcessTestSupport.Clocks.class)
public abstract class ProcessTestSupport {

  protected static final GreenMail MAIL = TestMailServer.MAIL;

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> TestMailServer.PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> 2000);
  }

  @Autowired protected ProcessEngine engine;

  @Autowired protected IdentityService identityService;

  @Autowired protected MockMvc mvc;

  @MockitoSpyBean protected WebsitePublisher publisher;

  /** The application's clock: real time unless a test sets it; reset after every test. */
  @Autowired protected TestClock clock;

  /** The test clock in place of the application's own, for every bean that asks for a clock. */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  @BeforeEach
  void initAssertions() {
    init(engine);
    identityService.clearAuthentication();
  }

  @BeforeEach
  void emptyMailboxes() throws Exception {
    if (!MAIL.isRunning()) {
      MAIL.start();
    }
    MAIL.purgeEmailFromAllMailboxes();
  }

  /** The e-mails received so far, one per recipient. */
  protected static List<MimeMessage> received() {
    return Arrays.asList(MAIL.getReceivedMessages());
  }

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
    clock.reset();
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

  protected ProcessInstance startQuarterlyReport(String userId, Map<String, Object> variables) {
    return as(
        userId,
        () -> engine.getRuntimeService().startProcessInstanceByKey("quarterlyReport", variables));
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
