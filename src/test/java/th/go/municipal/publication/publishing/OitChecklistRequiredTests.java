package th.go.municipal.publication.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How much evidence an indicator needs by a given day of fiscal 2570 (from 1 October 2026). */
class OitChecklistRequiredTests {

  static final LocalDate START = LocalDate.of(2026, 10, 1);

  @Test
  void periodicIndicatorsNeedOneItemPerPeriodThatHasEnded() {
    LocalDate midDecember = LocalDate.of(2026, 12, 15);
    assertThat(OitChecklist.required("monthly", START, midDecember)).isEqualTo(2);
    assertThat(OitChecklist.required("quarterly", START, midDecember)).isZero();
    assertThat(OitChecklist.required("quarterly", START, LocalDate.of(2026, 12, 31))).isEqualTo(1);
    assertThat(OitChecklist.required("half-yearly", START, LocalDate.of(2027, 3, 30))).isZero();
    assertThat(OitChecklist.required("half-yearly", START, LocalDate.of(2027, 3, 31))).isEqualTo(1);
    assertThat(OitChecklist.required("yearly", START, LocalDate.of(2027, 9, 29))).isZero();
    assertThat(OitChecklist.required("yearly", START, LocalDate.of(2027, 9, 30))).isEqualTo(1);
    assertThat(OitChecklist.required("monthly", START, LocalDate.of(2027, 9, 30))).isEqualTo(12);
  }

  @Test
  void anIndicatorWithoutAPeriodAlwaysNeedsOneItem() {
    assertThat(OitChecklist.required("ongoing", START, START)).isEqualTo(1);
  }
}
