package th.go.municipal.publication.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Personal data found in a request as the reporter last signed it, stored masked. */
@Entity
@Table(name = "personal_data_findings")
class PersonalDataFinding {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false)
  private String businessKey;

  @Column(nullable = false)
  private String source;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PersonalDataScreener.Kind kind;

  @Column(name = "masked_value", nullable = false)
  private String maskedValue;

  protected PersonalDataFinding() {}

  PersonalDataFinding(String businessKey, PersonalDataScreener.Finding finding) {
    this.businessKey = businessKey;
    this.source = finding.source();
    this.kind = finding.kind();
    this.maskedValue = finding.masked();
  }

  public Long getId() {
    return id;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getSource() {
    return source;
  }

  public PersonalDataScreener.Kind getKind() {
    return kind;
  }

  public String getMaskedValue() {
    return maskedValue;
  }
}
