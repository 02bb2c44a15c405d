package th.go.municipal.publication.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import th.go.municipal.publication.common.Hashes;

/**
 * The signed request forms: drawn once when the webmaster publishes, stored with their SHA-256 in
 * the audit trail in the same transaction, and never drawn again, so the PDF anyone downloads later
 * is the one that was recorded.
 */
@Service
public class SignedForms implements AuditedRecords {

  static final String PREFIX = "form:";

  private final StoredFormRepository forms;
  private final SignedFormPdf pdf;
  private final AuditService audit;
  private final ObjectMapper json;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SignedForms(
      StoredFormRepository forms,
      SignedFormPdf pdf,
      AuditService audit,
      ObjectMapper json,
      JdbcTemplate jdbc,
      Clock clock) {
    this.forms = forms;
    this.pdf = pdf;
    this.audit = audit;
    this.json = json;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A stored form's facts, without its bytes. */
  public record FormFacts(String businessKey, String unit, String sha256, long sizeBytes) {}

  /**
   * Draws and stores the form of a request being published, once: a retried publication keeps the
   * form made the first time.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public FormFacts store(SignedForm form, String unit, String processInstanceId) {
    Optional<StoredForm> existing = forms.findById(form.requestNumber());
    if (existing.isPresent()) {
      return facts(existing.get());
    }
    byte[] bytes = pdf.render(form);
    String sha256 = Hashes.sha256(bytes);
    StoredForm stored =
        forms.save(
            new StoredForm(
                form.requestNumber(),
                unit,
                sha256,
                form.contentFingerprint(),
                bytes,
                clock.instant()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("sha256", sha256);
    details.put("sizeBytes", bytes.length);
    details.put("contentFingerprint", form.contentFingerprint());
    audit.record(
        new AuditRecord(
                form.requestNumber(),
                processInstanceId,
                form.publisher().userId(),
                "webmaster",
                "storeSignedForm",
                null,
                null)
            .withUnit(unit)
            .vouchingFor(PREFIX + form.requestNumber(), sha256, write(details)));
    return facts(stored);
  }

  @Transactional(readOnly = true)
  public Optional<FormFacts> facts(String businessKey) {
    return forms.findById(businessKey).map(SignedForms::facts);
  }

  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(String businessKey) {
    return forms.findById(businessKey).map(StoredForm::getPdf);
  }

  @Override
  public String referencePrefix() {
    return PREFIX;
  }

  /** The fingerprint of each stored PDF's bytes as they are now, not of the stored column. */
  @Override
  public Map<String, String> currentFingerprints() {
    Map<String, String> current = new HashMap<>();
    jdbc.query(
        "select business_key, pdf from signed_forms",
        row -> {
          current.put(PREFIX + row.getString(1), Hashes.sha256(row.getBytes(2)));
        });
    return current;
  }

  private static FormFacts facts(StoredForm form) {
    return new FormFacts(
        form.getBusinessKey(), form.getUnit(), form.getSha256(), form.getSizeBytes());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
