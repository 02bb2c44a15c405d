package th.go.municipal.publication.inquiry;

import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * What the unit sends when it answers an information request: the answer and how it was given.
 * Everything about the requester comes from the website, through the service.
 */
@Component
class InquiryVariableRules implements VariableRules {

  private static final Set<String> SENT_BY_PEOPLE =
      Set.of(InquiryVariables.ANSWER, InquiryVariables.ANSWER_CHANNEL);

  @Override
  public String processKey() {
    return InquiryVariables.PROCESS_KEY;
  }

  @Override
  public boolean peopleMaySet(String name) {
    return SENT_BY_PEOPLE.contains(name);
  }
}
