package th.go.municipal.bench;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The baseline's model: the service's three steps as plain user tasks with the same keys, assignee,
 * candidate groups and decisions, and an asynchronous service task that does nothing, with no
 * listeners and no parallel branch. Its key is the service's, so one driver walks both.
 */
final class BareModel {

  static final String KEY = "publicationRequest";

  private BareModel() {}

  static BpmnModelInstance create() {
    return Bpmn.createExecutableProcess(KEY)
        .name("Bare publication request (baseline)")
        .camundaHistoryTimeToLive(3650)
        .startEvent("StartEvent_RequestSubmitted")
        .camundaInitiator("initiator")
        .userTask("prepareRequest")
        .name("Prepare request")
        .camundaAssignee("${initiator}")
        .camundaCandidateGroups("reporter-${unit}")
        .userTask("approveRequest")
        .name("Approve request")
        .camundaCandidateGroups("head-${unit}")
        .exclusiveGateway("Gateway_HeadDecision")
        .condition("approve", "${headDecision == 'approve'}")
        .userTask("publishRequest")
        .name("Publish request")
        .camundaCandidateGroups("webmaster")
        .exclusiveGateway("Gateway_WebmasterDecision")
        .condition("publish", "${webmasterDecision == 'publish'}")
        .serviceTask("Task_PublishToWebsite")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .endEvent("EndEvent_RequestPublished")
        .moveToNode("Gateway_HeadDecision")
        .condition("reject", "${headDecision != 'approve'}")
        .endEvent("EndEvent_RequestRejected")
        .moveToNode("Gateway_WebmasterDecision")
        .condition("return", "${webmasterDecision != 'publish'}")
        .endEvent("EndEvent_RequestReturned")
        .done();
  }
}
