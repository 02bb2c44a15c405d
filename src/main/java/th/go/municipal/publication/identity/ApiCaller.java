package th.go.municipal.publication.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Who is calling the application's own API: a user with HTTP basic credentials (scripts,
 * integrations) or a user logged into the Camunda webapps (forms in Tasklist), the same accounts
 * either way.
 */
@Component
public class ApiCaller {

  private final IdentityService identityService;
  private final ProcessEngine processEngine;

  ApiCaller(IdentityService identityService, ProcessEngine processEngine) {
    this.identityService = identityService;
    this.processEngine = processEngine;
  }

  /** The caller, or a 401 refusal. */
  public String requireUser(HttpServletRequest request) {
    return userId(request)
        .orElseThrow(
            () ->
                new InputRejectedException(
                    InputRejectedException.Reason.UNAUTHORIZED,
                    null,
                    "กรุณาเข้าสู่ระบบ (authentication required)"));
  }

  public Optional<String> userId(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(header.substring(6).trim());
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(processEngine.getName());
    return Optional.ofNullable(authentication).map(Authentication::getIdentityId);
  }

  private Optional<String> basic(String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    return identityService.checkPassword(user, decoded.substring(colon + 1))
        ? Optional.of(user)
        : Optional.empty();
  }
}
