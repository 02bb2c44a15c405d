package th.go.municipal.publication.identity;

import org.camunda.bpm.engine.ProcessEngineServices;

/**
 * The user the engine has authenticated for the current call (REST, Tasklist or a test), if any.
 */
public final class CurrentUser {

  private CurrentUser() {}

  public static String id(ProcessEngineServices engine) {
    // The public IdentityService returns the engine's own Authentication type; it is not named
    // here, so that only the public method is relied on.
    var authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
