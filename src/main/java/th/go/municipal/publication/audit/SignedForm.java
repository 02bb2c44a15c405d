package th.go.municipal.publication.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The announcement's request form as it was signed: the request's fields, its attachments with
 * their fingerprints and the three signatures, plus where its audit record can be checked.
 */
public record SignedForm(
    String requestNumber,
    String municipalityName,
    String unitName,
    LocalDate requestedOn,
    String title,
    String details,
    String externalUrl,
    String remarks,
    List<Attachment> attachments,
    Signature reporter,
    Signature approver,
    Signature publisher,
    String contentFingerprint,
    String verificationUrl) {

  /** One attached file as signed. */
  public record Attachment(String fileName, String mediaType, long size, String sha256) {}

  /** One signature block: who signed, their name and position, and when. */
  public record Signature(String userId, String name, String position, Instant signedAt) {}
}
