package th.go.municipal.publication.website;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.util.unit.DataSize;

/** Tomcat gets a socket write buffer large enough for a whole page. */
class WebsiteServerTuningTests {

  @Test
  void connectorsWriteAWholePageInOneGo() {
    // given
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
    Connector connector = new Connector();

    // when
    new WebsiteServerTuning(DataSize.ofKilobytes(32)).customize(factory);
    factory.getTomcatConnectorCustomizers().forEach(customizer -> customizer.customize(connector));

    // then
    assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
  }
}
