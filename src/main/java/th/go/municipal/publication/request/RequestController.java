package th.go.municipal.publication.request;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.Groups;
import th.go.municipal.publication.identity.MunicipalityProperties;
import th.go.municipal.publication.identity.StaffDirectory;

/** A request and its signatures, for the people who may see it; the configured units for forms. */
@RestController
class RequestController {

  /** One signature as the API shows it. */
  record SignatureView(
      String role,
      String userId,
      String name,
      String position,
      String decision,
      String comment,
      Instant signedAt,
      String signedAtThai) {}

  /** One attachment as the API shows it. */
  record AttachmentView(
      String variable, String fileName, String kind, String mediaType, long size, String sha256) {}

  /** One personal-data finding, masked. */
  record FindingView(String source, String kind, String kindThai, String masked) {}

  /** One request as the API shows it. */
  record RequestView(
      String businessKey,
      String unit,
      String unitName,
      String title,
      String details,
      String category,
      String oitItem,
      String externalUrl,
      String remarks,
      LocalDate publishFrom,
      LocalDate publishUntil,
      boolean urgent,
      RequestStatus status,
      String preparedBy,
      Instant createdAt,
      List<SignatureView> signatures,
      List<AttachmentView> attachments,
      List<FindingView> personalData) {}

  private final PublicationRequestRepository requests;
  private final RequestSignatureRepository signatures;
  private final RequestAttachmentRepository attachments;
  private final PersonalDataFindingRepository findings;
  private final RequestService requestService;
  private final StaffDirectory staff;
  private final ApiCaller caller;
  private final MunicipalityProperties municipality;
  private final Clock clock;

  RequestController(
      PublicationRequestRepository requests,
      RequestSignatureRepository signatures,
      RequestAttachmentRepository attachments,
      PersonalDataFindingRepository findings,
      RequestService requestService,
      StaffDirectory staff,
      ApiCaller caller,
      MunicipalityProperties municipality,
      Clock clock) {
    this.requests = requests;
    this.signatures = signatures;
    this.attachments = attachments;
    this.findings = findings;
    this.requestService = requestService;
    this.staff = staff;
    this.caller = caller;
    this.municipality = municipality;
    this.clock = clock;
  }

  @GetMapping("/api/requests/{businessKey}")
  RequestView showRequest(@PathVariable String businessKey, HttpServletRequest http) {
    String userId = caller.requireUser(http);
    PublicationRequest request =
        requests
            .findById(businessKey)
            .filter(r -> maySee(userId, r))
            // The same answer whether it does not exist or is not theirs to see: numbers are
            // guessable.
            .orElseThrow(
                () ->
                    InputRejectedException.notFound(
                        "คำขอเลขที่ " + businessKey + " หรือท่านไม่มีสิทธิ์เข้าถึง"));
    List<SignatureView> signed =
        signatures.findByBusinessKeyOrderByIdAsc(businessKey).stream()
            .map(
                s ->
                    new SignatureView(
                        s.getRole().name().toLowerCase(),
                        s.getUserId(),
                        s.getFullName(),
                        s.getPosition(),
                        s.getDecision(),
                        s.getComment(),
                        s.getSignedAt(),
                        ThaiDates.dateTime(s.getSignedAt())))
            .toList();
    return new RequestView(
        request.getBusinessKey(),
        request.getUnit(),
        municipality.unitName(request.getUnit()),
        request.getTitle(),
        request.getDetails(),
        request.getCategory(),
        request.getOitItem(),
        request.getExternalUrl(),
        request.getRemarks(),
        request.getPublishFrom(),
        request.getPublishUntil(),
        request.isUrgent(),
        request.getStatus(),
        request.getPreparedBy(),
        request.getCreatedAt(),
        signed,
        attachments.findByBusinessKeyOrderByVariableNameAsc(businessKey).stream()
            .map(
                a ->
                    new AttachmentView(
                        a.getVariableName(),
                        a.getFileName(),
                        a.getKind(),
                        a.getMediaType(),
                        a.getSizeBytes(),
                        a.getSha256()))
            .toList(),
        findings.findByBusinessKeyOrderByIdAsc(businessKey).stream()
            .map(
                f ->
                    new FindingView(
                        f.getSource(),
                        f.getKind().name(),
                        f.getKind().thaiName,
                        f.getMaskedValue()))
            .toList());
  }

  @GetMapping("/api/units")
  List<MunicipalityProperties.Unit> listUnits() {
    return municipality.getUnits();
  }

  /** The ITA/OIT indicators a request may cite today (this fiscal year's list), for the forms. */
  @GetMapping("/api/oit-items")
  List<MunicipalityProperties.OitItem> listOitItems() {
    return municipality.oitItemsOn(LocalDate.now(clock.withZone(ThaiDates.BANGKOK)));
  }

  private boolean maySee(String userId, PublicationRequest request) {
    if (requestService.isPreparer(userId, request)) {
      return true;
    }
    List<String> groups = staff.groupsOf(userId);
    return groups.contains(Groups.head(request.getUnit()))
        || groups.contains(Groups.WEBMASTER)
        || groups.contains(Groups.MAYOR)
        || groups.contains(Groups.AUDITOR)
        || groups.contains(Groups.ADMIN);
  }
}
