package th.go.municipal.publication.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Step durations kept as bucket counts give the median and 90th percentile within 10 %. */
class DurationBucketsTests {

  @Test
  void medianAndNinetiethPercentileFromBucketsAreWithinTenPercentOfTheExactOnes() {
    Random random = new Random(10);
    List<Double> hours = new ArrayList<>();
    Map<Integer, Long> buckets = new HashMap<>();
    for (int i = 0; i < 5_000; i++) {
      // from a few minutes to some weeks, most within days
      double h = Math.exp(random.nextGaussian() * 1.5 + 3);
      hours.add(h);
      buckets.merge(DurationBuckets.bucketOf(Duration.ofSeconds((long) (h * 3600))), 1L, Long::sum);
    }
    hours.sort(Double::compare);
    double median = hours.get((int) Math.ceil(0.5 * hours.size()) - 1);
    double p90 = hours.get((int) Math.ceil(0.9 * hours.size()) - 1);

    assertThat(DurationBuckets.quantileHours(buckets, 0.5)).isCloseTo(median, within(median * 0.1));
    assertThat(DurationBuckets.quantileHours(buckets, 0.9)).isCloseTo(p90, within(p90 * 0.1));
  }

  @Test
  void nothingCountedHasNoMedianAndUnderAMinuteCountsAsAMinute() {
    assertThat(DurationBuckets.quantileHours(Map.of(), 0.5)).isNull();
    assertThat(DurationBuckets.bucketOf(Duration.ofSeconds(5))).isZero();
    assertThat(DurationBuckets.bucketOf(Duration.ofMinutes(1))).isZero();
    assertThat(DurationBuckets.bucketOf(Duration.ofMinutes(2))).isEqualTo(4);
  }
}
