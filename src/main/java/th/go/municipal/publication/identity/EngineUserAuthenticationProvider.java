package th.go.municipal.publication.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password sent to {@code /api} against the engine's users: the same
 * accounts as Tasklist and {@code /engine-rest}; wrong passwords count towards the lock-out per
 * client address ({@link LoginGuard}). Every call is checked again, so a changed password takes
 * effect at once.
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  EngineUserAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    if (login.getCredentials() instanceof String password
        && identityService.checkPassword(login.getName(), password)) {
      UsernamePasswordAuthenticationToken user =
          UsernamePasswordAuthenticationToken.authenticated(
              login.getName(), null, AuthorityUtils.NO_AUTHORITIES);
      user.setDetails(login.getDetails());
      return user;
    }
    throw new BadCredentialsException("wrong user name or password");
  }

  @Override
  public boolean supports(Class<?> login) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(login);
  }
}
