package th.go.municipal.publication.inquiry;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import th.go.municipal.publication.common.ThaiDates;

/**
 * A request for information, a comment or a complaint sent through the website, and its answer. The
 * requester's address is kept only as a keyed hash, for rate limiting and abuse.
 */
@Entity
@Table(name = "information_requests")
public class InformationRequest {

  @Id
  @Column(name = "reference_number")
  private String referenceNumber;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(nullable = false)
  private String unit;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(nullable = false, length = 5000)
  private String message;

  @Column(name = "requester_name", nullable = false, length = 200)
  private String requesterName;

  @Column(name = "requester_email", nullable = false, length = 254)
  private String requesterEmail;

  @Column(name = "requester_phone", length = 32)
  private String requesterPhone;

  @Column(name = "consent_at", nullable = false)
  private Instant consentAt;

  @Column(name = "requester_ip_hash", nullable = false, length = 64)
  private String requesterIpHash;

  @Column(name = "form_nonce", nullable = false, length = 64, unique = true)
  private String formNonce;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_on", nullable = false)
  private LocalDate receivedOn;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private InquiryStatus status;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Column(length = 5000)
  private String answer;

  @Column(name = "answer_channel", length = 16)
  private String answerChannel;

  @Column(name = "answered_by", length = 128)
  private String answeredBy;

  @Column(name = "answered_by_display", length = 500)
  private String answeredByDisplay;

  @Column(name = "answered_at")
  private Instant answeredAt;

  @Column(name = "answer_sent_at")
  private Instant answerSentAt;

  @Column(name = "anonymised_at")
  private Instant anonymisedAt;

  protected InformationRequest() {}

  InformationRequest(
      String referenceNumber,
      InquiryFields fields,
      String requesterIpHash,
      String formNonce,
      Instant receivedAt,
      Instant dueAt) {
    this.referenceNumber = referenceNumber;
    this.kind = fields.kind().code;
    this.unit = fields.unit();
    this.subject = fields.subject();
    this.message = fields.message();
    this.requesterName = fields.name();
    this.requesterEmail = fields.email();
    this.requesterPhone = fields.phone();
    this.consentAt = receivedAt;
    this.requesterIpHash = requesterIpHash;
    this.formNonce = formNonce;
    this.receivedAt = receivedAt;
    this.receivedOn = receivedAt.atZone(ThaiDates.BANGKOK).toLocalDate();
    this.dueAt = dueAt;
    this.status = InquiryStatus.RECEIVED;
  }

  void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  void answered(String answer, String channel, String userId, String signature, Instant at) {
    this.answer = answer;
    this.answerChannel = channel;
    this.answeredBy = userId;
    this.answeredByDisplay = signature;
    this.answeredAt = at;
    this.status = InquiryStatus.ANSWERED;
  }

  void answerSent(Instant at) {
    this.answerSentAt = at;
    this.status = InquiryStatus.ANSWER_SENT;
  }

  void reminded(Instant at) {
    this.remindedAt = at;
  }

  void escalated(Instant at) {
    this.escalatedAt = at;
  }

  public boolean isAnswered() {
    return answeredAt != null;
  }

  public String getReferenceNumber() {
    return referenceNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public InquiryKind getKind() {
    return InquiryKind.of(kind).orElseThrow();
  }

  public String getUnit() {
    return unit;
  }

  public String getSubject() {
    return subject;
  }

  public String getMessage() {
    return message;
  }

  public String getRequesterName() {
    return requesterName;
  }

  public String getRequesterEmail() {
    return requesterEmail;
  }

  public String getRequesterPhone() {
    return requesterPhone;
  }

  public Instant getConsentAt() {
    return consentAt;
  }

  public String getRequesterIpHash() {
    return requesterIpHash;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public InquiryStatus getStatus() {
    return status;
  }

  public Instant getRemindedAt() {
    return remindedAt;
  }

  public Instant getEscalatedAt() {
    return escalatedAt;
  }

  public String getAnswer() {
    return answer;
  }

  public String getAnswerChannel() {
    return answerChannel;
  }

  public String getAnsweredBy() {
    return answeredBy;
  }

  public String getAnsweredByDisplay() {
    return answeredByDisplay;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getAnswerSentAt() {
    return answerSentAt;
  }

  /** When the requester's personal data was erased (PDPA), or null while it is kept. */
  public Instant getAnonymisedAt() {
    return anonymisedAt;
  }
}
