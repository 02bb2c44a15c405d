package th.go.municipal.publication.inquiry;

/**
 * A feedback form as validated: the unit is a configured unit (the default unit when the requester
 * was not sure), the e-mail address is required for the answer, the phone is optional.
 */
public record InquiryFields(
    InquiryKind kind,
    String unit,
    String subject,
    String message,
    String name,
    String email,
    String phone) {}
