package th.go.municipal.publication.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled work of the application itself (visit counts); the engine runs its own jobs. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}
