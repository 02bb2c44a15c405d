package th.go.municipal.publication.notification;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.identity.ApiCaller;
import th.go.municipal.publication.identity.MunicipalityProperties;

/**
 * Each member of staff chooses their e-mails: tasks arriving (at once, as a morning digest, or
 * not), their requests returned, their requests published. A small page in Thai ({@code
 * /staff/notifications}, with the Tasklist login) and the same as JSON for scripts ({@code
 * /api/notification-preferences}); each person sees and changes only their own.
 */
@Controller
class NotificationPreferencesController {

  /** One person's choices as the API shows them. */
  record PreferencesView(
      String userId, String taskArrived, boolean requestReturned, boolean itemPublished) {}

  private final StaffNotices notices;
  private final ApiCaller caller;
  private final MunicipalityProperties municipality;

  NotificationPreferencesController(
      StaffNotices notices, ApiCaller caller, MunicipalityProperties municipality) {
    this.notices = notices;
    this.caller = caller;
    this.municipality = municipality;
  }

  @GetMapping("/api/notification-preferences")
  @ResponseBody
  PreferencesView showPreferences(HttpServletRequest http) {
    return view(caller.requireUser(http));
  }

  @PostMapping("/api/notification-preferences")
  @ResponseBody
  PreferencesView changePreferences(
      @RequestBody Map<String, Object> body, HttpServletRequest http) {
    String userId = caller.requireUser(http);
    notices.choose(
        userId,
        taskArrival(body.get("taskArrived")),
        flag("requestReturned", body.get("requestReturned")),
        flag("itemPublished", body.get("itemPublished")));
    return view(userId);
  }

  @GetMapping("/staff/notifications")
  String showPreferencesPage(
      @RequestParam(required = false) String saved,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("municipality", municipality);
    String userId = caller.userId(http).orElse(null);
    if (userId == null) {
      return loginRequired(response, model);
    }
    model.addAttribute("preferences", view(userId));
    model.addAttribute("saved", saved != null);
    return "notification/preferences";
  }

  @PostMapping("/staff/notifications")
  String changePreferencesPage(
      @RequestParam(required = false) String taskArrived,
      @RequestParam(required = false) String requestReturned,
      @RequestParam(required = false) String itemPublished,
      HttpServletRequest http,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("municipality", municipality);
    String userId = caller.userId(http).orElse(null);
    if (userId == null) {
      return loginRequired(response, model);
    }
    notices.choose(
        userId, taskArrival(taskArrived), requestReturned != null, itemPublished != null);
    return "redirect:/staff/notifications?saved";
  }

  private static String loginRequired(HttpServletResponse response, Model model) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"publication\", charset=\"UTF-8\"");
    model.addAttribute("message", "กรุณาเข้าสู่ระบบ (authentication required)");
    return "reports/refused";
  }

  private PreferencesView view(String userId) {
    NotificationPreference p = notices.preferenceOf(userId);
    return new PreferencesView(
        userId,
        p.getTaskArrived().name().toLowerCase(),
        p.isRequestReturned(),
        p.isItemPublished());
  }

  private static NotificationPreference.TaskArrival taskArrival(Object value) {
    String text = value == null ? "" : value.toString().strip().toUpperCase();
    try {
      return NotificationPreference.TaskArrival.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw InputRejectedException.invalid(
          "taskArrived",
          "การแจ้งงานใหม่ (taskArrived): ต้องเป็น immediate, digest หรือ off"
              + " (immediate, digest or off)");
    }
  }

  private static boolean flag(String field, Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw InputRejectedException.invalid(
        field, field + ": ต้องเป็น true หรือ false (a boolean is required)");
  }
}
