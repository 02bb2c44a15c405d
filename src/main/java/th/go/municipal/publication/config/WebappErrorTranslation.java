package th.go.municipal.publication.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.common.InputRejectedException;

/**
 * The contract's JSON errors for the webapps' own REST API ({@code /camunda/api/engine}, what
 * Tasklist calls). Unlike {@code /engine-rest} that application takes no extra exception mappers,
 * and it answers a refusal from one of our listeners with a 500 that hides the Thai message behind
 * the engine's. So the refusal is noted where it is thrown (around every delegate call) and, for a
 * request that then fails, the answer is replaced by the refusal's status and message.
 */
@Configuration
class WebappErrorTranslation {

  /** The refusal of the current webapp request, if one of our delegates refused it. */
  static final class Refusal {
    private static final ThreadLocal<InputRejectedException[]> CURRENT = new ThreadLocal<>();

    private Refusal() {}

    static void begin() {
      CURRENT.set(new InputRejectedException[1]);
    }

    static void note(InputRejectedException e) {
      InputRejectedException[] slot = CURRENT.get();
      if (slot != null && slot[0] == null) {
        slot[0] = e;
      }
    }

    static InputRejectedException end() {
      InputRejectedException[] slot = CURRENT.get();
      CURRENT.remove();
      return slot == null ? null : slot[0];
    }
  }

  /** Notes refusals as delegates throw them, before the engine wraps them. */
  static class NotingDelegateInterceptor extends DefaultDelegateInterceptor {
    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      try {
        super.handleInvocation(invocation);
      } catch (InputRejectedException e) {
        Refusal.note(e);
        throw e;
      }
    }
  }

  @Bean
  AbstractProcessEnginePlugin refusalNotingPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDelegateInterceptor(new NotingDelegateInterceptor());
      }
    };
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappErrorFilter(ObjectMapper json) {
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected boolean shouldNotFilter(HttpServletRequest request) {
            // Refusals come from changes; reads (and large file downloads) pass unbuffered.
            return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
          }

          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
            Refusal.begin();
            InputRejectedException refusal;
            try {
              chain.doFilter(request, buffered);
            } finally {
              refusal = Refusal.end();
            }
            if (refusal != null && buffered.getStatus() >= 400) {
              ApiErrors.Translated translated = ApiErrors.translate(refusal);
              buffered.resetBuffer();
              response.setStatus(translated.status());
              response.setContentType(MediaType.APPLICATION_JSON_VALUE);
              response.setCharacterEncoding("UTF-8");
              response.getOutputStream().write(json.writeValueAsBytes(translated.body()));
              return;
            }
            buffered.copyBodyToResponse();
          }
        };
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setName("webapp-error-translation");
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }
}
