package th.go.municipal.publication.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import th.go.municipal.publication.common.ApiError;
import th.go.municipal.publication.common.ApiErrors;

/** The contract's JSON errors for the application's own endpoints; never a stack trace. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return ResponseEntity.status(404).body(new ApiError("not_found", null, "ไม่พบหน้าที่ร้องขอ (not found)"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> failure(Exception e) {
    ApiErrors.Translated translated = ApiErrors.translate(e);
    if (translated.status() >= 500) {
      log.error("Request failed", e);
    }
    ResponseEntity.BodyBuilder response = ResponseEntity.status(translated.status());
    if (translated.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"publication\", charset=\"UTF-8\"");
    }
    return response.body(translated.body());
  }
}
