package th.go.municipal.publication.website;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's socket write buffer, per connection, sized so that a whole rendered page goes out in one
 * write: with Tomcat's 8 KB default, an uncompressed home page of about 18 KB takes three system
 * calls and halves the requests per second a spike can get (measured with
 * src/bench/website-benchmark.sh). The cost is memory per open connection: 32 KB instead of 8 KB.
 */
@Component
class WebsiteServerTuning implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final DataSize writeBuffer;

  WebsiteServerTuning(WebsiteProperties properties) {
    this.writeBuffer = properties.getSocketWriteBuffer();
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        connector ->
            connector.setProperty("socket.appWriteBufSize", Long.toString(writeBuffer.toBytes())));
  }
}
