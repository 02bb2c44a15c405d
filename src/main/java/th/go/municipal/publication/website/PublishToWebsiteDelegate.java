package th.go.municipal.publication.website;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Publishes the approved request; a failure fails the job, which the engine retries. */
@Component("publishToWebsite")
class PublishToWebsiteDelegate implements JavaDelegate {

  private final PublicationService publication;

  PublishToWebsiteDelegate(PublicationService publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PublishedItem item = publication.publish(execution.getProcessBusinessKey());
    execution.setVariable("publicUrl", item.getPublicUrl());
  }
}
