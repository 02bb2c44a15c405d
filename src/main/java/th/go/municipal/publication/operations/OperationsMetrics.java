package th.go.municipal.publication.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import th.go.municipal.publication.notification.MailNotifier;

/**
 * The service's own numbers for Prometheus, beside Spring Boot's (HTTP requests by status, the
 * pool, the JVM): jobs failing and failed, publishing among them, open incidents, e-mails kept in
 * the outbox (counted in the shared database, so every node reports the cluster's figure), and how
 * long each step of a process waited for its person (this node's completions).
 */
@Component
class OperationsMetrics implements MeterBinder {

  /** The model's publishing step, whose failing jobs are publish failures. */
  static final String PUBLISH_ACTIVITY = "Task_PublishToWebsite";

  private final ManagementService management;
  private final RuntimeService runtime;
  private final MailNotifier mail;
  private final Clock clock;
  private MeterRegistry registry;

  OperationsMetrics(
      ManagementService management, RuntimeService runtime, MailNotifier mail, Clock clock) {
    this.management = management;
    this.runtime = runtime;
    this.mail = mail;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    jobs(
        registry,
        "publication.jobs.failing",
        "Jobs that failed, by whether retries are left",
        () -> management.createJobQuery());
    jobs(
        registry,
        "publication.publish.failing",
        "Publishing jobs that failed, by whether retries are left",
        () -> management.createJobQuery().activityId(PUBLISH_ACTIVITY));
    Gauge.builder("publication.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Incidents open in Cockpit")
        .register(registry);
    Gauge.builder("publication.mail.outbox", mail, MailNotifier::keptInOutbox)
        .description("E-mails kept in the outbox because no mail server is configured")
        .register(registry);
  }

  private static void jobs(
      MeterRegistry registry, String name, String description, Supplier<JobQuery> query) {
    // The query is a lambda nobody else holds: Micrometer keeps a gauge's object weakly by default,
    // and a collected one reads NaN (seen in CI), so these hold theirs.
    Gauge.builder(name, query, q -> q.get().withException().withRetriesLeft().count())
        .strongReference(true)
        .description(description)
        .tag("retries", "left")
        .register(registry);
    Gauge.builder(name, query, q -> q.get().withException().noRetriesLeft().count())
        .strongReference(true)
        .description(description)
        .tag("retries", "none")
        .register(registry);
  }

  /** A person completed a step: the time from its creation to now, once the completion commits. */
  @TransactionalEventListener(
      condition = "#event.eventName == 'complete'",
      fallbackExecution = true)
  void stepCompleted(TaskEvent event) {
    if (registry == null || event.getCreateTime() == null) {
      return;
    }
    Timer.builder("publication.step.duration")
        .description("Time from a step's creation to its completion")
        .tag("step", String.valueOf(event.getTaskDefinitionKey()))
        .register(registry)
        .record(Duration.ofMillis(clock.millis() - event.getCreateTime().getTime()));
  }
}
