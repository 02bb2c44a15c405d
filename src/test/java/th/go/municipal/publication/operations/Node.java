package th.go.municipal.publication.operations;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the service: the application's own jar ({@code target/publication-*.jar}, built by
 * {@code mvn package}) in a process of its own on a loopback port, as an operator runs it. Its
 * output goes to a file in its working folder. {@link #kill()} is {@code kill -9}; {@link #stop()}
 * is SIGTERM, as systemd sends it.
 */
final class Node implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  final String name;
  final int port;
  final Path folder;
  final Path log;
  private final List<String> command;
  private final Map<String, String> environment;
  private Process process;

  private Node(String name, Path folder, int port, List<String> command, Map<String, String> env) {
    this.name = name;
    this.folder = folder;
    this.port = port;
    this.log = folder.resolve(name + ".log");
    this.command = command;
    this.environment = env;
  }

  /** A node to be started with these settings ({@code --name=value} arguments) and environment. */
  static Node of(String name, Map<String, String> settings, Map<String, String> environment)
      throws IOException {
    Path folder = Files.createTempDirectory("municipal-node-" + name + "-");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Duser.timezone=Asia/Bangkok");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    Map<String, String> all = new LinkedHashMap<>();
    all.put("server.address", "127.0.0.1");
    all.put("server.port", String.valueOf(port));
    all.put("municipality.website-url", "http://127.0.0.1:" + port);
    all.put("publication.audit.anchor-file", folder.resolve("audit-anchors.txt").toString());
    all.putAll(settings);
    all.forEach((key, value) -> command.add("--" + key + "=" + value));
    return new Node(name, folder, port, command, environment);
  }

  /**
   * A node started as the systemd unit starts it: {@code src/ops/start.sh} with the jar as {@code
   * APP_JAR}, these JVM options as {@code JAVA_OPTS} and the class data sharing archive in {@code
   * cdsFolder}; the settings are the script's arguments, as the unit's {@code
   * --spring.profiles...}.
   */
  static Node ofStartScript(
      String name, String javaOptions, Path cdsFolder, Map<String, String> settings)
      throws IOException {
    return ofStartScript(name, javaOptions, cdsFolder, settings, Map.of());
  }

  /** The same, with more of {@code start.sh}'s environment (e.g. {@code CDS_MAKE=no}). */
  static Node ofStartScript(
      String name,
      String javaOptions,
      Path cdsFolder,
      Map<String, String> settings,
      Map<String, String> moreEnvironment)
      throws IOException {
    Node plain = of(name, settings, Map.of());
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(Path.of("src/ops/start.sh").toAbsolutePath().toString());
    // The application's arguments, as Node.of made them (after "-jar" and the jar).
    command.addAll(plain.command.subList(plain.command.indexOf("-jar") + 2, plain.command.size()));
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("APP_JAR", jar().toAbsolutePath().toString());
    environment.put("CDS_DIR", cdsFolder.toString());
    environment.put("JAVA", plain.command.get(0));
    environment.put("JAVA_OPTS", javaOptions);
    environment.putAll(moreEnvironment);
    return new Node(name, plain.folder, plain.port, command, environment);
  }

  static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("publication-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no application jar in target/: run mvn package"));
    }
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Starts the process and waits until it is ready (its readiness probe answers 200). */
  Node start() throws Exception {
    launch();
    awaitReady();
    return this;
  }

  /** Starts the process without waiting; for a node expected to refuse to start. */
  Node launch() throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    process = builder.start();
    return this;
  }

  void awaitReady() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " stopped while starting (exit " + process.exitValue() + "):\n" + tail(60));
      }
      try {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " was not ready within " + START_TIMEOUT + ":\n" + tail(60));
  }

  /** Waits for a process that must stop by itself (a refused start); its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not stop within " + timeout + ":\n" + tail(40));
    }
    return process.exitValue();
  }

  /** {@code kill -9}: the process dies at once, in the middle of whatever it does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as systemd stops a service; the exit code once it stopped. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not stop within " + timeout + " of SIGTERM");
    }
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  String output() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  String tail(int lines) {
    try {
      List<String> all = output().lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
