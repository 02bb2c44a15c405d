package th.go.municipal.publication.request;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * What people send in a publication request: the announcement's form fields, the urgent incident's
 * facts, the attachments in their slots and each step's decision. The request number, unit name,
 * signatures, return reasons and personal-data findings are the service's alone.
 */
@Component
class RequestVariableRules implements VariableRules {

  static final String PROCESS_KEY = "publicationRequest";

  private static final Set<String> SENT_BY_PEOPLE =
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
          "remedy",
          RequestVariables.REPORTER_CONFIRMED,
          RequestVariables.HEAD_DECISION,
          RequestVariables.HEAD_COMMENT,
          RequestVariables.PERSONAL_DATA_BASIS,
          RequestVariables.PERSONAL_DATA_COMMENT,
          RequestVariables.WEBMASTER_DECISION,
          RequestVariables.WEBMASTER_COMMENT);

  private static final Pattern SLOT =
      Pattern.compile(RequestVariables.ATTACHMENT_PREFIX + "([1-9][0-9]{0,2})");

  private final AttachmentProperties attachments;
  private final AttachmentInspector inspector;

  RequestVariableRules(AttachmentProperties attachments, AttachmentInspector inspector) {
    this.attachments = attachments;
    this.inspector = inspector;
  }

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public boolean peopleMaySet(String name) {
    return SENT_BY_PEOPLE.contains(name) || isFileSlot(name);
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
