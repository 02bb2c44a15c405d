package th.go.municipal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Puts requests in front of the heads through the engine's Java API: each is started and signed by
 * its unit's reporter (the same calls as the cycle), so it waits at {@code approveRequest} for
 * {@code head-<unit>}, with the listeners, variables and history of a real one.
 */
final class WaitingTasks {

  private WaitingTasks() {}

  /** Seeds {@code count} waiting requests, unit by unit in turn, on {@code threads} threads. */
  static Duration seed(ProcessEngine engine, int count, List<String> units, int threads)
      throws Exception {
    Cycle cycle = new Cycle(engine);
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    // The first request of a fiscal year creates its number sequence: alone.
    waitAtApproval(cycle, units, next.getAndIncrement());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                  waitAtApproval(cycle, units, n);
                  if ((n + 1) % 1000 == 0) {
                    System.out.printf("  %d waiting%n", n + 1);
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void waitAtApproval(Cycle cycle, List<String> units, int n) {
    String unit = units.get(n % units.size());
    String instance = cycle.start(unit, n);
    cycle.complete(Staff.reporter(unit), instance, "prepareRequest", "reporterConfirmed", true);
  }
}
