package th.go.municipal.publication.website;

import java.time.LocalDate;

/** What goes onto a website: the approved fields of a request. */
public record PublicationContent(
    String businessKey,
    String title,
    String details,
    String category,
    String oitItem,
    String unit,
    String unitName,
    String externalUrl,
    LocalDate publishFrom,
    LocalDate publishUntil) {}
