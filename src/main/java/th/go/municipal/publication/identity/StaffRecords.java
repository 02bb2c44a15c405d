package th.go.municipal.publication.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.filter.OncePerRequestFilter;
import th.go.municipal.publication.common.ApiError;

/**
 * The names that signatures carry come from a record the signer cannot edit. Camunda gives every
 * new user ALL on their own account, so anyone could rename themselves (and sign under the mayor's
 * name) or delete their own account. Here a user keeps reading their account and changing their own
 * password (UPDATE on it, which Camunda also needs for a password); their profile (names, e-mail)
 * is changed and an account deleted only by an administrator, through the REST API and the webapps
 * alike. Positions are user info, which no API outside the service writes ({@link IdentitySeeder}
 * sets them from configuration).
 */
@Configuration
class StaffRecords {

  /** A user's profile, or the user itself, in Camunda's REST API and in the webapps' copy of it. */
  private static final Pattern ACCOUNT =
      Pattern.compile("/(?:engine-rest|camunda/api/engine/engine/[^/]+)/user/([^/]+)(/profile)?/?");

  private static final Permission[] OWN_ACCOUNT = {Permissions.READ, Permissions.UPDATE};

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  StaffRecords(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffRecordsFilter(
      CamundaWebappSession webappSession, StaffDirectory staff, ObjectMapper json) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            Matcher account = ACCOUNT.matcher(request.getRequestURI());
            boolean changesAccount =
                account.matches()
                    && (("PUT".equals(request.getMethod()) && account.group(2) != null)
                        || ("DELETE".equals(request.getMethod()) && account.group(2) == null));
            if (!changesAccount || isAdministrator(request, webappSession, staff)) {
              chain.doFilter(request, response);
              return;
            }
            new ApiError(
                    "forbidden",
                    null,
                    "ชื่อ นามสกุล และบัญชีของเจ้าหน้าที่ ผู้ดูแลระบบเท่านั้นที่แก้ไขหรือลบได้"
                        + " เพราะเป็นชื่อที่ปรากฏในลายมือชื่อ (only administrators change or delete"
                        + " staff accounts: signatures carry their names)")
                .writeTo(response, json, HttpServletResponse.SC_FORBIDDEN);
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setName("staff-records");
    registration.addUrlPatterns("/engine-rest/user/*", "/camunda/api/engine/*");
    // After Camunda's authentication of /engine-rest (config.RestApiConfiguration), which tells
    // the engine who calls; the webapps' caller is read from their session.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }

  private boolean isAdministrator(
      HttpServletRequest request, CamundaWebappSession webappSession, StaffDirectory staff) {
    if (request.getRequestURI().startsWith("/engine-rest/")) {
      var caller = identityService.getCurrentAuthentication();
      return caller != null
          && caller.getGroupIds() != null
          && caller.getGroupIds().contains(Groups.ADMIN);
    }
    Optional<String> caller = webappSession.userId(request);
    return caller.isPresent() && staff.isMember(caller.get(), Groups.ADMIN);
  }

  /**
   * A user just created (in Admin or through the REST API) gets READ and UPDATE on their own
   * account instead of Camunda's ALL, in the same transaction, once the engine has written it.
   */
  @EventListener
  void onAccountCreated(UserOperationLogEntry entry) {
    if (EntityTypes.USER.equals(entry.getEntityType())
        && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
        && "userId".equals(entry.getProperty())
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      String userId = entry.getNewValue();
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              restrictOwnAccount(userId);
            }
          });
    }
  }

  /** Leaves a user READ and UPDATE on their own account; answers how many grants it changed. */
  int restrictOwnAccount(String userId) {
    var caller = identityService.getCurrentAuthentication();
    // The service's own rule, whoever created the user.
    identityService.clearAuthentication();
    try {
      List<Authorization> own =
          authorizationService
              .createAuthorizationQuery()
              .authorizationType(Authorization.AUTH_TYPE_GRANT)
              .userIdIn(userId)
              .resourceType(Resources.USER)
              .resourceId(userId)
              .list();
      int changed = 0;
      for (Authorization authorization : own) {
        if (authorization.isPermissionGranted(Permissions.DELETE)) {
          authorization.setPermissions(OWN_ACCOUNT);
          authorizationService.saveAuthorization(authorization);
          changed++;
        }
      }
      return changed;
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
