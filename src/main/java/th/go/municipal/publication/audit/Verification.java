package th.go.municipal.publication.audit;

/**
 * The result of checking the whole trail: intact or not, how many entries were checked, and the
 * first thing found broken.
 */
public record Verification(boolean intact, long checked, Break firstBroken) {

  /**
   * What broke: the entry (if one is to blame), why ({@code entry_changed}, {@code link_broken},
   * {@code head_mismatch}, {@code anchor_mismatch}, {@code record_changed}, {@code record_missing},
   * {@code record_unrecorded}), the record concerned and a Thai message.
   */
  public record Break(Long entryId, String reason, String objectRef, String message) {}

  static Verification intact(long checked) {
    return new Verification(true, checked, null);
  }

  static Verification broken(long checked, Break first) {
    return new Verification(false, checked, first);
  }
}
