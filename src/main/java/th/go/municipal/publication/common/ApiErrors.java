package th.go.municipal.publication.common;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Translates any failure into the contract's status and JSON error, for both our own endpoints and
 * Camunda's REST API. Engine listeners wrap our exceptions, so the cause chain is searched first.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** A status code and its JSON body. */
  public record Translated(int status, ApiError body) {}

  public static Translated translate(Throwable failure) {
    InputRejectedException rejected = find(failure, InputRejectedException.class);
    if (rejected != null) {
      return new Translated(
          rejected.getReason().status,
          new ApiError(
              rejected.getReason().name().toLowerCase(),
              rejected.getField(),
              rejected.getMessage()));
    }
    if (find(failure, AuthorizationException.class) != null) {
      return new Translated(
          403,
          new ApiError(
              "forbidden",
              null,
              "ท่านไม่มีสิทธิ์ดำเนินการนี้ (forbidden): "
                  + find(failure, AuthorizationException.class).getMessage()));
    }
    if (find(failure, OptimisticLockingException.class) != null) {
      return new Translated(
          409,
          new ApiError(
              "conflict",
              null,
              "ข้อมูลถูกเปลี่ยนแปลงโดยผู้อื่นพร้อมกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง (concurrent change)"));
    }
    if (failure instanceof RestException rest && rest.getStatus() != null) {
      int status = rest.getStatus().getStatusCode();
      String code = status == 404 ? "not_found" : status == 401 ? "unauthorized" : "invalid";
      return new Translated(
          status, new ApiError(code, null, thaiPrefix(status) + rest.getMessage()));
    }
    if (find(failure, NotFoundException.class) != null) {
      return new Translated(
          404,
          new ApiError(
              "not_found",
              null,
              "ไม่พบข้อมูลที่ร้องขอ (not found): "
                  + find(failure, NotFoundException.class).getMessage()));
    }
    if (find(failure, BadUserRequestException.class) != null
        || find(failure, NullValueException.class) != null
        || find(failure, InvalidRequestException.class) != null) {
      return new Translated(
          400,
          new ApiError(
              "invalid", null, "ข้อมูลที่ส่งมาไม่ถูกต้อง (bad request): " + rootMessage(failure)));
    }
    return new Translated(
        500,
        new ApiError(
            "internal", null, "ระบบขัดข้อง กรุณาลองใหม่หรือติดต่อผู้ดูแลระบบ (internal error)"));
  }

  private static String thaiPrefix(int status) {
    return switch (status) {
      case 404 -> "ไม่พบข้อมูลที่ร้องขอ (not found): ";
      case 401 -> "กรุณาเข้าสู่ระบบ (unauthorized): ";
      case 403 -> "ท่านไม่มีสิทธิ์ดำเนินการนี้ (forbidden): ";
      default -> "ข้อมูลที่ส่งมาไม่ถูกต้อง (bad request): ";
    };
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
