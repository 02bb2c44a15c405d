package th.go.municipal.publication.common;

import java.time.Instant;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Work that follows every start without holding up the first answer. The listeners of {@code
 * ApplicationReadyEvent} run one after the other on the starting thread, and the health status, the
 * job executor and so the node's readiness wait for all of them: work that grows with the database
 * (verifying the whole audit trail, tidying running requests) would make every start slower year
 * after year (issue 12: start to first answer). It runs instead on the scheduler's thread, as soon
 * as the application is ready; a failure is logged there by the scheduler and the next scheduled
 * run tries again.
 */
@Component
public class AfterStart {

  private final TaskScheduler scheduler;

  AfterStart(TaskScheduler scheduler) {
    this.scheduler = scheduler;
  }

  public void run(Runnable work) {
    scheduler.schedule(work, Instant.now());
  }
}
