package th.go.municipal.publication.publishing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.audit.AuditRecord;

/** Takes an item down when its publication period has ended. */
@Component("takeDownFromWebsite")
class TakeDownFromWebsiteDelegate implements JavaDelegate {

  private final PublicationService publication;

  TakeDownFromWebsiteDelegate(PublicationService publication) {
    this.publication = publication;
  }

  @Override
  public void execute(DelegateExecution execution) {
    publication.withdraw(
        execution.getProcessBusinessKey(),
        AuditRecord.SYSTEM,
        "ครบกำหนดระยะเวลาการเผยแพร่ (publication period ended)");
  }
}
