package th.go.municipal.publication.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input or an action that the service refuses, with a Thai message naming the field.
 *
 * <p>It is the engine's {@link BadUserRequestException}: thrown from a listener it rolls back the
 * engine's transaction, and the engine logs it as the user's mistake, not as a failure. {@link
 * ApiErrors} finds it again inside the engine's wrapping exceptions and turns it into the
 * contract's JSON error with the right status.
 */
public class InputRejectedException extends BadUserRequestException {

  /** Why the input was refused; decides the HTTP status. */
  public enum Reason {
    INVALID(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413);

    public final int status;

    Reason(int status) {
      this.status = status;
    }
  }

  private final Reason reason;
  private final String field;
  private final boolean lostRace;

  public InputRejectedException(Reason reason, String field, String message) {
    this(reason, field, message, false);
  }

  private InputRejectedException(Reason reason, String field, String message, boolean lostRace) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.lostRace = lostRace;
  }

  /**
   * Someone else did the same thing a moment earlier (e.g. signed the same step): a 409 with the
   * given message, and nothing the caller did wrong, so nothing to keep as a refusal.
   */
  public static InputRejectedException lostRace(String message) {
    return new InputRejectedException(Reason.CONFLICT, null, message, true);
  }

  /** Whether this is a lost race rather than a refusal of what was sent. */
  public boolean isLostRace() {
    return lostRace;
  }

  public static InputRejectedException invalid(String field, String message) {
    return new InputRejectedException(Reason.INVALID, field, message);
  }

  public static InputRejectedException forbidden(String message) {
    return new InputRejectedException(Reason.FORBIDDEN, null, message);
  }

  /**
   * What was asked for does not exist (or is not the caller's to see: the same answer, as numbers
   * are guessable); {@code what} names it in Thai, e.g. "คำขอเลขที่ PR-2570-0001".
   */
  public static InputRejectedException notFound(String what) {
    return new InputRejectedException(Reason.NOT_FOUND, null, "ไม่พบ" + what + " (not found)");
  }

  public static InputRejectedException conflict(String field, String message) {
    return new InputRejectedException(Reason.CONFLICT, field, message);
  }

  public Reason getReason() {
    return reason;
  }

  public String getField() {
    return field;
  }
}
