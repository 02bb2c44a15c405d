package th.go.municipal.publication.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the audit trail: when it is anchored and checked, and where anchors are copied. */
@ConfigurationProperties(prefix = "publication.audit")
public class AuditProperties {

  /** When the day's anchor is written (Bangkok time), besides at every start. */
  private String anchorCron = "0 5 0 * * *";

  /** When the whole trail is verified (Bangkok time). */
  private String verifyCron = "0 30 1 * * *";

  /** A file outside the database to which each day's anchor is appended; blank: none. */
  private String anchorFile = "";

  public String getAnchorCron() {
    return anchorCron;
  }

  public void setAnchorCron(String anchorCron) {
    this.anchorCron = anchorCron;
  }

  public String getVerifyCron() {
    return verifyCron;
  }

  public void setVerifyCron(String verifyCron) {
    this.verifyCron = verifyCron;
  }

  public String getAnchorFile() {
    return anchorFile;
  }

  public void setAnchorFile(String anchorFile) {
    this.anchorFile = anchorFile;
  }
}
