package th.go.municipal.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls released at the same instant from threads of their own, for races between people. */
public final class AtOnce {

  private AtOnce() {}

  /** Runs the calls together; their answers in the order given, each within a minute. */
  @SafeVarargs
  public static <T> List<T> run(Callable<T>... calls) throws Exception {
    return run(List.of(calls));
  }

  public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.size());
    try {
      CyclicBarrier together = new CyclicBarrier(calls.size());
      List<Future<T>> answers = new ArrayList<>();
      for (Callable<T> call : calls) {
        answers.add(
            threads.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
