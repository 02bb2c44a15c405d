package th.go.municipal.publication.identity;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine has authenticated for the current call (REST, Tasklist or a test), if any.
 */
public final class CurrentUser {

  private CurrentUser() {}

  public static String id(ProcessEngineServices engine) {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
