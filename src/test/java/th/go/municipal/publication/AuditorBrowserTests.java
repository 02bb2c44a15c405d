package th.go.municipal.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.common.ThaiDates;

/**
 * The auditor at work, in a real browser (Debian chromium through chromedriver): logs into Cockpit,
 * which speaks Thai, follows its "งานตรวจสอบ" link to the auditors' pages, finds a published
 * request by its number and by its unit and month, reads its whole story with the diagram of the
 * path it took, and downloads its signed form; Tasklist carries the same link for auditors only;
 * Cockpit and Admin show Thai labels and Buddhist-era dates, and English stays one click away. Over
 * HTTP: everyone else is refused the audit trail, and the auditor changes nothing through the
 * engine's REST API. Skipped without chromium, failed instead on CI, as {@link
 * TasklistBrowserTests}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class AuditorBrowserTests {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final By AUDIT_LINK = By.cssSelector("a.cam-audit-link");

  @RegisterExtension
  static final ExecutionCondition BROWSER_INSTALLED =
      context -> {
        String missing = TasklistBrowserTests.missingBrowser();
        if (missing == null || TasklistBrowserTests.onCi()) {
          return ConditionEvaluationResult.enabled("chromium and chromedriver found");
        }
        return ConditionEvaluationResult.disabled(missing);
      };

  static ChromeDriver driver;
  static WebDriverWait wait;
  static Path profileDir;

  @LocalServerPort int port;

  @Autowired TestRestTemplate rest;

  @Autowired ProcessEngine engine;

  @Autowired IdentityService identityService;

  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startBrowser() throws IOException {
    String missing = TasklistBrowserTests.missingBrowser();
    if (missing != null) {
      Assertions.fail(missing);
    }
    Files.createDirectories(SCREENSHOTS);
    profileDir = Files.createTempDirectory("auditor-browser-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(TasklistBrowserTests.CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=1400,1000",
        "--user-data-dir=" + profileDir);
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(TasklistBrowserTests.CHROMEDRIVER))
                .usingAnyFreePort()
                .build(),
            options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(100));
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
  }

  @Test
  void auditorFindsAPublishedRequestReadsItsStoryAndDownloadsItsForm() throws Exception {
    String key = publishedRequest();
    logIn("cockpit", "auditor");

    // Cockpit's navigation, in Thai, leads to the auditors' pages.
    WebElement auditLink = wait.until(visibilityOfElementLocated(AUDIT_LINK));
    assertThat(auditLink.getText()).isEqualTo("งานตรวจสอบ");
    screenshot("cockpit-audit-link");
    auditLink.click();
    wait.until(d -> d.getCurrentUrl().endsWith("/audit/requests"));
    driver.findElement(By.name("number")).sendKeys(key);
    driver.findElement(By.cssSelector("form.search button[type=submit]")).click();
    assertThat(resultKeys()).as("found by its number").containsExactly(key);

    driver.get(base() + "/audit/requests");
    new Select(driver.findElement(By.name("unit"))).selectByVisibleText("สำนักปลัดเทศบาล");
    LocalDate today = LocalDate.now(ThaiDates.BANGKOK);
    new Select(driver.findElement(By.name("month")))
        .selectByValue(String.valueOf(today.getMonthValue()));
    driver.findElement(By.name("year")).sendKeys(String.valueOf(today.getYear() + 543));
    driver.findElement(By.cssSelector("form.search button[type=submit]")).click();
    assertThat(resultKeys()).as("found by its unit and month").contains(key);
    screenshot("auditor-search");

    driver.findElement(By.linkText(key)).click();
    wait.until(visibilityOfElementLocated(By.cssSelector("h1")));
    assertThat(driver.findElement(By.cssSelector(".status")).getText()).isEqualTo("เผยแพร่แล้ว");
    String signatures = driver.findElement(By.cssSelector("table.signatures")).getText();
    assertThat(signatures)
        .contains("สมชาย ใจดี", "นักประชาสัมพันธ์", "สมศรี มีสุข", "ปลัดเทศบาล", "ปกรณ์ เว็บไซต์")
        .contains("approve", "publish");
    assertThat(driver.findElement(By.cssSelector(".round")).getText())
        .contains("ประกาศรับสมัครพนักงานจ้างทั่วไป");
    assertThat(driver.findElement(By.cssSelector("table.trail")).getText())
        .contains("publishToWebsite", "storeSignedForm");
    WebElement diagram =
        wait.until(presenceOfElementLocated(By.cssSelector("#diagram[data-rendered]")));
    assertThat(Integer.parseInt(diagram.getDomAttribute("data-rendered")))
        .as("the steps taken are marked on the diagram")
        .isGreaterThan(5);
    assertThat(driver.findElements(By.cssSelector("#diagram .taken"))).isNotEmpty();
    screenshot("auditor-story");

    String pdfLink = driver.findElement(By.cssSelector("a.form-pdf")).getDomAttribute("href");
    ResponseEntity<byte[]> pdf = get("auditor", pdfLink, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("แบบฟอร์มการขอเผยแพร่ข้อมูลผ่านเว็บไซต์", key, "(สมศรี มีสุข)");
    }
    for (String reader : List.of("reporter.clerk", "head.clerk", "webmaster", "mayor")) {
      assertThat(get(reader, pdfLink, byte[].class).getStatusCode())
          .as(reader + " may read the form")
          .isEqualTo(HttpStatus.OK);
    }
    assertThat(get("head.finance", pdfLink, String.class).getStatusCode())
        .as("another unit may not")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyAuditorsAndAdministratorsReadTheTrailAndTheAuditorChangesNothing() throws Exception {
    String key = publishedRequest();
    for (String path :
        List.of(
            "/api/audit?businessKey=" + key,
            "/api/audit/verify",
            "/api/audit/export?from=2025-01-01&to=2030-12-31")) {
      for (String outsider : List.of("reporter.clerk", "head.clerk", "webmaster", "mayor")) {
        ResponseEntity<String> refused = get(outsider, path, String.class);
        assertThat(refused.getStatusCode())
            .as(outsider + " " + path)
            .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(json.readTree(refused.getBody()).get("message").asText()).contains("ผู้ตรวจสอบ");
      }
      assertThat(rest.getForEntity(path, String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(get("admin", path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
    JsonNode verified = json.readTree(get("auditor", "/api/audit/verify", String.class).getBody());
    assertThat(verified.get("intact").asBoolean()).isTrue();
    assertThat(verified.get("checked").asLong()).isPositive();
    assertThat(verified.get("firstBroken").isNull()).isTrue();
    JsonNode page =
        json.readTree(get("auditor", "/api/audit?businessKey=" + key, String.class).getBody());
    assertThat(page.findValuesAsText("action")).contains("sign", "publishToWebsite");
    ResponseEntity<String> csv =
        get("auditor", "/api/audit/export?from=2568-01-01&to=2599-12-31&format=csv", String.class);
    assertThat(csv.getBody()).contains(key).contains("storeSignedForm");
    assertThat(csv.getHeaders().getFirst("X-Audit-Chain-Head")).matches("\\d+:\\d+:[0-9a-f]{64}");
    assertThat(get("auditor", "/api/audit/export?from=yesterday", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    // The auditor reads a running request in Cockpit's API but cannot touch it.
    String running =
        as(
            "reporter.clerk",
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "publicationRequest", ProcessTestSupport.validRequest())
                    .getId());
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(running).singleResult();
    assertThat(
            send(
                "auditor",
                HttpMethod.POST,
                "/engine-rest/task/" + task.getId() + "/comment/create",
                Map.of("message", "ผู้ตรวจสอบแสดงความเห็น")))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            send(
                "auditor",
                HttpMethod.POST,
                "/engine-rest/task/" + task.getId() + "/claim",
                Map.of("userId", "auditor")))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(
            send(
                "auditor",
                HttpMethod.PUT,
                "/engine-rest/process-instance/" + running + "/variables/title",
                Map.of("value", "แก้โดยผู้ตรวจสอบ", "type", "String")))
        .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(engine.getTaskService().getTaskComments(task.getId())).isEmpty();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult())
        .extracting(Task::getAssignee)
        .isEqualTo("reporter.clerk");
    assertThat(engine.getRuntimeService().getVariable(running, "title"))
        .isEqualTo("ประกาศรับสมัครพนักงานจ้างทั่วไป");
    engine.getRuntimeService().deleteProcessInstance(running, "test finished");
  }

  @Test
  void cockpitAndAdminSpeakThaiWithBuddhistEraDatesAndEnglishStaysAChoice() throws Exception {
    String running = runningRequest();
    String definition =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(running)
            .singleResult()
            .getProcessDefinitionId();
    int buddhistYear = LocalDate.now(ThaiDates.BANGKOK).getYear() + 543;
    try {
      logIn("cockpit", "auditor");
      assertThat(navigation("กระบวนการ", "การตัดสินใจ", "งานของเจ้าหน้าที่", "งานตรวจสอบ"))
          .doesNotContain("Processes");
      assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("th");

      driver.get(base() + "/camunda/app/cockpit/default/#/process-definition/" + definition);
      WebElement started =
          wait.until(
              visibilityOfElementLocated(
                  By.xpath("//a[contains(@href,'" + running + "')]/ancestor::tr/td[3]")));
      assertThat(started.getText())
          .as("the start time in the Buddhist Era, Thai month, with seconds")
          .matches("\\d{1,2} [ก-๙.]+ " + buddhistYear + " \\d\\d:\\d\\d:\\d\\d");
      assertThat(driver.findElement(By.cssSelector("body")).getText())
          .contains("อินสแตนซ์กระบวนการ", "เหตุขัดข้อง", "ระยะเวลาเก็บประวัติ", "3650 วัน");
      screenshot("cockpit-thai");

      chooseLanguage("en");
      assertThat(navigation("Processes", "Decisions", "Audit")).doesNotContain("กระบวนการ");
      wait.until(
          d ->
              d.findElement(By.cssSelector("body")).getText().contains("Process Instances")
                  ? true
                  : null);
      screenshot("cockpit-english");
      chooseLanguage("th");
      navigation("กระบวนการ", "งานตรวจสอบ");

      logIn("admin", "admin");
      driver.get(base() + "/camunda/app/admin/default/#/users");
      assertThat(navigation("ผู้ใช้", "กลุ่ม", "ผู้เช่า", "สิทธิ์การใช้งาน", "ระบบ"))
          .doesNotContain("Users", "Authorizations");
      wait.until(
          d ->
              d.findElement(By.cssSelector("body")).getText().contains("ยุติธรรม ตรวจตรา")
                  ? true
                  : null);
      assertThat(driver.findElement(By.cssSelector("body")).getText())
          .contains("รายชื่อผู้ใช้", "เพิ่มผู้ใช้");
      screenshot("admin-thai");
    } finally {
      engine.getRuntimeService().deleteProcessInstance(running, "test finished");
    }
  }

  @Test
  void tasklistLinksAuditorsToTheirPagesAndShowsNoSuchLinkToOtherStaff() throws IOException {
    logIn("tasklist", "auditor");
    WebElement link = wait.until(visibilityOfElementLocated(AUDIT_LINK));
    assertThat(link.getText()).isEqualTo("งานตรวจสอบ");
    screenshot("tasklist-audit-link");
    link.click();
    wait.until(d -> d.getCurrentUrl().endsWith("/audit/requests"));
    wait.until(presenceOfElementLocated(By.name("number")));

    for (String[] other :
        new String[][] {{"tasklist", "reporter.clerk"}, {"cockpit", "webmaster"}}) {
      logIn(other[0], other[1]);
      // The link asks for the user's groups once the header is drawn, then decides.
      WebElement decided =
          wait.until(
              presenceOfElementLocated(By.cssSelector("a.cam-audit-link[data-access-checked]")));
      assertThat(decided.isDisplayed()).as(other[1] + " in " + other[0]).isFalse();
    }
  }

  private String publishedRequest() throws InterruptedException {
    ProcessInstance pi =
        as(
            "reporter.clerk",
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "publicationRequest", ProcessTestSupport.validRequest()));
    complete("reporter.clerk", pi, Map.of("reporterConfirmed", true));
    complete("head.clerk", pi, Map.of("headDecision", "approve"));
    complete("webmaster", pi, Map.of("webmasterDecision", "publish"));
    for (int i = 0; i < 600; i++) {
      if (engine
              .getHistoryService()
              .createHistoricActivityInstanceQuery()
              .processInstanceId(pi.getId())
              .activityId("Task_PublishToWebsite")
              .finished()
              .count()
          > 0) {
        return pi.getBusinessKey();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not published within 60 s");
  }

  private String runningRequest() {
    return as(
        "reporter.clerk",
        () ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey("publicationRequest", ProcessTestSupport.validRequest())
                .getId());
  }

  private void complete(String user, ProcessInstance pi, Map<String, Object> variables) {
    as(
        user,
        () -> {
          Task task =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceId(pi.getId())
                  .singleResult();
          engine.getTaskService().complete(task.getId(), variables);
          return null;
        });
  }

  private <T> T as(String user, java.util.function.Supplier<T> action) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Logs into a webapp in a fresh session, in Thai (the language a new browser gets). */
  private void logIn(String app, String user) {
    FreshBrowser.forgetEveryone(driver, base());
    driver.get(base() + "/camunda/app/" + app + "/default/#/login");
    untilOrDiagnose(
        "the login form of " + app,
        d -> {
          WebElement name = d.findElement(By.cssSelector("form[name=signinForm] input[type=text]"));
          WebElement password =
              d.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
          name.clear();
          name.sendKeys(user);
          password.clear();
          password.sendKeys("demo");
          return user.equals(name.getDomProperty("value"))
              && "demo".equals(password.getDomProperty("value"));
        });
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(presenceOfElementLocated(By.cssSelector(".cam-locale-switch")));
    wait.until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /** Waits, or fails with what the browser showed instead: its address, cookies and text. */
  private static <T> T untilOrDiagnose(
      String awaited, java.util.function.Function<WebDriver, T> condition) {
    try {
      return wait.until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      String seen =
          "at "
              + driver.getCurrentUrl()
              + " with cookies "
              + driver.manage().getCookies()
              + ", showing: "
              + driver.findElement(By.tagName("body")).getText();
      try {
        screenshot("failed-wait");
      } catch (IOException screenshotFailed) {
        e.addSuppressed(screenshotFailed);
      }
      throw new AssertionError("waited in vain for " + awaited + "; the browser was " + seen, e);
    }
  }

  /** The text of the page's navigation bar, once it shows all the labels given. */
  private String navigation(String... labels) {
    return wait.until(
        d -> {
          String text = d.findElement(By.cssSelector("[cam-widget-header]")).getText();
          for (String label : labels) {
            if (!text.contains(label)) {
              return null;
            }
          }
          return text;
        });
  }

  private void chooseLanguage(String code) {
    driver.findElement(By.cssSelector(".cam-locale-switch .dropdown-toggle")).click();
    wait.until(visibilityOfElementLocated(By.cssSelector(".cam-locale-" + code + " a"))).click();
    wait.until(
        d -> code.equals(((ChromeDriver) d).executeScript("return document.documentElement.lang")));
  }

  private List<String> resultKeys() {
    wait.until(presenceOfElementLocated(By.cssSelector("p.count")));
    return driver.findElements(By.cssSelector("table.results tbody tr td:first-child a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, type);
  }

  private HttpStatus send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth(user, "demo");
    return HttpStatus.valueOf(
        rest.exchange(path, method, new HttpEntity<>(body, headers), String.class)
            .getStatusCode()
            .value());
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static void screenshot(String name) throws IOException {
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }
}
