package th.go.municipal.publication.inquiry;

import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * An information request is started by the website, through the service, never by people; the unit
 * answers with its completion ({@link RecordInquiryAnswerListener}).
 */
@Component
class InquiryVariableRules implements VariableRules {

  @Override
  public boolean peopleMaySetAtStart(String name) {
    return false;
  }
}
