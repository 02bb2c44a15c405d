package th.go.municipal.publication.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx with the repository's own site configuration ({@code
 * src/ops/nginx/municipal-publication.conf}), its placeholders filled in for two local nodes, a
 * self-signed certificate for 127.0.0.1, and every file in a temporary folder: checked with {@code
 * nginx -t}, then run on loopback until closed. The JVM trusts that certificate from then on.
 */
final class TestNginx implements AutoCloseable {

  private final Process process;
  private final int httpsPort;

  private TestNginx(Process process, int httpsPort) {
    this.process = process;
    this.httpsPort = httpsPort;
  }

  static TestNginx start(int node1, int node2) throws Exception {
    Path prefix = Files.createTempDirectory("municipal-nginx-");
    Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path certificate = prefix.resolve("site.crt");
    Path key = prefix.resolve("site.key");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString());
    int httpPort = Node.freePort();
    int httpsPort = Node.freePort();
    String site =
        Files.readString(Path.of("src/ops/nginx/municipal-publication.conf"))
            .replace("@SERVER_NAME@", "localhost 127.0.0.1")
            .replace("@CERTIFICATE@", certificate.toString())
            .replace("@KEY@", key.toString())
            .replace("@LISTEN_HTTP@", "127.0.0.1:" + httpPort)
            .replace("@LISTEN_HTTPS@", "127.0.0.1:" + httpsPort)
            .replace("@NODE_1@", "127.0.0.1:" + node1)
            .replace("@NODE_2@", "127.0.0.1:" + node2)
            .replace("@CACHE_DIR@", prefix.resolve("cache").toString());
    assertThat(site).as("every placeholder filled").doesNotContain("@");
    Files.writeString(prefix.resolve("site.conf"), site);
    Files.writeString(
        prefix.resolve("nginx.conf"),
        String.join(
            "\n",
            "worker_processes 1;",
            "pid " + prefix.resolve("nginx.pid") + ";",
            "error_log " + prefix.resolve("error.log") + ";",
            "events { worker_connections 256; }",
            "http {",
            "  include /etc/nginx/mime.types;",
            "  access_log " + prefix.resolve("access.log") + ";",
            "  client_body_temp_path " + prefix.resolve("body") + ";",
            "  proxy_temp_path " + prefix.resolve("proxy") + ";",
            "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
            "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
            "  scgi_temp_path " + prefix.resolve("scgi") + ";",
            "  include " + prefix.resolve("site.conf") + ";",
            "}",
            ""));
    String config = prefix.resolve("nginx.conf").toString();
    String checked = run("nginx", "-t", "-p", prefix.toString(), "-c", config);
    assertThat(checked).as("nginx -t").contains("syntax is ok").contains("test is successful");
    Process nginx =
        new ProcessBuilder("nginx", "-p", prefix.toString(), "-c", config, "-g", "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("nginx.out").toFile())
            .start();
    trust(certificate);
    TestNginx started = new TestNginx(nginx, httpsPort);
    started.awaitListening();
    return started;
  }

  String base() {
    return "https://127.0.0.1:" + httpsPort;
  }

  HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private void awaitListening() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      try {
        get("/actuator/health");
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("nginx did not listen within 30 s");
  }

  /** The self-signed certificate becomes what this JVM's HTTP clients trust. */
  private static void trust(Path certificate) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      store.setCertificateEntry(
          "municipal-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    SSLContext.setDefault(context);
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
