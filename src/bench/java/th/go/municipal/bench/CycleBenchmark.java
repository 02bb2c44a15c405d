package th.go.municipal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.municipal.publication.PublicationApplication;

/**
 * The full cycle through the Java API: the service in its real application context (demo profile,
 * H2 in memory, history full, authorization checks on) next to the bare engine in the same JVM,
 * with 1 and 2 threads, in interleaved rounds (the order alternates each round) so that whatever
 * else the machine does hits both. Prints cycles/s per round, the medians and their ratio.
 *
 * <p>Settings (system properties): {@code bench.rounds} (3), {@code bench.seconds} per measurement
 * (10), {@code bench.warmup} seconds per side before the first round (15), {@code bench.threads}
 * (1,2).
 */
public final class CycleBenchmark {

  private static final double GOAL_RATIO = 0.5;

  private CycleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 3);
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmup", 15);
    int[] threadCounts =
        Arrays.stream(System.getProperty("bench.threads", "1,2").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    System.out.printf("load average at the start: %s%n", loadAverage());

    int profileCycles = Integer.getInteger("bench.profile", 0);
    SqlCounter serviceSql = profileCycles > 0 ? new SqlCounter() : null;
    SqlCounter bareSql = profileCycles > 0 ? new SqlCounter() : null;
    // The service first: it sets up logging (warnings only) for both.
    ConfigurableApplicationContext service = startService(serviceSql);
    DataSource bareDatabase = BareEngine.inMemoryDatabase("bench-bare");
    ProcessEngine bareEngine =
        BareEngine.start(bareSql == null ? bareDatabase : bareSql.wrap(bareDatabase));
    Side bare = new Side("bare engine", new Cycle(bareEngine));
    Side app = new Side("service", new Cycle(service.getBean(ProcessEngine.class)));

    // One cycle alone first: the first request of a fiscal year creates its number sequence.
    bare.measure(1, 0);
    app.measure(1, 0);
    System.out.printf("warming up: %d s per side, 1 thread%n", warmup);
    bare.measure(1, warmup);
    app.measure(1, warmup);

    Map<Integer, List<double[]>> results = new LinkedHashMap<>();
    System.out.printf(
        "%nCycle through the Java API (start, sign, approve, publish, publishing job),"
            + " %d s per measurement%n",
        seconds);
    System.out.printf(
        "%-6s %-8s %14s %14s %8s %s%n",
        "round", "threads", "bare cycles/s", "service c/s", "ratio", "");
    for (int round = 1; round <= rounds; round++) {
      for (int threads : threadCounts) {
        Result first;
        Result second;
        // Alternate who goes first so that a drift in the machine's load hits both alike.
        if (round % 2 == 1) {
          first = bare.measure(threads, seconds);
          second = app.measure(threads, seconds);
        } else {
          second = app.measure(threads, seconds);
          first = bare.measure(threads, seconds);
        }
        results
            .computeIfAbsent(threads, t -> new ArrayList<>())
            .add(new double[] {first.rate(), second.rate()});
        System.out.printf(
            "%-6d %-8d %14.1f %14.1f %8.2f %s%n",
            round,
            threads,
            first.rate(),
            second.rate(),
            second.rate() / first.rate(),
            first.errors() + second.errors() == 0
                ? ""
                : "failed cycles: bare "
                    + first.describeErrors()
                    + ", service "
                    + second.describeErrors());
      }
    }

    System.out.printf("%nmedians over %d rounds%n", rounds);
    System.out.printf(
        "%-22s %14s %14s %8s %s%n", "measure", "bare cycles/s", "service c/s", "ratio", "goal");
    double[] oneThread = null;
    for (var entry : results.entrySet()) {
      double bareMedian = median(entry.getValue().stream().mapToDouble(r -> r[0]).toArray());
      double appMedian = median(entry.getValue().stream().mapToDouble(r -> r[1]).toArray());
      String goal =
          String.format(
              "≥ %.1f× the bare engine: %s",
              GOAL_RATIO, appMedian / bareMedian >= GOAL_RATIO ? "met" : "NOT met");
      if (entry.getKey() == 1) {
        oneThread = new double[] {bareMedian, appMedian};
      } else if (oneThread != null) {
        goal +=
            String.format(
                "; ×%.2f of 1 thread (bare ×%.2f)",
                appMedian / oneThread[1], bareMedian / oneThread[0]);
      }
      System.out.printf(
          "%-22s %14.1f %14.1f %8.2f %s%n",
          "cycle, " + entry.getKey() + (entry.getKey() == 1 ? " thread" : " threads"),
          bareMedian,
          appMedian,
          appMedian / bareMedian,
          goal);
    }
    System.out.printf("%nmean time per step, ms (1 thread, every round)%n");
    System.out.printf("%-10s %10s %10s %8s%n", "step", "bare", "service", "ratio");
    for (int step = 0; step < Cycle.STEPS.length; step++) {
      double bareMs = bare.meanStepMillis(step);
      double appMs = app.meanStepMillis(step);
      System.out.printf(
          "%-10s %10.2f %10.2f %8.2f%n", Cycle.STEPS[step], bareMs, appMs, appMs / bareMs);
    }
    if (profileCycles > 0) {
      profile(profileCycles, bare, bareSql, app, serviceSql);
    }
    System.out.printf("%nload average at the end: %s%n", loadAverage());
    service.close();
    bareEngine.close();
    System.exit(0);
  }

  /** SQL statements and commits per cycle, side by side, most frequent in the service first. */
  private static void profile(
      int cycles, Side bare, SqlCounter bareSql, Side app, SqlCounter serviceSql) throws Exception {
    long bareStart = System.nanoTime();
    Map<String, Long> bareCounts = countCycles(cycles, bare, bareSql);
    double bareCycleMillis = (System.nanoTime() - bareStart) / 1e6 / cycles;
    SampledTime sampler = new SampledTime(Thread.currentThread());
    sampler.start();
    long start = System.nanoTime();
    Map<String, Long> appCounts = countCycles(cycles, app, serviceSql);
    double serviceCycleMillis = (System.nanoTime() - start) / 1e6 / cycles;
    Map<String, Map<String, Integer>> samples = sampler.stop();
    System.out.printf("%nSQL per cycle (%d cycles per side, 1 thread)%n", cycles);
    System.out.printf("%-52s %8s %8s%n", "statement", "bare", "service");
    long[] totals = new long[2];
    java.util.Set<String> keys = new java.util.TreeSet<>(bareCounts.keySet());
    keys.addAll(appCounts.keySet());
    keys.stream()
        .sorted(
            java.util.Comparator.comparing((String k) -> -appCounts.getOrDefault(k, 0L))
                .thenComparing(k -> -bareCounts.getOrDefault(k, 0L)))
        .forEach(
            key -> {
              long b = bareCounts.getOrDefault(key, 0L);
              long a = appCounts.getOrDefault(key, 0L);
              if (!key.equals("commit") && !key.equals("rollback")) {
                totals[0] += b;
                totals[1] += a;
              }
              System.out.printf(
                  "%-52s %8.1f %8.1f%n", key, b / (double) cycles, a / (double) cycles);
            });
    System.out.printf(
        "%-52s %8.1f %8.1f%n",
        "all statements (commits apart)", totals[0] / (double) cycles, totals[1] / (double) cycles);

    int all = samples.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum();
    System.out.printf(
        "%nWhere the service's cycle spends its time (%.1f ms per cycle while counting SQL, the"
            + " bare engine's %.1f ms; %d samples of the JDK's Flight Recorder), charged to the"
            + " outermost service code on the stack; within it, what was running%n",
        serviceCycleMillis, bareCycleMillis, all);
    samples.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingInt(
                (Map.Entry<String, Map<String, Integer>> e) ->
                    -e.getValue().values().stream().mapToInt(i -> i).sum()))
        .forEach(
            entry -> {
              int here = entry.getValue().values().stream().mapToInt(i -> i).sum();
              StringBuilder within = new StringBuilder();
              entry.getValue().entrySet().stream()
                  .sorted(java.util.Comparator.comparingInt(e -> -e.getValue()))
                  .limit(4)
                  .forEach(
                      e ->
                          within.append(
                              String.format(
                                  " %s %.0f%%", e.getKey(), 100.0 * e.getValue() / here)));
              System.out.printf(
                  "%5.1f%% %6.2f ms  %-55s%s%n",
                  100.0 * here / all, serviceCycleMillis * here / all, entry.getKey(), within);
            });
  }

  private static Map<String, Long> countCycles(int cycles, Side side, SqlCounter counter) {
    counter.reset();
    long[] ignored = new long[Cycle.STEPS.length];
    for (int n = 0; n < cycles; n++) {
      side.cycle.run("clerk", side.numbers.incrementAndGet(), ignored);
    }
    return counter.snapshot();
  }

  private static ConfigurableApplicationContext startService(SqlCounter sql) {
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(PublicationApplication.class);
    if (sql != null) {
      application.initializers(
          context ->
              context
                  .getBeanFactory()
                  .addBeanPostProcessor(
                      new BeanPostProcessor() {
                        @Override
                        public Object postProcessAfterInitialization(Object bean, String name) {
                          return bean instanceof DataSource database ? sql.wrap(database) : bean;
                        }
                      }));
    }
    // Arguments, not default properties: they must win over application.yml.
    return application.run(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:mem:bench-service;DB_CLOSE_DELAY=-1",
        "--camunda.bpm.job-execution.enabled=false",
        "--server.address=127.0.0.1",
        "--server.port=0",
        "--publication.audit.anchor-file=",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN");
  }

  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (Exception unreadable) {
      return "unknown";
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Cycles/s of one measurement and its failed cycles. */
  record Result(double rate, int errors, String firstError) {
    String describeErrors() {
      return errors == 0 ? "0" : errors + " (" + firstError + ")";
    }
  }

  /** One side of the comparison: its cycle, its counters of time per step. */
  static final class Side {
    private final String name;
    private final Cycle cycle;
    private final AtomicInteger numbers = new AtomicInteger();
    private final long[] stepNanos = new long[Cycle.STEPS.length];
    private long steppedCycles;

    Side(String name, Cycle cycle) {
      this.name = name;
      this.cycle = cycle;
    }

    /** Runs cycles on {@code threads} threads for {@code seconds} (one cycle when 0). */
    Result measure(int threads, int seconds) throws Exception {
      long finishedBefore = finishedInstances();
      AtomicInteger errors = new AtomicInteger();
      AtomicReference<String> firstError = new AtomicReference<>();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long start = System.nanoTime();
      long deadline = start + seconds * 1_000_000_000L;
      List<Future<long[]>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  long[] nanos = new long[Cycle.STEPS.length + 1];
                  do {
                    try {
                      cycle.run("clerk", numbers.incrementAndGet(), nanos);
                      nanos[Cycle.STEPS.length]++;
                    } catch (RuntimeException failed) {
                      errors.incrementAndGet();
                      firstError.compareAndSet(
                          null, failed.getClass().getSimpleName() + ": " + failed.getMessage());
                    }
                  } while (System.nanoTime() < deadline);
                  return nanos;
                }));
      }
      long cycles = 0;
      long[] sums = new long[Cycle.STEPS.length];
      for (Future<long[]> worker : workers) {
        long[] nanos = worker.get();
        cycles += nanos[Cycle.STEPS.length];
        for (int i = 0; i < sums.length; i++) {
          sums[i] += nanos[i];
        }
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      if (threads == 1 && seconds > 0) {
        synchronized (stepNanos) {
          for (int i = 0; i < sums.length; i++) {
            stepNanos[i] += sums[i];
          }
          steppedCycles += cycles;
        }
      }
      long finished = finishedInstances() - finishedBefore;
      if (finished != cycles) {
        throw new IllegalStateException(
            name + ": " + cycles + " cycles ran but " + finished + " requests ended");
      }
      return new Result(cycles / elapsed, errors.get(), firstError.get());
    }

    double meanStepMillis(int step) {
      return steppedCycles == 0 ? Double.NaN : stepNanos[step] / 1e6 / steppedCycles;
    }

    private long finishedInstances() {
      ProcessEngine engine = cycle.engine();
      return engine
          .getHistoryService()
          .createHistoricProcessInstanceQuery()
          .processDefinitionKey(BareModel.KEY)
          .finished()
          .count();
    }
  }
}
