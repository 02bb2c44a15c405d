package th.go.municipal.publication.website;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.ThaiDates;

/** The public list of what is on the website now. */
@RestController
class PublishedController {

  /** One item as the public API shows it. */
  record PublishedView(String businessKey, String title, String category, String unit, Instant publishedAt,
      String publishedAtThai, String url) {}

  private final PublishedItemRepository items;
  private final Clock clock;

  PublishedController(PublishedItemRepository items, Clock clock) {
    this.items = items;
    this.clock = clock;
  }

  @GetMapping("/api/published")
  List<PublishedView> listPublished() {
    return items.findVisibleOn(LocalDate.now(clock.withZone(ThaiDates.BANGKOK))).stream()
        .map(i -> new PublishedView(i.getBusinessKey(), i.getTitle(), i.getCategory(), i.getUnit(),
            i.getPublishedAt(), ThaiDates.dateTime(i.getPublishedAt()), i.getPublicUrl()))
        .toList();
  }
}
