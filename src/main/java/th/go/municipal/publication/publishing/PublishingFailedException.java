package th.go.municipal.publication.publishing;

import java.util.List;

/**
 * An outside website refused or did not answer. Thrown inside the publishing job, so the job fails,
 * Camunda retries it with back-off and finally shows this message (Thai, then English) as the
 * incident in Cockpit. Messages carry the HTTP status and the target's own error code, never a
 * credential.
 */
public class PublishingFailedException extends RuntimeException {

  private final int status;

  PublishingFailedException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The target answered with a status that is not success. */
  static PublishingFailedException status(
      String target, Action action, String businessKey, int status, String detail) {
    return new PublishingFailedException(
        target
            + " ตอบกลับสถานะ HTTP "
            + status
            + " ขณะ"
            + action.thai
            + " "
            + businessKey
            + " ("
            + target
            + " answered HTTP "
            + status
            + " while "
            + action.english
            + " "
            + businessKey
            + ")"
            + (detail == null || detail.isBlank() ? "" : ": " + detail),
        status,
        null);
  }

  /** The target could not be reached or did not answer within the read timeout. */
  static PublishingFailedException unreachable(
      String target, Action action, String businessKey, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage());
    return new PublishingFailedException(
        "ติดต่อ "
            + target
            + " ไม่ได้หรือไม่ตอบภายในเวลาที่กำหนด ขณะ"
            + action.thai
            + " "
            + businessKey
            + " (could not reach "
            + target
            + " or it timed out while "
            + action.english
            + " "
            + businessKey
            + "): "
            + why,
        0,
        cause);
  }

  /**
   * The target refused the configured user or password (e.g. a revoked application password): only
   * the settings named can fix it, so the message says which.
   */
  static PublishingFailedException loginRefused(
      String target, String businessKey, String user, int status, String detail, String settings) {
    return new PublishingFailedException(
        target
            + " ไม่ยอมรับผู้ใช้ '"
            + user
            + "' หรือรหัสผ่านสำหรับแอปพลิเคชัน (HTTP "
            + status
            + ") ขณะ"
            + Action.CHECK_USER.thai
            + " "
            + businessKey
            + ": ตรวจสอบว่าผู้ใช้ยังอยู่และรหัสผ่านยังไม่ถูกเพิกถอน แก้ "
            + settings
            + " แล้วสั่งทำงานซ้ำ ("
            + target
            + " refused the user '"
            + user
            + "' or its application password (HTTP "
            + status
            + ") while "
            + Action.CHECK_USER.english
            + " "
            + businessKey
            + ")"
            + (detail == null || detail.isBlank() ? "" : ": " + detail),
        status,
        null);
  }

  /** The target accepted the user, but the user may not do what publishing needs. */
  static PublishingFailedException notAllowed(
      String target,
      String businessKey,
      String user,
      List<String> missing,
      String roleThai,
      String roleEnglish) {
    return new PublishingFailedException(
        "ผู้ใช้ '"
            + user
            + "' ของ "
            + target
            + " มีสิทธิ์ไม่พอสำหรับ "
            + businessKey
            + " (ขาด "
            + String.join(", ", missing)
            + "): ต้องมีบทบาท"
            + roleThai
            + " (the "
            + target
            + " user '"
            + user
            + "' lacks "
            + String.join(", ", missing)
            + " for "
            + businessKey
            + "; it needs the role "
            + roleEnglish
            + ")",
        403,
        null);
  }

  /** The target answered success but without what the protocol promises (e.g. no post id). */
  static PublishingFailedException badAnswer(
      String target, Action action, String businessKey, String what) {
    return new PublishingFailedException(
        target
            + " ตอบกลับไม่ครบ ขณะ"
            + action.thai
            + " "
            + businessKey
            + " ("
            + target
            + " answered without "
            + what
            + " while "
            + action.english
            + " "
            + businessKey
            + ")",
        0,
        null);
  }

  /** The HTTP status the target answered, or 0 when it did not answer. */
  public int getStatus() {
    return status;
  }

  /** What was being done, for the message. */
  enum Action {
    CHECK_USER("ตรวจสอบผู้ใช้และสิทธิ์สำหรับ", "checking the user and its rights for"),
    FIND_POST("ค้นหาโพสต์เดิมของ", "looking up the existing post of"),
    CREATE_POST("สร้างโพสต์ของ", "creating the post of"),
    UPDATE_POST("ปรับปรุงโพสต์ของ", "updating the post of"),
    UNPUBLISH_POST("นำโพสต์ลงของ", "taking down the post of"),
    FIND_MEDIA("ค้นหาไฟล์แนบเดิมของ", "looking up the uploaded attachments of"),
    UPLOAD_MEDIA("อัปโหลดไฟล์แนบของ", "uploading an attachment of"),
    ATTACH_MEDIA("ผูกไฟล์แนบกับโพสต์ของ", "attaching an uploaded file to the post of"),
    DELETE_MEDIA("ลบไฟล์แนบของ", "deleting an attachment of"),
    SEND_PUBLISH("ส่งการเผยแพร่", "sending the publish event of"),
    SEND_UNPUBLISH("ส่งการนำข้อมูลลง", "sending the unpublish event of");

    final String thai;
    final String english;

    Action(String thai, String english) {
      this.thai = thai;
      this.english = english;
    }
  }
}
