package th.go.municipal.publication.request;

import java.time.LocalDate;

/** The fields of the announcement's request form, plus category, OIT item, period and urgency. */
public record RequestFields(
    String unit,
    String title,
    String details,
    String category,
    String oitItem,
    String externalUrl,
    String remarks,
    LocalDate publishFrom,
    LocalDate publishUntil,
    boolean urgent) {}
