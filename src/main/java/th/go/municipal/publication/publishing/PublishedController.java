package th.go.municipal.publication.publishing;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import th.go.municipal.publication.common.ThaiDates;
import th.go.municipal.publication.identity.ApiCaller;

/** The public list of what is on the website now. */
@RestController
class PublishedController {

  /** One item as the public API shows it. */
  record PublishedView(
      String businessKey,
      String title,
      String category,
      String unit,
      Instant publishedAt,
      String publishedAtThai,
      String url) {}

  private final PublishedItemRepository items;
  private final WebsiteAdministration administration;
  private final ApiCaller caller;
  private final Clock clock;

  PublishedController(
      PublishedItemRepository items,
      WebsiteAdministration administration,
      ApiCaller caller,
      Clock clock) {
    this.items = items;
    this.administration = administration;
    this.caller = caller;
    this.clock = clock;
  }

  /** The webmaster takes an item down before its time: {"reason": "..."}. */
  @PostMapping("/api/published/{businessKey}/withdraw")
  ResponseEntity<Void> withdrawItem(
      @PathVariable String businessKey,
      @RequestBody Map<String, Object> body,
      HttpServletRequest http) {
    administration.withdrawByHand(businessKey, caller.requireUser(http), body);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/published")
  List<PublishedView> listPublished() {
    return items.findVisibleOn(LocalDate.now(clock.withZone(ThaiDates.BANGKOK))).stream()
        .map(
            i ->
                new PublishedView(
                    i.getBusinessKey(),
                    i.getTitle(),
                    i.getCategory(),
                    i.getUnit(),
                    i.getPublishedAt(),
                    ThaiDates.dateTime(i.getPublishedAt()),
                    i.getPublicUrl()))
        .toList();
  }
}
