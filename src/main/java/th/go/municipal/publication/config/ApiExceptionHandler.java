package th.go.municipal.publication.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** The contract's JSON errors for the application's own endpoints; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MunicipalityProperties municipality;

  ApiExceptionHandler(MunicipalityProperties municipality) {
    this.municipality = municipality;
  }

  /** An unknown address: the website's Thai page for people, the JSON error for the API. */
  @ExceptionHandler(NoResourceFoundException.class)
  Object notFound(NoResourceFoundException e, HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/api/")) {
      return ResponseEntity.status(404)
          .body(new ApiError("not_found", null, "ไม่พบหน้าที่ร้องขอ (not found)"));
    }
    ModelAndView page =
        new ModelAndView(
            "website/not-found",
            Map.of("municipality", municipality, "navSection", "", "gone", false));
    page.setStatus(HttpStatus.NOT_FOUND);
    return page;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> failure(Exception e) {
    ApiErrors.Translated translated = ApiErrors.translate(e);
    if (translated.status() >= 500) {
      log.error("Request failed", e);
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(translated.status());
    if (translated.status() == 401) {
      response.header(
          HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"publication\", charset=\"UTF-8\"");
    }
    return response.body(translated.body());
  }
}
