package th.go.municipal.publication;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One GreenMail SMTP server for the test run, on a free port chosen once, so that a test can stop
 * it (the mail server is down) and start it again on the same port the application was given.
 */
public final class TestMailServer {

  public static final int PORT = freePort();
  public static final GreenMail MAIL =
      new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static {
    MAIL.start();
  }

  private TestMailServer() {}

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
