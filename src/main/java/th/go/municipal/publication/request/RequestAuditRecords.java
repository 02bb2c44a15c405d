package th.go.municipal.publication.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.audit.AuditRecord;
import th.go.municipal.publication.audit.SignedForm;
import th.go.municipal.publication.common.Hashes;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.request.RequestSignature.Role;

/**
 * What the audit trail vouches for in a request: the content as the reporter signed it (fields,
 * attachments with their fingerprints, personal-data findings) and each signature, as canonical
 * JSON with its SHA-256; and the signed form drawn from them when the request is published.
 */
@Component
class RequestAuditRecords {

  static final String CONTENT = "request:";
  static final String SIGNATURE = "signature:";

  // Canonical JSON of our own, independent of how the web layer's mapper is configured.
  private final ObjectMapper json = new ObjectMapper();
  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestAttachmentRepository attachments;
  private final PersonalDataFindingRepository findings;
  private final MunicipalityProperties municipality;

  RequestAuditRecords(
      PublicationRequestRepository requests,
      RequestSignatureRepository signatures,
      RequestAttachmentRepository attachments,
      PersonalDataFindingRepository findings,
      MunicipalityProperties municipality) {
    this.requests = requests;
    this.signatures = signatures;
    this.attachments = attachments;
    this.findings = findings;
    this.municipality = municipality;
  }

  /**
   * The entry that records the content as just signed: the request with the attachments (by
   * variable name) and personal-data findings (as found) the step has just stored. The step passes
   * what it holds: reading them back would flush them and select them again (issue 12).
   */
  AuditRecord content(
      AuditRecord entry,
      PublicationRequest request,
      List<RequestAttachment> storedFiles,
      List<PersonalDataFinding> storedFindings) {
    String details = contentJson(request, storedFiles, storedFindings);
    return entry
        .withUnit(request.getUnit())
        .vouchingFor(CONTENT + request.getBusinessKey(), Hashes.sha256(details), details);
  }

  /** The entry that records a signature just made. */
  AuditRecord signature(PublicationRequest request, RequestSignature signature, String role) {
    String details = signatureJson(signature);
    return new AuditRecord(
            request.getBusinessKey(),
            request.getProcessInstanceId(),
            signature.getUserId(),
            role,
            "sign",
            signature.getDecision(),
            signature.getComment())
        .withUnit(request.getUnit())
        .vouchingFor(SIGNATURE + signature.getId(), Hashes.sha256(details), details);
  }

  /** Every stored request's content fingerprint, as stored now. */
  @Transactional(readOnly = true)
  public Map<String, String> currentContent() {
    Map<String, List<RequestAttachment>> files =
        attachments.findAll().stream()
            .sorted((a, b) -> a.getVariableName().compareTo(b.getVariableName()))
            .collect(Collectors.groupingBy(RequestAttachment::getBusinessKey));
    Map<String, List<PersonalDataFinding>> found =
        findings.findAll().stream()
            .sorted((a, b) -> a.getId().compareTo(b.getId()))
            .collect(Collectors.groupingBy(PersonalDataFinding::getBusinessKey));
    Map<String, String> current = new HashMap<>();
    for (PublicationRequest request : requests.findAll()) {
      String key = request.getBusinessKey();
      current.put(
          CONTENT + key,
          Hashes.sha256(
              contentJson(
                  request,
                  files.getOrDefault(key, List.of()),
                  found.getOrDefault(key, List.of()))));
    }
    return current;
  }

  /** Every stored signature's fingerprint, as stored now. */
  @Transactional(readOnly = true)
  public Map<String, String> currentSignatures() {
    Map<String, String> current = new HashMap<>();
    for (RequestSignature signature : signatures.findAll()) {
      current.put(SIGNATURE + signature.getId(), Hashes.sha256(signatureJson(signature)));
    }
    return current;
  }

  /** The form of a request being published: the content as signed and its three signatures. */
  public SignedForm signedForm(String businessKey) {
    PublicationRequest request = requests.findById(businessKey).orElseThrow();
    List<RequestSignature> trail = signatures.findByBusinessKeyOrderByIdAsc(businessKey);
    RequestSignature reporter = last(trail, Role.REPORTER);
    List<RequestAttachment> files =
        attachments.findByBusinessKeyOrderByVariableNameAsc(businessKey);
    String details =
        contentJson(request, files, findings.findByBusinessKeyOrderByIdAsc(businessKey));
    return new SignedForm(
        businessKey,
        municipality.getName(),
        municipality.unitName(request.getUnit()),
        LocalDate.ofInstant(reporter.getSignedAt(), ThaiDates.BANGKOK),
        request.getTitle(),
        request.getDetails(),
        request.getExternalUrl(),
        request.getRemarks(),
        files.stream()
            .map(
                a ->
                    new SignedForm.Attachment(
                        a.getFileName(), a.getMediaType(), a.getSizeBytes(), a.getSha256()))
            .toList(),
        signer(reporter),
        signer(last(trail, Role.APPROVER)),
        signer(last(trail, Role.PUBLISHER)),
        Hashes.sha256(details),
        municipality.getWebsiteUrl().replaceAll("/+$", "") + "/audit/requests/" + businessKey);
  }

  private static RequestSignature last(List<RequestSignature> trail, Role role) {
    return trail.stream()
        .filter(s -> s.getRole() == role)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("no " + role + " signature"));
  }

  private static SignedForm.Signature signer(RequestSignature s) {
    return new SignedForm.Signature(
        s.getUserId(), s.getFullName(), s.getPosition(), s.getSignedAt());
  }

  private String contentJson(
      PublicationRequest request,
      List<RequestAttachment> files,
      List<PersonalDataFinding> personalData) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("businessKey", request.getBusinessKey());
    content.put("unit", request.getUnit());
    content.put("title", request.getTitle());
    content.put("details", request.getDetails());
    content.put("category", request.getCategory());
    content.put("oitItem", request.getOitItem());
    content.put("externalUrl", request.getExternalUrl());
    content.put("remarks", request.getRemarks());
    content.put("publishFrom", text(request.getPublishFrom()));
    content.put("publishUntil", text(request.getPublishUntil()));
    content.put("urgent", request.isUrgent());
    content.put(
        "attachments",
        files.stream()
            .map(
                a -> {
                  Map<String, Object> file = new LinkedHashMap<>();
                  file.put("variable", a.getVariableName());
                  file.put("fileName", a.getFileName());
                  file.put("kind", a.getKind());
                  file.put("mediaType", a.getMediaType());
                  file.put("size", a.getSizeBytes());
                  file.put("sha256", a.getSha256());
                  return file;
                })
            .toList());
    content.put(
        "personalData",
        personalData.stream()
            .map(
                f -> {
                  Map<String, Object> finding = new LinkedHashMap<>();
                  finding.put("source", f.getSource());
                  finding.put("kind", f.getKind().name());
                  finding.put("masked", f.getMaskedValue());
                  return finding;
                })
            .toList());
    return write(content);
  }

  private String signatureJson(RequestSignature s) {
    Map<String, Object> signature = new LinkedHashMap<>();
    signature.put("id", s.getId());
    signature.put("businessKey", s.getBusinessKey());
    signature.put("role", s.getRole().name());
    signature.put("userId", s.getUserId());
    signature.put("fullName", s.getFullName());
    signature.put("position", s.getPosition());
    signature.put("decision", s.getDecision());
    signature.put("comment", s.getComment());
    signature.put("signedAt", s.getSignedAt().toString());
    signature.put("personalDataBasis", s.getPersonalDataBasis());
    signature.put("personalDataComment", s.getPersonalDataComment());
    return write(signature);
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
