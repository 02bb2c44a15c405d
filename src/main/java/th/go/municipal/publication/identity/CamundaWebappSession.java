package th.go.municipal.publication.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * Who is logged into the Camunda webapps in this browser session, so that a Tasklist form can call
 * {@code /api} as its user. The webapps keep that login in the HTTP session through their own
 * classes ({@code org.camunda.bpm.webapp.impl.security.auth}) and offer no public API to read it;
 * this class is the only one that touches them, so an engine upgrade that moves them changes this
 * file alone.
 */
@Component
class CamundaWebappSession {

  private final String engineName;

  CamundaWebappSession(ProcessEngine engine) {
    this.engineName = engine.getName();
  }

  Optional<String> userId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications logins = AuthenticationUtil.getAuthsFromSession(session);
    return Optional.ofNullable(logins.getAuthenticationForProcessEngine(engineName))
        .map(Authentication::getIdentityId);
  }
}
