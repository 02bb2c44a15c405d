package th.go.municipal.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import th.go.municipal.publication.PublicationApplication;

/**
 * The benchmarks' seeding mode: starts the service or the baseline on the given database (as Spring
 * arguments), puts {@code count} requests at {@code approveRequest} through the engine's Java API
 * ({@link WaitingTasks}) and stops.
 *
 * <pre>SeedWaitingTasks service|bare COUNT UNITS(clerk,finance,…|all) THREADS [--spring.args…]
 * </pre>
 */
public final class SeedWaitingTasks {

  private SeedWaitingTasks() {}

  public static void main(String[] args) throws Exception {
    boolean service = args[0].equals("service");
    int count = Integer.parseInt(args[1]);
    List<String> units = args[2].equals("all") ? Staff.UNITS : Arrays.asList(args[2].split(","));
    int threads = Integer.parseInt(args[3]);
    String[] springArgs = Arrays.copyOfRange(args, 4, args.length);
    SpringApplicationBuilder application =
        service
            ? new SpringApplicationBuilder(PublicationApplication.class)
            : BareEngineApplication.builder();
    ConfigurableApplicationContext context = application.run(springArgs);
    Duration took = WaitingTasks.seed(context.getBean(ProcessEngine.class), count, units, threads);
    System.out.printf(
        "seeded %d requests waiting at approveRequest (units %s) through the engine's Java API in"
            + " %d s: one per unit started and signed by its reporter, the others started at"
            + " approveRequest with that one's variables (startBeforeActivity, listeners"
            + " skipped)%n",
        count, String.join(",", units), took.toSeconds());
    System.exit(SpringApplication.exit(context));
  }
}
