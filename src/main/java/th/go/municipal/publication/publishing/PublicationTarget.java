package th.go.municipal.publication.publishing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * Where an item lives on an outside website: the id the target gave it (a WordPress post id, a
 * webhook receiver's id) and its address there. One row per item and target; written in the same
 * transaction as the publishing job, so a rolled-back job leaves no row (publishers therefore also
 * look the item up at the target before creating it).
 */
@Entity
@Table(name = "publication_targets")
@IdClass(PublicationTarget.Key.class)
public class PublicationTarget {

  @Id
  @Column(name = "business_key", length = 32)
  private String businessKey;

  @Id
  @Column(length = 32)
  private String target;

  @Column(name = "remote_id", nullable = false)
  private String remoteId;

  @Column(name = "remote_url", length = 2000)
  private String remoteUrl;

  protected PublicationTarget() {}

  public PublicationTarget(String businessKey, String target, String remoteId, String remoteUrl) {
    this.businessKey = businessKey;
    this.target = target;
    this.remoteId = remoteId;
    this.remoteUrl = remoteUrl;
  }

  void pointTo(String remoteId, String remoteUrl) {
    this.remoteId = remoteId;
    this.remoteUrl = remoteUrl;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getTarget() {
    return target;
  }

  public String getRemoteId() {
    return remoteId;
  }

  public String getRemoteUrl() {
    return remoteUrl;
  }

  /** The primary key: business key and target (e.g. "wordpress", "webhook"). */
  public static class Key implements Serializable {

    private String businessKey;
    private String target;

    protected Key() {}

    public Key(String businessKey, String target) {
      this.businessKey = businessKey;
      this.target = target;
    }

    public String getBusinessKey() {
      return businessKey;
    }

    public String getTarget() {
      return target;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(businessKey, k.businessKey)
          && Objects.equals(target, k.target);
    }

    @Override
    public int hashCode() {
      return Objects.hash(businessKey, target);
    }
  }
}
