package th.go.municipal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a thread's time goes, from the JDK's own sampler (Flight Recorder, no agent): each
 * execution sample of the thread is charged to the outermost frame of the service's code on its
 * stack (a listener, a delegate, the history handler…) or, with none, to the engine; within each,
 * the top frame tells what ran (H2, Hibernate, Camunda, the service's own code…).
 */
final class SampledTime {

  private static final String SERVICE = "th.go.municipal.publication.";

  private final Recording recording = new Recording();
  private final Thread thread;

  SampledTime(Thread thread) {
    this.thread = thread;
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
  }

  void start() {
    recording.start();
  }

  /** Stops and answers samples per place, each with samples per library on top. */
  Map<String, Map<String, Integer>> stop() throws Exception {
    recording.stop();
    Path file = Files.createTempFile("cycle-profile", ".jfr");
    try {
      recording.dump(file);
      recording.close();
      Map<String, Map<String, Integer>> samples = new HashMap<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getThread("sampledThread") == null
            || event.getThread("sampledThread").getJavaThreadId() != thread.getId()
            || event.getStackTrace() == null) {
          continue;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        String place = "engine and JDBC (no service code on the stack)";
        for (RecordedFrame frame : frames) {
          String type = frame.getMethod().getType().getName();
          if (type.startsWith(SERVICE)) {
            place =
                type.substring(SERVICE.length()).replaceAll("\\$\\$.*", "")
                    + "."
                    + frame.getMethod().getName();
          }
        }
        String top =
            frames.isEmpty() ? "?" : library(frames.get(0).getMethod().getType().getName());
        samples.computeIfAbsent(place, p -> new HashMap<>()).merge(top, 1, Integer::sum);
      }
      return samples;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  static String library(String type) {
    if (type.startsWith("org.h2.")) {
      return "H2";
    } else if (type.startsWith("org.hibernate.")) {
      return "Hibernate";
    } else if (type.startsWith("org.camunda.") || type.startsWith("org.apache.ibatis.")) {
      return "Camunda+MyBatis";
    } else if (type.startsWith(SERVICE)) {
      return "service";
    } else if (type.startsWith("org.springframework.")) {
      return "Spring";
    } else if (type.startsWith("com.fasterxml.")) {
      return "Jackson";
    } else if (type.startsWith("org.apache.pdfbox.") || type.startsWith("org.apache.fontbox.")) {
      return "PDFBox";
    } else if (type.startsWith("org.apache.tika.")) {
      return "Tika";
    } else if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
      return "JDK";
    }
    return "other";
  }
}
