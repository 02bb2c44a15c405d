package th.go.municipal.publication.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The position (ตำแหน่ง) of each member of staff, as their signatures show it: configuration that
 * only the municipality's administrators change, set into the engine's user info at every start by
 * {@link IdentitySeeder}. Nobody can change their own position through Tasklist or the REST API.
 */
@ConfigurationProperties(prefix = "publication.staff")
public record StaffPositions(@DefaultValue List<Position> positions) {

  /** One user's position. */
  public record Position(String user, String position) {}
}
