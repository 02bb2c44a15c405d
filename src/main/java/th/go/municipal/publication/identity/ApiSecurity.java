package th.go.municipal.publication.identity;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationProvider;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.HandlerExceptionResolver;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * Spring Security for the application's own {@code /api}, the staff's pages ({@code /audit}, {@code
 * /reports}, {@code /staff}) and Spring Boot Actuator, and nothing else. A caller is authenticated
 * by HTTP basic against the engine's users or by the Camunda webapp session of a Tasklist form;
 * each endpoint then decides what that caller may do ({@link ApiCaller}), and anonymous calls reach
 * the public ones ({@code /api/published}, {@code /api/units}, {@code /api/oit-items}). The
 * website, {@code /feedback}, the webapps and {@code /engine-rest} never pass through Spring
 * Security: they keep their own authentication.
 */
@Configuration
class ApiSecurity {

  /**
   * Spring Security's filter, mapped to {@code /api}, {@code /audit}, {@code /reports}, {@code
   * /staff} and {@code /actuator} only. Spring Boot would map it to every path (its {@code
   * SecurityFilterAutoConfiguration} is excluded in {@code PublicationApplication}), where its
   * request firewall would refuse website addresses that are valid today, such as a file name with
   * {@code %} in it. More paths can be added here when they need Spring Security.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean apiSecurityFilter(SecurityProperties security) {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(
            AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.setOrder(security.getFilter().getOrder());
    registration.setDispatcherTypes(
        security.getFilter().getDispatcherTypes().stream()
            .map(type -> DispatcherType.valueOf(type.name()))
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(DispatcherType.class))));
    registration.addUrlPatterns("/api/*", "/audit/*", "/reports/*", "/staff/*", "/actuator/*");
    return registration;
  }

  /**
   * Spring Boot Actuator: health (liveness, readiness) is public with its status only; its details
   * and the metrics are for members of {@code monitoring} (a Prometheus account) or {@code
   * camunda-admin}, with HTTP basic. Engine groups become roles for this chain alone, so that the
   * health endpoint shows its details to the same people.
   */
  @Bean
  @Order(1)
  SecurityFilterChain actuatorFilterChain(
      HttpSecurity http,
      EngineUserAuthenticationProvider engineUsers,
      IdentityService identityService,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors)
      throws Exception {
    AuthenticationEntryPoint loginRequired =
        (request, response, failure) ->
            errors.resolveException(request, response, null, ApiCaller.loginRequired());
    AccessDeniedHandler notForYou =
        (request, response, failure) ->
            errors.resolveException(
                request,
                response,
                null,
                InputRejectedException.forbidden(
                    "เฉพาะระบบเฝ้าระวังและผู้ดูแลระบบเท่านั้น (monitoring or camunda-admin only)"));
    AuthenticationProvider withGroups =
        new AuthenticationProvider() {
          @Override
          public Authentication authenticate(Authentication login) {
            Authentication user = engineUsers.authenticate(login);
            List<GrantedAuthority> roles =
                identityService.createGroupQuery().groupMember(user.getName()).list().stream()
                    .map(
                        group ->
                            (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + group.getId()))
                    .toList();
            return UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, roles);
          }

          @Override
          public boolean supports(Class<?> login) {
            return engineUsers.supports(login);
          }
        };
    return http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .hasAnyRole(Groups.MONITORING, Groups.ADMIN))
        .authenticationManager(new ProviderManager(withGroups))
        .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
        .exceptionHandling(
            handling ->
                handling.authenticationEntryPoint(loginRequired).accessDeniedHandler(notForYou))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiFilterChain(
      HttpSecurity http,
      CamundaWebappSession webappSession,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors)
      throws Exception {
    // The contract's 401 JSON, written by the same exception handler as every other API error.
    AuthenticationEntryPoint loginRequired =
        (request, response, failure) ->
            errors.resolveException(request, response, null, ApiCaller.loginRequired());
    return http.securityMatcher("/api/**", "/audit/**", "/reports/**", "/staff/**")
        // Each endpoint decides (public list, login required, who may see what), as before.
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
        .addFilterAfter(webappSessionFilter(webappSession), BasicAuthenticationFilter.class)
        .exceptionHandling(handling -> handling.authenticationEntryPoint(loginRequired))
        // Scripts log in on every call and get no session. The session a Tasklist form brings is
        // the webapps': its id must not change under Tasklist's concurrent calls (Spring Security's
        // session-fixation protection would change it, and Tasklist would show its login page).
        .sessionManagement(
            session ->
                session
                    .sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
        // No cookie of ours authenticates a change: basic credentials are sent on purpose, and the
        // webapps' session cookie is SameSite=Lax, so another site cannot post with it.
        .csrf(AbstractHttpConfigurer::disable)
        // Security headers have one place for the whole service: config.SecurityHeadersFilter.
        .headers(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * Takes the user logged into the Camunda webapps when a call brings no basic credentials: the
   * webapps have authenticated that user already, which is the case Spring Security's
   * pre-authenticated filter is made for.
   */
  private static AbstractPreAuthenticatedProcessingFilter webappSessionFilter(
      CamundaWebappSession webappSession) {
    PreAuthenticatedAuthenticationProvider provider = new PreAuthenticatedAuthenticationProvider();
    provider.setPreAuthenticatedUserDetailsService(
        login ->
            User.withUsername((String) login.getPrincipal())
                .password("")
                .authorities(AuthorityUtils.NO_AUTHORITIES)
                .build());
    AbstractPreAuthenticatedProcessingFilter filter =
        new AbstractPreAuthenticatedProcessingFilter() {
          @Override
          protected Object getPreAuthenticatedPrincipal(HttpServletRequest request) {
            return webappSession.userId(request).orElse(null);
          }

          @Override
          protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
            return "";
          }
        };
    filter.setAuthenticationManager(new ProviderManager(provider));
    filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    return filter;
  }
}
