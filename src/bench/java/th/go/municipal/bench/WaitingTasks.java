package th.go.municipal.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Puts requests in front of the heads, fast, through the engine's Java API. For each unit one
 * request is walked the real way (started and signed by the unit's reporter, as in the cycle); the
 * others are copies of it: started directly at {@code approveRequest} with the same process
 * variables ({@code startBeforeActivity}, our listeners skipped). What the task lists read is then
 * as after a real signature: the task, its candidate group {@code head-<unit>}, the identity links
 * and task authorizations the engine makes, and the variables.
 */
final class WaitingTasks {

  private WaitingTasks() {}

  /** Seeds {@code count} waiting requests, unit by unit in turn, on {@code threads} threads. */
  static Duration seed(ProcessEngine engine, int count, List<String> units, int threads)
      throws Exception {
    Cycle cycle = new Cycle(engine);
    RuntimeService runtime = engine.getRuntimeService();
    long start = System.nanoTime();
    Map<String, Map<String, Object>> signed = new HashMap<>();
    for (int n = 0; n < Math.min(count, units.size()); n++) {
      String unit = units.get(n);
      String instance = cycle.start(unit, n);
      cycle.complete(Staff.reporter(unit), instance, "prepareRequest", "reporterConfirmed", true);
      // Typed and still serialized, so that objects are copied as they are stored.
      VariableMap stored = runtime.getVariablesTyped(instance, false);
      Map<String, Object> variables = new HashMap<>();
      stored.keySet().forEach(name -> variables.put(name, stored.getValueTyped(name)));
      signed.put(unit, variables);
    }
    AtomicInteger next = new AtomicInteger(signed.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                  String unit = units.get(n % units.size());
                  Map<String, Object> variables = new HashMap<>(signed.get(unit));
                  variables.put("title", "ประกาศรับสมัครพนักงานจ้างทั่วไป ฉบับที่ " + n);
                  runtime
                      .createProcessInstanceByKey(BareModel.KEY)
                      .businessKey("BENCH-" + n)
                      .setVariables(variables)
                      .startBeforeActivity("approveRequest")
                      .execute(true, true);
                  if ((n + 1) % 2000 == 0) {
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
}
