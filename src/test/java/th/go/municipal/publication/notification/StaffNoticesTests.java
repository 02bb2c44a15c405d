package th.go.municipal.publication.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import th.go.municipal.publication.ProcessTestSupport;

/**
 * E-mails about the work, in Thai, queued in the step's transaction and sent after it: a task
 * arriving in a group, a request returned (with the reason), a request published (with its link),
 * the morning digest for those who chose it; each person's choice kept and changed over HTTP.
 */
class StaffNoticesTests extends ProcessTestSupport {

  @Autowired OutboxSender outbox;

  @Autowired DailyDigest digest;

  @Autowired MailOutboxRepository entries;

  private final ObjectMapper json = new ObjectMapper();

  /** Notices queued by earlier tests are sent and forgotten: each test sees only its own. */
  @BeforeEach
  void emptyTheOutbox() throws Exception {
    while (outbox.sendDue() > 0) {
      // send the backlog
    }
    MAIL.purgeEmailFromAllMailboxes();
  }

  @Test
  void taskArrivingInAGroupIsEmailedToItsMembersOnlyAfterTheStepCommits() throws Exception {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());

    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    assertThat(received()).as("nothing is sent inside the step").isEmpty();
    outbox.sendDue();

    MimeMessage notice = onlyMailTo("head.clerk@demo.invalid");
    assertThat(notice.getSubject())
        .isEqualTo(
            "[" + pi.getBusinessKey() + "] งานใหม่: ตรวจสอบและอนุมัติการเผยแพร่ (Approve request)");
    assertThat((String) notice.getContent())
        .contains(
            "ประกาศรับสมัครพนักงานจ้างทั่วไป",
            "ครบกำหนด:",
            "/camunda/app/tasklist/#/?task=",
            "/staff/notifications");
    assertThat(recipients())
        .as("the reporter who signed is not told of the task they handed on")
        .doesNotContain("reporter.clerk@demo.invalid");
  }

  @Test
  void returnedRequestIsEmailedToItsReporterWithTheReasonAndPublishedOneWithItsLink()
      throws Exception {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    completeTask(
        "head.clerk",
        task(pi),
        Map.of("headDecision", "return", "headComment", "กรุณาระบุจำนวนอัตราให้ชัดเจน"));
    outbox.sendDue();

    MimeMessage returned = mailWithSubject("[" + pi.getBusinessKey() + "] ส่งกลับแก้ไข: ");
    assertThat(addresses(returned)).containsExactly("reporter.clerk@demo.invalid");
    assertThat((String) returned.getContent())
        .contains(
            "เหตุผล: กรุณาระบุจำนวนอัตราให้ชัดเจน", "ส่งกลับโดย: สมศรี มีสุข ตำแหน่ง ปลัดเทศบาล");

    MAIL.purgeEmailFromAllMailboxes();
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    completeTask("head.clerk", task(pi), Map.of("headDecision", "approve"));
    completeTask("webmaster", task(pi), Map.of("webmasterDecision", "publish"));
    execute(job(pi));
    outbox.sendDue();

    MimeMessage published = mailWithSubject("[" + pi.getBusinessKey() + "] เผยแพร่แล้ว: ");
    assertThat(addresses(published)).containsExactly("reporter.clerk@demo.invalid");
    assertThat((String) published.getContent())
        .contains("http://localhost:8080/items/" + pi.getBusinessKey());
  }

  @Test
  void whoChoseTheDigestGetsOneMorningEmailListingTheirTasksInsteadOfOnePerTask() throws Exception {
    choose("head.education", "digest", true, true);
    try {
      Map<String, Object> fields = validRequest();
      fields.put("unit", "education");
      ProcessInstance pi = startRequest("reporter.education", fields);
      completeTask("reporter.education", task(pi), Map.of("reporterConfirmed", true));
      outbox.sendDue();
      assertThat(recipients()).doesNotContain("head.education@demo.invalid");

      assertThat(digest.sendDigests()).isGreaterThanOrEqualTo(1);
      assertThat(digest.sendDigests()).as("one digest a day").isZero();
      outbox.sendDue();

      MimeMessage morning = onlyMailTo("head.education@demo.invalid");
      assertThat(morning.getSubject()).startsWith("สรุปงานรอดำเนินการ ");
      assertThat((String) morning.getContent())
          .contains("- ตรวจสอบและอนุมัติการเผยแพร่ (Approve request) (มาถึง ");
    } finally {
      choose("head.education", "immediate", true, true);
    }
  }

  @Test
  void aRefusingMailServerNeitherFailsTheStepNorLosesTheNoticeWhichIsSentLater() throws Exception {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    MAIL.stop();
    try {
      completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
      assertThat(outbox.sendDue()).isZero();
    } finally {
      MAIL.start();
    }
    MailOutboxEntry waiting =
        entries.findByReferenceOrderByIdAsc(pi.getBusinessKey()).stream()
            .filter(e -> e.getSentAt() == null)
            .findFirst()
            .orElseThrow();
    assertThat(waiting.getAttempts()).isEqualTo(1);
    assertThat(waiting.getNextAttemptAt()).isAfter(Instant.now());
    assertThat(waiting.getLastError()).isNotBlank();

    clock.set(Instant.now().plus(Duration.ofMinutes(2)));
    outbox.sendDue();

    assertThat(onlyMailTo("head.clerk@demo.invalid").getSubject()).contains("งานใหม่");
    assertThat(entries.findById(waiting.getId()).orElseThrow().getSentAt()).isNotNull();
  }

  @Test
  void eachPersonSeesAndChangesOnlyTheirOwnChoicesOverHttp() throws Exception {
    MockHttpServletResponse anonymous =
        mvc.perform(get("/api/notification-preferences")).andReturn().getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(401);
    assertThat(mvc.perform(get("/staff/notifications")).andReturn().getResponse().getStatus())
        .isEqualTo(401);

    MockHttpServletResponse page =
        mvc.perform(get("/staff/notifications").header("Authorization", basic("head.audit")))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    var html = Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
    assertThat(html.select("h1").text()).isEqualTo("การแจ้งเตือนทางอีเมล");
    assertThat(html.select("input[name=taskArrived][checked]").attr("value"))
        .isEqualTo("immediate");

    MockHttpServletResponse saved =
        mvc.perform(
                post("/staff/notifications")
                    .header("Authorization", basic("head.audit"))
                    .param("taskArrived", "off")
                    .param("itemPublished", "true"))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).isEqualTo("/staff/notifications?saved");
    try {
      JsonNode mine = preferences("head.audit");
      assertThat(mine.get("taskArrived").asText()).isEqualTo("off");
      assertThat(mine.get("requestReturned").asBoolean()).isFalse();
      assertThat(mine.get("itemPublished").asBoolean()).isTrue();
      assertThat(preferences("head.health").get("taskArrived").asText())
          .as("someone else's choices are untouched")
          .isEqualTo("immediate");

      MockHttpServletResponse bad =
          mvc.perform(
                  post("/api/notification-preferences")
                      .header("Authorization", basic("head.audit"))
                      .contentType(MediaType.APPLICATION_JSON)
                      .content(
                          "{\"taskArrived\":\"hourly\",\"requestReturned\":true,\"itemPublished\":true}"))
              .andReturn()
              .getResponse();
      assertThat(bad.getStatus()).isEqualTo(400);
      assertThat(
              json.readTree(bad.getContentAsString(StandardCharsets.UTF_8)).get("field").asText())
          .isEqualTo("taskArrived");
    } finally {
      choose("head.audit", "immediate", true, true);
    }
  }

  // --- steps ---

  private void choose(String user, String taskArrived, boolean returned, boolean published)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/api/notification-preferences")
                    .header("Authorization", basic(user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "taskArrived",
                                taskArrived,
                                "requestReturned",
                                returned,
                                "itemPublished",
                                published))))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
  }

  private JsonNode preferences(String user) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/notification-preferences").header("Authorization", basic(user)))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> addresses(MimeMessage message) throws Exception {
    return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
  }

  private static List<String> recipients() throws Exception {
    return received().stream()
        .flatMap(
            m -> {
              try {
                return addresses(m).stream();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static MimeMessage onlyMailTo(String address) throws Exception {
    List<MimeMessage> mine =
        received().stream()
            .filter(
                m -> {
                  try {
                    return addresses(m).contains(address);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(mine).as("e-mails to " + address).hasSize(1);
    return mine.get(0);
  }

  private static MimeMessage mailWithSubject(String start) throws Exception {
    for (MimeMessage m : received()) {
      if (m.getSubject().startsWith(start)) {
        return m;
      }
    }
    throw new AssertionError("no e-mail starting '" + start + "' among " + received().size());
  }
}
