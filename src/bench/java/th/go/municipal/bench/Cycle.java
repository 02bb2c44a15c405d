package th.go.municipal.bench;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * One request from start to published through the engine's Java API, as the staff do it: started
 * and signed by the unit's reporter, approved by its head, published by the webmaster, then the
 * publishing job run (as the job executor would, without a user). The same calls walk the service
 * and the baseline; each step's time is added to the caller's counters.
 */
final class Cycle {

  static final String[] STEPS = {"start", "prepare", "approve", "publish", "job"};

  private final ProcessEngine engine;
  private final Staff staff;

  Cycle(ProcessEngine engine) {
    this.engine = engine;
    this.staff = new Staff(engine.getIdentityService());
  }

  ProcessEngine engine() {
    return engine;
  }

  /** Runs one cycle of the given unit; adds each step's nanoseconds to {@code nanos}. */
  void run(String unit, int n, long[] nanos) {
    long t0 = System.nanoTime();
    String instance = start(unit, n);
    long t1 = System.nanoTime();
    complete(Staff.reporter(unit), instance, "prepareRequest", "reporterConfirmed", true);
    long t2 = System.nanoTime();
    complete(Staff.head(unit), instance, "approveRequest", "headDecision", "approve");
    long t3 = System.nanoTime();
    complete(Staff.WEBMASTER, instance, "publishRequest", "webmasterDecision", "publish");
    long t4 = System.nanoTime();
    Job job =
        engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    engine.getManagementService().executeJob(job.getId());
    long t5 = System.nanoTime();
    nanos[0] += t1 - t0;
    nanos[1] += t2 - t1;
    nanos[2] += t3 - t2;
    nanos[3] += t4 - t3;
    nanos[4] += t5 - t4;
  }

  /** Starts a request as the unit's reporter; answers the process instance id. */
  String start(String unit, int n) {
    return staff.as(
        Staff.reporter(unit),
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(BareModel.KEY, request(unit, n))
                .getId());
  }

  /** Finds the instance's task as the user (as a client does) and completes it with a decision. */
  void complete(String user, String instance, String taskKey, String decision, Object value) {
    staff.as(
        user,
        () -> {
          Task task =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(instance)
                  .taskDefinitionKey(taskKey)
                  .singleResult();
          engine.getTaskService().complete(task.getId(), Map.of(decision, value));
        });
  }

  /** A complete, valid request of the unit, as the start form sends it. */
  static Map<String, Object> request(String unit, int n) {
    Map<String, Object> v = new HashMap<>();
    v.put("unit", unit);
    v.put("title", "ประกาศรับสมัครพนักงานจ้างทั่วไป ฉบับที่ " + n);
    v.put(
        "details",
        "เทศบาลประกาศรับสมัครพนักงานจ้างทั่วไป จำนวน ๓ อัตรา\nรับสมัครถึงวันที่ ๓๐ ธันวาคม");
    v.put("category", "other");
    v.put("oitItem", "O7");
    v.put("externalUrl", "https://www.example.go.th/jobs/" + n);
    v.put("remarks", "ขอให้เผยแพร่โดยเร็ว");
    v.put("urgent", false);
    return v;
  }
}
