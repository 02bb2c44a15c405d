package th.go.municipal.publication.request;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * What people send when they start a publication request: the announcement's form fields, the
 * urgent incident's facts and the attachments in their slots. Each step's decision comes with its
 * completion; the request number, unit name, signatures, return reasons and personal-data findings
 * are the service's alone ({@link RequestService} holds every completion to that).
 */
@Component
class RequestVariableRules implements VariableRules {

  private static final Set<String> SENT_AT_START =
      Set.of(
          RequestVariables.UNIT,
          RequestVariables.TITLE,
          RequestVariables.DETAILS,
          RequestVariables.CATEGORY,
          RequestVariables.OIT_ITEM,
          RequestVariables.EXTERNAL_URL,
          RequestVariables.REMARKS,
          RequestVariables.PUBLISH_FROM,
          RequestVariables.PUBLISH_UNTIL,
          RequestVariables.URGENT,
          // the urgent incident's facts, passed on to the incident report
          "incidentAt",
          "incidentLocation",
          "affectedCount",
          "damageArea",
          "cause",
          "remedy");

  private static final Pattern SLOT =
      Pattern.compile(RequestVariables.ATTACHMENT_PREFIX + "([1-9][0-9]{0,2})");

  private final AttachmentProperties attachments;
  private final AttachmentInspector inspector;

  RequestVariableRules(AttachmentProperties attachments, AttachmentInspector inspector) {
    this.attachments = attachments;
    this.inspector = inspector;
  }

  @Override
  public boolean peopleMaySetAtStart(String name) {
    return SENT_AT_START.contains(name) || isFileSlot(name);
  }

  @Override
  public String starterVariable() {
    return RequestVariables.INITIATOR;
  }

  @Override
  public boolean isFileSlot(String name) {
    Matcher slot = SLOT.matcher(name);
    return slot.matches() && Integer.parseInt(slot.group(1)) <= attachments.getMaxCount();
  }

  @Override
  public void checkFile(String name, String fileName, byte[] content) {
    inspector.check(new IncomingFile(name, fileName, content));
  }
}
