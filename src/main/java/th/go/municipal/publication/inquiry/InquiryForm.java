package th.go.municipal.publication.inquiry;

import java.util.HashMap;
import java.util.Map;

/**
 * The feedback form as typed, kept to show it again with its errors. {@code homepage} is the
 * honeypot: hidden from people, filled in by form-filling robots.
 */
public class InquiryForm {

  static final String UNSURE_UNIT = "unsure";

  private String kind;
  private String unit;
  private String subject;
  private String message;
  private String name;
  private String email;
  private String phone;
  private String consent;
  private String homepage;
  private String formToken;

  /** The typed values by field name, for validation. */
  Map<String, Object> values() {
    Map<String, Object> values = new HashMap<>();
    values.put("kind", kind);
    values.put("unit", unit);
    values.put("subject", subject);
    values.put("message", message);
    values.put("name", name);
    values.put("email", email);
    values.put("phone", phone);
    values.put("consent", consent);
    return values;
  }

  boolean honeypotFilled() {
    return homepage != null && !homepage.isEmpty();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getConsent() {
    return consent;
  }

  public void setConsent(String consent) {
    this.consent = consent;
  }

  public String getHomepage() {
    return homepage;
  }

  public void setHomepage(String homepage) {
    this.homepage = homepage;
  }

  public String getFormToken() {
    return formToken;
  }

  public void setFormToken(String formToken) {
    this.formToken = formToken;
  }
}
