package th.go.municipal.publication.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
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

  /**
   * A call Spring MVC refuses before any handler runs: a wrong method (405, with Allow), media type
   * (415) or accepted type (406), a missing or malformed parameter or body (400). The client's
   * mistake: logged as such, never as a failure with a stack trace.
   */
  @ExceptionHandler({
    ErrorResponseException.class,
    HttpRequestMethodNotSupportedException.class,
    HttpMediaTypeException.class,
    ServletRequestBindingException.class,
    HttpMessageNotReadableException.class,
    TypeMismatchException.class
  })
  ResponseEntity<ApiError> clientError(Exception e, HttpServletRequest request) {
    ApiErrors.Translated refusal = ApiErrors.translate(e);
    if (refusal.status() < 500) {
      // A refusal of ours inside, e.g. a body over the limit.
      return ResponseEntity.status(refusal.status()).body(refusal.body());
    }
    int status = e instanceof ErrorResponse mvc ? mvc.getStatusCode().value() : 400;
    log.info(
        "Refused {} {} with {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        status,
        e.getMessage());
    ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
    if (e instanceof ErrorResponse mvc) {
      response.headers(mvc.getHeaders());
    }
    return response.body(
        switch (status) {
          case 405 ->
              new ApiError(
                  "method_not_allowed",
                  null,
                  "ที่อยู่นี้ไม่รับการเรียกแบบ " + request.getMethod() + " (method not allowed)");
          case 415 ->
              new ApiError(
                  "unsupported_media_type",
                  null,
                  "ไม่รับข้อมูลชนิด "
                      + request.getContentType()
                      + " ที่ที่อยู่นี้ (unsupported media type)");
          case 406 ->
              new ApiError(
                  "not_acceptable",
                  null,
                  "ไม่มีคำตอบในรูปแบบที่ขอ (Accept) ที่ที่อยู่นี้ (not acceptable)");
          default ->
              new ApiError("invalid", null, "ข้อมูลที่ส่งมาไม่ถูกต้องหรือไม่ครบถ้วน (bad request)");
        });
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
