package th.go.municipal.publication.website;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import th.go.municipal.publication.common.ThaiDates;

/** Visits are counted in memory, written in batches, and bots do not count. */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({VisitCounter.class, VisitCounterTests.Config.class})
@RecordApplicationEvents
class VisitCounterTests {

  @TestConfiguration
  static class Config {
    @Bean
    Clock clock() {
      return Clock.system(ThaiDates.BANGKOK);
    }

    @Bean
    WebsiteProperties websiteProperties() {
      return new WebsiteProperties();
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager manager) {
      return new TransactionTemplate(manager);
    }
  }

  private static final String BROWSER =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0 Safari/537.36";

  @Autowired VisitCounter counter;

  @Autowired ApplicationEvents events;

  @Test
  void visitsOfPeopleAreWrittenInOneBatchAndAddedToEarlierOnes() {
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    long before = counter.visitsOn(today);

    for (int i = 0; i < 1000; i++) {
      counter.count("/", BROWSER, "203.0.113.7");
    }
    counter.count("/items/PR-2570-0001", BROWSER, "203.0.113.7");
    assertThat(counter.visitsOn(today)).as("nothing is written per visit").isEqualTo(before);

    counter.flush();
    assertThat(counter.visitsOn(today)).isEqualTo(before + 1001);

    counter.count("/", BROWSER, "203.0.113.7");
    counter.flush();
    assertThat(counter.visitsOn(today)).isEqualTo(before + 1002);
  }

  @Test
  void eachPersonCountsOnceADayAndTheBatchSaysWhatEachPageShows() {
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    counter.flush();
    events.clear();

    for (int i = 0; i < 3; i++) {
      counter.count("/items/PR-2570-0009", BROWSER, "203.0.113.8");
      counter.count("/categories/plans", BROWSER, "203.0.113.8");
    }
    counter.count("/oit/O7", BROWSER, "203.0.113.9");
    counter.count("/oit/O7", BROWSER.replace("120", "121"), "203.0.113.9");
    counter.count("/", "curl/8.5.0", "203.0.113.10");
    counter.flush();

    PageVisitsCounted batch = events.stream(PageVisitsCounted.class).findFirst().orElseThrow();
    assertThat(batch.visitors())
        .as("one address with two browsers is two visitors; repeated visits count once")
        .containsExactly(new PageVisitsCounted.DayVisitors(today, 3));
    assertThat(batch.pages())
        .containsExactlyInAnyOrder(
            new PageVisitsCounted.PageVisits(
                today, "/items/PR-2570-0009", "PR-2570-0009", null, null, 3),
            new PageVisitsCounted.PageVisits(today, "/categories/plans", null, "plans", null, 3),
            new PageVisitsCounted.PageVisits(today, "/oit/O7", null, null, "O7", 2));
  }

  @Test
  void botsAndScriptsAreNotCounted() {
    assertThat(
            VisitCounter.isBot(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
        .isTrue();
    assertThat(VisitCounter.isBot("curl/8.5.0")).isTrue();
    assertThat(VisitCounter.isBot("Mozilla/5.0 HeadlessChrome/120.0")).isTrue();
    assertThat(VisitCounter.isBot(null)).isTrue();
    assertThat(VisitCounter.isBot(BROWSER)).isFalse();
    assertThat(
            VisitCounter.isBot(
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1"))
        .isFalse();
  }
}
