package th.go.municipal.publication.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import th.go.municipal.publication.common.ThaiDates;

/** One clock for the application, in Bangkok time, so that tests can fix it. */
@Configuration
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.system(ThaiDates.BANGKOK);
  }
}
