package th.go.municipal.publication.config;

import java.util.List;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The settings a production node refused to start with, each named with what to do. */
class ProductionSettingsRefused extends IllegalStateException {

  private final List<String> problems;

  ProductionSettingsRefused(List<String> problems) {
    super(
        "ไม่เริ่มระบบด้วยการตั้งค่าที่ไม่ปลอดภัยสำหรับการใช้งานจริง (refusing to start in production): "
            + String.join("; ", problems));
    this.problems = problems;
  }

  List<String> problems() {
    return problems;
  }

  /** Prints the refusal as Spring Boot's "APPLICATION FAILED TO START", without a stack trace. */
  static class Analyzer extends AbstractFailureAnalyzer<ProductionSettingsRefused> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionSettingsRefused cause) {
      return new FailureAnalysis(
          "ไม่เริ่มระบบด้วยการตั้งค่าที่ไม่ปลอดภัยสำหรับการใช้งานจริง (profile postgres):\n  - "
              + String.join("\n  - ", cause.problems()),
          "ตั้งค่าในไฟล์ /etc/municipal-publication/environment (see the README's Operations):"
              + " DB_PASSWORD and INQUIRY_SECRET, e.g. generated with `openssl rand -base64 32`;"
              + " never the demo profile.",
          cause);
    }
  }
}
