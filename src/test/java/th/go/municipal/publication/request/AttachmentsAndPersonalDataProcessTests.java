package th.go.municipal.publication.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import th.go.municipal.publication.ProcessTestSupport;
import th.go.municipal.publication.audit.AuditEntry;
import th.go.municipal.publication.audit.AuditService;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Attachments judged on the server whichever way they arrive, and personal data screened before
 * approval.
 */
class AttachmentsAndPersonalDataProcessTests extends ProcessTestSupport {

  @Autowired RequestAttachmentRepository attachments;

  @Autowired PersonalDataFindingRepository findings;

  @Autowired PublicationRequestRepository requests;

  @Autowired AuditService audit;

  @Test
  void nationalIdInAnAttachmentNeedsALegalBasisToApprove() {
    Map<String, Object> request = validRequest();
    request.put(
        "attachment1",
        file("รายชื่อผู้ได้รับเงินอุดหนุน.pdf", TestFiles.pdf("Somchai 1-1017-00207-03-0")));
    ProcessInstance pi = startRequest("reporter.clerk", request);

    assertThat(findings.findByBusinessKeyOrderByIdAsc(pi.getBusinessKey()))
        .extracting(f -> f.getSource() + ": " + f.getKind().thaiName + " " + f.getMaskedValue())
        .containsExactly(
            "ไฟล์แนบ รายชื่อผู้ได้รับเงินอุดหนุน.pdf: เลขประจำตัวประชาชน 1-1017-xxxxx-xx-0");
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));
    // The reporter's signature stores the attachment and its finding again: in place of the
    // start's, not beside them.
    assertThat(attachments.findByBusinessKeyOrderByVariableNameAsc(pi.getBusinessKey()))
        .extracting(RequestAttachment::getVariableName)
        .containsExactly("attachment1");
    assertThat(findings.findByBusinessKeyOrderByIdAsc(pi.getBusinessKey())).hasSize(1);

    assertThatThrownBy(
            () -> completeTask("head.clerk", task(pi), Map.of("headDecision", "approve")))
        .satisfies(
            e -> {
              InputRejectedException rejected = ApiErrors.find(e, InputRejectedException.class);
              assertThat(rejected.getField()).isEqualTo("personalDataBasis");
              assertThat(rejected.getMessage()).contains("พบข้อมูลส่วนบุคคล");
            });
    assertThatThrownBy(
            () ->
                completeTask(
                    "head.clerk",
                    task(pi),
                    Map.of("headDecision", "approve", "personalDataBasis", "consent")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("personalDataComment"));
    assertThat(pi).isWaitingAt("approveRequest");

    completeTask(
        "head.clerk",
        task(pi),
        Map.of(
            "headDecision",
            "approve",
            "personalDataBasis",
            "legal-duty",
            "personalDataComment",
            "ประกาศรายชื่อตามระเบียบกระทรวงมหาดไทย"));

    assertThat(pi).isWaitingAt("publishRequest");
    assertThat(audit.trailOf(pi.getBusinessKey()))
        .anySatisfy(
            entry -> {
              assertThat(entry.getAction()).isEqualTo("approvePersonalData");
              assertThat(entry.getDecision()).isEqualTo("legal-duty");
              assertThat(entry.getComment()).contains("ระเบียบกระทรวงมหาดไทย");
            });
    // The content vouched for at the start and at the signature (with the attachment and its
    // finding) is the content stored now.
    assertThat(audit.verify().intact()).as("the audit chain is intact").isTrue();
  }

  @Test
  void reporterRemovesThePersonalDataAndTheHeadApprovesWithoutABasis() {
    Map<String, Object> request = validRequest();
    request.put("details", "ผู้ประสานงาน โทร 081-234-5678");
    ProcessInstance pi = startRequest("reporter.clerk", request);
    assertThat(findings.findByBusinessKeyOrderByIdAsc(pi.getBusinessKey())).isNotEmpty();

    Map<String, Object> fixed = validRequest();
    fixed.put("details", "ติดต่อสำนักปลัดเทศบาล ในวันและเวลาราชการ");
    fixed.put("reporterConfirmed", true);
    completeTask("reporter.clerk", task(pi), fixed);

    assertThat(findings.findByBusinessKeyOrderByIdAsc(pi.getBusinessKey())).isEmpty();
    completeTask("head.clerk", task(pi), Map.of("headDecision", "approve"));
    assertThat(pi).isWaitingAt("publishRequest");
  }

  @Test
  void programDisguisedAsPdfIsRefusedAtStartAndNothingIsStored() {
    long before = requests.count();
    Map<String, Object> request = validRequest();
    request.put("attachment1", file("ประกาศ.pdf", TestFiles.windowsExecutable()));

    assertThatThrownBy(() -> startRequest("reporter.clerk", request))
        .satisfies(
            e -> {
              InputRejectedException rejected = ApiErrors.find(e, InputRejectedException.class);
              assertThat(rejected.getField()).isEqualTo("attachment1");
              assertThat(rejected.getMessage()).startsWith("ไฟล์แนบ 'ประกาศ.pdf' (attachment1):");
            });
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void attachmentAddedThroughTheRestApiBetweenStepsIsCheckedWhenTheReporterSigns() {
    ProcessInstance pi = startRequest("reporter.clerk", validRequest());
    engine
        .getRuntimeService()
        .setVariable(pi.getId(), "attachment2", file("ภาพ.jpg", TestFiles.zipWithExecutable()));

    Map<String, Object> sign = new HashMap<>(Map.of("reporterConfirmed", true));
    assertThatThrownBy(() -> completeTask("reporter.clerk", task(pi), sign))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getField())
                    .isEqualTo("attachment2"));
    assertThat(pi).isWaitingAt("prepareRequest");

    sign.put("attachment2", file("ภาพ.png", TestFiles.image("png")));
    completeTask("reporter.clerk", task(pi), sign);
    assertThat(attachments.findByBusinessKeyOrderByVariableNameAsc(pi.getBusinessKey()))
        .extracting(RequestAttachment::getFileName, RequestAttachment::getMediaType)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ภาพ.png", "image/png"));
  }

  @Test
  void attachmentSwappedAfterTheReporterSignedIsRefusedAtApproval() {
    Map<String, Object> request = validRequest();
    request.put("attachment1", file("ประกาศ.png", TestFiles.image("png")));
    ProcessInstance pi = startRequest("reporter.clerk", request);
    completeTask("reporter.clerk", task(pi), Map.of("reporterConfirmed", true));

    engine
        .getRuntimeService()
        .setVariable(pi.getId(), "attachment1", file("ประกาศ.png", TestFiles.image("gif")));

    assertThatThrownBy(
            () -> completeTask("head.clerk", task(pi), Map.of("headDecision", "approve")))
        .satisfies(
            e ->
                assertThat(ApiErrors.find(e, InputRejectedException.class).getReason())
                    .isEqualTo(InputRejectedException.Reason.CONFLICT));
    assertThat(pi).isWaitingAt("approveRequest");
    assertThat(audit.trailOf(pi.getBusinessKey()))
        .extracting(AuditEntry::getAction)
        .doesNotContain("approveRequest");
  }

  private static FileValue file(String name, byte[] content) {
    return Variables.fileValue(name).file(content).create();
  }
}
