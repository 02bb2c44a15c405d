package th.go.municipal.publication.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production node (profile {@code postgres}) with what only a demo may have: the
 * demo users, or a secret that is missing, left at a default, or too short to resist guessing. It
 * runs before anything connects anywhere, so a wrong setting is named at once instead of surfacing
 * as a placeholder error or, worse, as a service that runs with a guessable password.
 */
class ProductionSettings implements EnvironmentPostProcessor {

  static final String PRODUCTION_PROFILE = "postgres";

  /** Passwords that installation guides, demos and people reach for first. */
  private static final Set<String> DEFAULTS =
      Set.of(
          "demo",
          "postgres",
          "publication",
          "password",
          "changeme",
          "change-me",
          "secret",
          "admin",
          "camunda",
          "123456",
          "12345678",
          "qwerty");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication app) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")
        || environment.containsProperty("demo.users[0].id")) {
      problems.add(
          "โปรไฟล์ postgres ไม่สร้างผู้ใช้ตัวอย่าง: เอาโปรไฟล์ demo และ demo.users ออก"
              + " (the postgres profile never creates demo users: remove the demo profile)");
    }
    secret(
        environment,
        "spring.datasource.password",
        "DB_PASSWORD",
        "รหัสผ่านฐานข้อมูล (database password)",
        12,
        problems);
    secret(
        environment,
        "publication.inquiry.secret",
        "INQUIRY_SECRET",
        "กุญแจลงนามแบบฟอร์มของประชาชน (feedback form key; the same on every node)",
        32,
        problems);
    if (environment.containsProperty("camunda.bpm.admin-user.id")) {
      secret(
          environment,
          "camunda.bpm.admin-user.password",
          "CAMUNDA_BPM_ADMINUSER_PASSWORD",
          "รหัสผ่านผู้ดูแลระบบเริ่มต้น (initial administrator's password)",
          12,
          problems);
    }
    if (!problems.isEmpty()) {
      throw new ProductionSettingsRefused(problems);
    }
  }

  private static void secret(
      ConfigurableEnvironment environment,
      String property,
      String variable,
      String what,
      int minimumLength,
      List<String> problems) {
    String value;
    try {
      value = environment.getProperty(property);
    } catch (IllegalArgumentException unresolvedPlaceholder) {
      value = null;
    }
    String named = what + " " + variable + " (" + property + ")";
    if (value == null || value.isBlank()) {
      problems.add(named + ": ไม่ได้กำหนด (missing)");
    } else if (DEFAULTS.contains(value.toLowerCase(Locale.ROOT))) {
      problems.add(named + ": เป็นค่าตัวอย่างที่ใครก็เดาได้ (a default anyone can guess)");
    } else if (value.length() < minimumLength) {
      problems.add(
          named
              + ": สั้นเกินไป ต้องยาวอย่างน้อย "
              + minimumLength
              + " ตัวอักษร (at least "
              + minimumLength
              + " characters)");
    }
  }
}
