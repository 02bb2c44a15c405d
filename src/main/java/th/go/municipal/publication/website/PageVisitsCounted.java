package th.go.municipal.publication.website;

import java.time.LocalDate;
import java.util.List;

/**
 * Published in the transaction that writes a batch of visit counts, for those who count visits by
 * unit, category and indicator (the monitoring report). Nothing here identifies a visitor.
 */
public record PageVisitsCounted(List<PageVisits> pages, List<DayVisitors> visitors) {

  public PageVisitsCounted {
    pages = List.copyOf(pages);
    visitors = List.copyOf(visitors);
  }

  /**
   * Visits of one page on one day, with what the page shows: an item, a category's list or an
   * indicator's list (each null when it is not that kind of page).
   */
  public record PageVisits(
      LocalDate day, String path, String itemKey, String category, String oitItem, long visits) {}

  /** People seen for the first time that day (by this node) since the last batch. */
  public record DayVisitors(LocalDate day, long newVisitors) {}
}
