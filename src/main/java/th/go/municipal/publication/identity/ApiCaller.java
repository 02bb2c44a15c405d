package th.go.municipal.publication.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Who is calling the application's own API, as {@link ApiSecurity} authenticated them: a user with
 * HTTP basic credentials (scripts, integrations) or a user logged into the Camunda webapps (forms
 * in Tasklist), the same accounts either way.
 */
@Component
public class ApiCaller {

  /** The caller, or a 401 refusal. */
  public String requireUser(HttpServletRequest request) {
    return userId(request).orElseThrow(ApiCaller::loginRequired);
  }

  public Optional<String> userId(HttpServletRequest request) {
    return Optional.ofNullable(request.getRemoteUser());
  }

  static InputRejectedException loginRequired() {
    return new InputRejectedException(
        InputRejectedException.Reason.UNAUTHORIZED,
        null,
        "กรุณาเข้าสู่ระบบ (authentication required)");
  }
}
