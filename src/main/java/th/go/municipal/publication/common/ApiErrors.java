package th.go.municipal.publication.common;

import java.sql.SQLException;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Translates any failure into the contract's status and JSON error, for both our own endpoints and
 * Camunda's REST API. Engine listeners wrap our exceptions, so the cause chain is searched first.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** A status code and its JSON body. */
  public record Translated(int status, ApiError body) {}

  /** How the engine says that a task acted on does not exist (any more). */
  private static final String TASK_GONE = "Cannot find task with id";

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
    ApiError conflict = conflict(failure);
    if (conflict != null) {
      return new Translated(409, conflict);
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

  /**
   * The answer to someone who lost a race, or null: another person (on this node or another one)
   * changed, claimed or completed the same thing a moment earlier. The engine finds this by its
   * optimistic locking, by a task that is claimed or gone, and the database by a lock it could not
   * get; whichever way, the caller is told once, in Thai, to reload and look again.
   */
  public static ApiError conflict(Throwable failure) {
    TaskAlreadyClaimedException claimed = find(failure, TaskAlreadyClaimedException.class);
    if (claimed != null) {
      return new ApiError(
          "conflict",
          null,
          "งานนี้มี "
              + claimed.getTaskAssignee()
              + " รับไปดำเนินการแล้ว กรุณาโหลดรายการงานใหม่ (the task was claimed by someone else)");
    }
    NullValueException missing = find(failure, NullValueException.class);
    if (missing != null
        && missing.getMessage() != null
        && missing.getMessage().startsWith(TASK_GONE)) {
      return taskGone();
    }
    if (find(failure, OptimisticLockingException.class) != null
        || find(failure, ConcurrencyFailureException.class) != null
        || lostLock(find(failure, SQLException.class))) {
      return new ApiError(
          "conflict",
          null,
          "ข้อมูลถูกเปลี่ยนแปลงโดยผู้อื่นพร้อมกัน กรุณาโหลดใหม่แล้วลองอีกครั้ง (concurrent change)");
    }
    return null;
  }

  /**
   * A task that was open when the caller acted on it, or when its list was loaded, and is not any
   * more: someone else completed it, or its process went another way.
   */
  public static ApiError taskGone() {
    return new ApiError(
        "conflict",
        null,
        "งานนี้ไม่อยู่ในรายการงานแล้ว: มีผู้ดำเนินการเสร็จไปก่อนหน้านี้หรือถูกยกเลิก"
            + " กรุณาโหลดรายการงานใหม่ (the task is no longer open: someone else completed it)");
  }

  /**
   * A database's word for a transaction that lost a lock: serialization failure or deadlock (40001,
   * 40P01 on PostgreSQL; 40001 on H2), lock not available (55P03) or H2's lock timeout.
   */
  private static boolean lostLock(SQLException e) {
    if (e == null || e.getSQLState() == null) {
      return false;
    }
    return Set.of("40001", "40P01", "55P03", "HYT00").contains(e.getSQLState());
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
