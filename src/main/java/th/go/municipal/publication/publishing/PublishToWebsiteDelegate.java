package th.go.municipal.publication.publishing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the approved request with its approved attachments; a failure fails the job, which is
 * retried.
 */
@Component("publishToWebsite")
class PublishToWebsiteDelegate implements JavaDelegate {

  static final String PUBLIC_URL = "publicUrl";

  private final PublicationService publication;

  PublishToWebsiteDelegate(PublicationService publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        PUBLIC_URL, publication.publish(execution.getProcessBusinessKey(), execution));
  }
}
