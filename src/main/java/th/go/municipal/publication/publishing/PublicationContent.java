package th.go.municipal.publication.publishing;

import java.time.LocalDate;
import java.util.List;

/**
 * What goes onto a website: the approved fields of a request, the details already as safe HTML (see
 * {@code common.SafeHtml}), and the approved attachments.
 */
public record PublicationContent(
    String businessKey,
    String title,
    String details,
    String detailsHtml,
    String category,
    String categoryName,
    String oitItem,
    String unit,
    String unitName,
    String externalUrl,
    LocalDate publishFrom,
    LocalDate publishUntil,
    List<PublishedFile> attachments) {}
