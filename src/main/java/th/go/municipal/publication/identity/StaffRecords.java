package th.go.municipal.publication.identity;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.Objects;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * The names that signatures carry come from a record the signer cannot edit. Camunda gives every
 * new user ALL on their own account, so anyone could rename themselves (and sign under the mayor's
 * name) or delete their own account; here a user may read their account and change their own
 * password, and only an administrator changes a name. Positions are user info, which no API outside
 * the service writes ({@link IdentitySeeder} sets them from configuration).
 */
@Component
class StaffRecords extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new OwnAccountReadAndPassword());
    configuration.setIdentityProviderSessionFactory(
        new GenericManagerFactory(NamesByAdministrators.class));
  }

  /** A new user may read their account and update it (their password), nothing more. */
  static class OwnAccountReadAndPassword extends DefaultAuthorizationProvider {
    @Override
    public AuthorizationEntity[] newUser(User user) {
      return new AuthorizationEntity[] {
        createGrantAuthorization(user.getId(), null, USER, user.getId(), READ, UPDATE)
      };
    }
  }

  /** The engine's own user store, which refuses a changed name from anyone but administrators. */
  public static class NamesByAdministrators extends DbIdentityServiceProvider {
    @Override
    public IdentityOperationResult saveUser(User user) {
      UserEntity stored = user.getId() == null ? null : findUserById(user.getId());
      if (stored != null) {
        // Whoever may not update this user at all is told so by the engine's own check first.
        checkAuthorization(UPDATE, USER, user.getId());
      }
      if (stored != null
          && (!Objects.equals(stored.getFirstName(), user.getFirstName())
              || !Objects.equals(stored.getLastName(), user.getLastName()))
          && getCurrentAuthentication() != null
          && !getAuthorizationManager().isCamundaAdmin(getCurrentAuthentication())) {
        throw InputRejectedException.forbidden(
            "ชื่อและนามสกุลของเจ้าหน้าที่ ผู้ดูแลระบบเท่านั้นที่แก้ไขได้ เพราะเป็นชื่อที่ปรากฏในลายมือชื่อ"
                + " (only administrators change staff names: signatures carry them)");
      }
      return super.saveUser(user);
    }
  }
}
