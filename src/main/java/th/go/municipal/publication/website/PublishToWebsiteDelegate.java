package th.go.municipal.publication.website;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.request.AttachmentVariables;

/**
 * Publishes the approved request with its approved attachments; a failure fails the job, which is
 * retried.
 */
@Component("publishToWebsite")
class PublishToWebsiteDelegate implements JavaDelegate {

  private final PublicationService publication;

  PublishToWebsiteDelegate(PublicationService publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PublishedItem item =
        publication.publish(execution.getProcessBusinessKey(), AttachmentVariables.read(execution));
    execution.setVariable("publicUrl", item.getPublicUrl());
  }
}
