package th.go.municipal.publication.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Buddhist-era dates and the Thai fiscal year. */
class ThaiDatesTests {

  @Test
  void datesAreShownInTheBuddhistEraInBangkokTime() {
    assertThat(ThaiDates.date(LocalDate.of(2026, 11, 25))).isEqualTo("25 พ.ย. 2569");
    // 17:30 UTC on 31 December is already New Year's Day in Bangkok.
    assertThat(ThaiDates.dateTime(Instant.parse("2026-12-31T17:30:00Z")))
        .isEqualTo("1 ม.ค. 2570 00:30 น.");
  }

  @Test
  void fiscalYearStartsOnFirstOctoberAndIsNamedByTheYearItEndsIn() {
    assertThat(ThaiDates.fiscalYear(LocalDate.of(2025, 9, 30))).isEqualTo(2568);
    assertThat(ThaiDates.fiscalYear(LocalDate.of(2025, 10, 1))).isEqualTo(2569);
    assertThat(ThaiDates.fiscalYear(LocalDate.of(2026, 11, 25))).isEqualTo(2570);
  }
}
