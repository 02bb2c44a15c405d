package th.go.municipal.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.FluentWait;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import th.go.municipal.publication.request.TestFiles;

/**
 * Staff doing the job in the real Tasklist, in a real browser: Debian's {@code chromium} driven by
 * {@code chromedriver} (Selenium), against the whole application on a random port with the demo
 * users. The job executor runs, so publishing happens by itself after the webmaster's decision.
 *
 * <p>Without chromium and chromedriver the tests are skipped with a message saying what to install;
 * on CI (environment variable {@code CI=true}) they fail instead. Other binaries: system properties
 * {@code chromium.binary} / {@code webdriver.chrome.driver} or environment variables {@code
 * CHROMIUM_PATH} / {@code CHROMEDRIVER_PATH}. Screenshots of every form passed through go to {@code
 * target/screenshots/}, and of the page where a test failed, with its HTML, as {@code FAILED-*}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      // Camunda's REST API, the webapps and their authentication serve the engine named "default".
      "camunda.bpm.generate-unique-process-engine-name=false"
    })
@ActiveProfiles({"demo", "test"})
class TasklistBrowserTests {

  static final String MISSING_BROWSER =
      "chromium and chromium-driver not installed: "
          + "sudo apt-get install chromium chromium-driver fonts-thai-tlwg; browser tests skipped";

  static final String PROCESS_NAME = "คำขอเผยแพร่ข้อมูลผ่านเว็บไซต์ (Publication request)";
  static final String CLERK_UNIT = "สำนักปลัดเทศบาล";
  static final String MY_TASKS = "งานของฉัน (";
  static final String MY_GROUP_TASKS = "งานของกลุ่มฉัน (";
  static final By COMPLETE = By.cssSelector(".form-actions button.btn-primary");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(30);

  static ChromeDriver driver;
  static WebDriverWait wait;
  static Path profileDir;
  static Path filesDir;

  /** On failure: what the browser showed and its HTML, next to the screenshots. */
  @RegisterExtension
  static final AfterTestExecutionCallback KEEP_FAILURE =
      context -> {
        if (driver != null && context.getExecutionException().isPresent()) {
          String name = "FAILED-" + context.getRequiredTestMethod().getName();
          try {
            driver.switchTo().alert().dismiss();
          } catch (NoAlertPresentException | UnsupportedOperationException e) {
            // no alert open
          }
          saveScreenshot(name);
          Files.writeString(
              SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        }
      };

  @LocalServerPort int port;

  @Autowired TestRestTemplate rest;

  @Autowired TaskService taskService;

  @Autowired HistoryService historyService;

  private final ObjectMapper json = new ObjectMapper();

  // ------------------------------------------------------------------------------------------
  // the browser: one for the class
  // ------------------------------------------------------------------------------------------

  static final String CHROMIUM = setting("chromium.binary", "CHROMIUM_PATH", "/usr/bin/chromium");
  static final String CHROMEDRIVER =
      setting("webdriver.chrome.driver", "CHROMEDRIVER_PATH", "/usr/bin/chromedriver");

  /**
   * Without chromium and chromedriver the class is skipped before the application starts, saying
   * what to install; on CI ({@code CI=true}) it runs, and {@link #startBrowser()} fails instead.
   */
  @RegisterExtension
  static final ExecutionCondition BROWSER_INSTALLED =
      context -> {
        String missing = missingBrowser();
        if (missing == null || onCi()) {
          return ConditionEvaluationResult.enabled("chromium and chromedriver found");
        }
        System.err.println("WARNING: " + missing);
        return ConditionEvaluationResult.disabled(missing);
      };

  /** What to install, or null when chromium and chromedriver are there. */
  static String missingBrowser() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(CHROMIUM))) {
      missing.add("no " + CHROMIUM);
    }
    if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
      missing.add("no " + CHROMEDRIVER);
    }
    return missing.isEmpty() ? null : MISSING_BROWSER + " (" + String.join(", ", missing) + ")";
  }

  static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    String missing = missingBrowser();
    if (missing != null) {
      Assertions.fail(
          missing.replace(
              "browser tests skipped",
              "CI=true, so the browser tests fail instead of" + " being skipped"));
    }

    deleteQuietly(SCREENSHOTS); // only this run's pictures
    Files.createDirectories(SCREENSHOTS);
    profileDir = Files.createTempDirectory("tasklist-browser-profile");
    filesDir = Files.createTempDirectory("tasklist-browser-files");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profileDir);
    // an alert opened by hostile input must be seen by the test, not dismissed by the driver
    options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
    // the network events, to see what the server answered the browser
    options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL"));
    ChromeDriverService.Builder service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort();
    if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
      // in the C locale chromedriver cannot open the Thai-named files the tests pick
      service.withEnvironment(Map.of("LC_ALL", "C.UTF-8"));
    }
    driver = new ChromeDriver(service.build(), options);
    wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(100));
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    deleteQuietly(profileDir);
    deleteQuietly(filesDir);
  }

  /** Nobody logged in: the session cookies go, and the next page is a fresh load of Tasklist. */
  @BeforeEach
  void nobodyIsLoggedIn() {
    FreshBrowser.forgetEveryone(driver, base());
  }

  // ------------------------------------------------------------------------------------------
  // the scenarios
  // ------------------------------------------------------------------------------------------

  /**
   * Given the three demo users, when the reporter starts a request with an image attached and signs
   * it, the head claims and approves it and the webmaster claims and publishes it, all in Tasklist,
   * then the item is on the website and the request shows PUBLISHED, three signatures and the file.
   */
  @Test
  void threeStaffTakeARequestWithAnAttachmentFromStartToPublishedInTasklist() throws Exception {
    String title = "ประกาศรับสมัครพนักงานจ้าง ทดสอบเบราว์เซอร์";
    Upload picture = writeFile("แผนผังสำนักงาน.png", TestFiles.image("png"));

    logIn("reporter.clerk");
    openStartForm();
    fillStartForm(
        title,
        "รายละเอียดการรับสมัคร ยื่นใบสมัครได้ที่สำนักปลัดเทศบาล ในวันและเวลาราชการ",
        "https://www.example.go.th/jobs");
    attach(picture);
    screenshot("a-1-start-request");
    String processInstanceId = startAndOpenPrepareTask("reporter.clerk");
    String key = businessKey(processInstanceId);
    assertThat(key).matches("PR-25\\d\\d-\\d{4}");
    WebElement prepareTitle =
        wait.until(
            visibilityOfElementLocated(By.cssSelector("form[name=prepareRequestForm] #pr-title")));
    wait.until(d -> title.equals(prepareTitle.getDomProperty("value")));
    wait.until(
        visibilityOfElementLocated(
            By.xpath(
                "//form[@name='prepareRequestForm']//a[normalize-space()='"
                    + picture.name()
                    + "']")));
    clickOn(By.cssSelector("form[name=prepareRequestForm] input[name=reporterConfirmed]"));
    screenshot("a-2-prepare-request");
    completeTask("prepareRequestForm");
    awaitTask(processInstanceId, "approveRequest");
    logOut();

    logIn("head.clerk");
    claimFromGroupTasks(processInstanceId, "approveRequest");
    WebElement approveForm =
        wait.until(visibilityOfElementLocated(By.cssSelector("form[name=approveRequestForm]")));
    wait.until(
        d ->
            approveForm.getText().contains(key)
                && approveForm.getText().contains(title)
                && approveForm.getText().contains("สมชาย ใจดี")
                // the file as the service judged it, from its record
                && approveForm.getText().contains(picture.name() + " (image/png, "));
    assertThat(
            approveForm
                .findElement(By.xpath(".//a[normalize-space()='" + picture.name() + "']"))
                .isDisplayed())
        .isTrue();
    choose("headDecision", "approve");
    screenshot("a-3-approve-request");
    completeTask("approveRequestForm");
    awaitTask(processInstanceId, "publishRequest");
    logOut();

    logIn("webmaster");
    claimFromGroupTasks(processInstanceId, "publishRequest");
    WebElement publishForm =
        wait.until(visibilityOfElementLocated(By.cssSelector("form[name=publishRequestForm]")));
    // both signatures as the service recorded them (GET /api/requests/{key})
    wait.until(
        d ->
            publishForm.getText().contains(key)
                && publishForm.getText().contains("สมชาย ใจดี ตำแหน่ง นักประชาสัมพันธ์")
                && publishForm.getText().contains("สมศรี มีสุข ตำแหน่ง ปลัดเทศบาล"));
    choose("webmasterDecision", "publish");
    screenshot("a-4-publish-request");
    completeTask("publishRequestForm");
    logOut();

    // publishing runs as a job after the webmaster's decision
    new FluentWait<>(rest)
        .withTimeout(Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(250))
        .withMessage(() -> key + " not listed by GET /api/published")
        .until(r -> publishedKeys(r).contains(key));
    JsonNode request = requestAs("webmaster", key);
    assertThat(request.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(request.get("title").asText()).isEqualTo(title);
    assertThat(request.get("signatures")).hasSize(3);
    assertThat(request.get("signatures").findValuesAsText("role"))
        .containsExactly("reporter", "approver", "publisher");
    assertThat(request.get("signatures").findValuesAsText("userId"))
        .containsExactly("reporter.clerk", "head.clerk", "webmaster");
    assertThat(request.get("attachments")).hasSize(1);
    assertThat(request.get("attachments").get(0).get("fileName").asText())
        .isEqualTo(picture.name());
    assertThat(request.get("attachments").get(0).get("mediaType").asText()).isEqualTo("image/png");
  }

  /**
   * Given a head logged into Tasklist, when they open the monitoring report in the same browser,
   * then the page shows the fiscal year's numbers (those of the JSON export) and its four charts,
   * drawn by the service as SVG: a bar per month, a bar per unit.
   */
  @Test
  void aHeadLoggedIntoTasklistReadsTheMonitoringReportWithItsCharts() throws Exception {
    logIn("head.clerk");

    driver.get(base() + "/reports/monitoring");

    wait.until(visibilityOfElementLocated(By.cssSelector("main.report h1")));
    assertThat(driver.findElement(By.cssSelector("main.report h1")).getText())
        .isEqualTo("รายงานผลการดำเนินงานการเผยแพร่ข้อมูลผ่านเว็บไซต์");
    List<WebElement> charts = driver.findElements(By.cssSelector("figure.chart svg"));
    assertThat(charts).hasSize(4);
    assertThat(driver.findElements(By.cssSelector("#chart-published svg rect.bar-rect")).size())
        .as("a bar per month of the fiscal year")
        .isEqualTo(12);
    assertThat(driver.findElements(By.cssSelector("#chart-units svg rect.bar-rect")))
        .hasSizeGreaterThanOrEqualTo(6);
    WebElement firstBar = driver.findElement(By.cssSelector("#chart-published svg rect.bar-rect"));
    assertThat(firstBar.getRect().getWidth()).as("the chart is drawn").isPositive();
    assertThat(driver.findElement(By.cssSelector("#chart-units figcaption")).getText())
        .isEqualTo("จำนวนข้อมูลที่เผยแพร่ แยกตามหน่วยงาน");
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("head.clerk", "demo", StandardCharsets.UTF_8);
    JsonNode report =
        json.readTree(
            rest.exchange(
                    "/api/reports/monitoring",
                    HttpMethod.GET,
                    new HttpEntity<>(headers),
                    String.class)
                .getBody());
    assertThat(driver.findElement(By.id("total-published")).getText())
        .isEqualTo(report.at("/totals/published").asText());
    assertThat(driver.findElement(By.id("total-page-views")).getText())
        .isEqualTo(report.at("/totals/pageViews").asText());
    screenshot("r-1-monitoring-report");

    FreshBrowser.forgetEveryone(driver, base());
    logIn("reporter.clerk");
    driver.get(base() + "/reports/monitoring");
    wait.until(visibilityOfElementLocated(By.cssSelector(".refusal")));
    assertThat(driver.findElement(By.cssSelector(".refusal")).getText())
        .contains("หัวหน้าหน่วยงาน");
    assertThat(driver.findElements(By.cssSelector("figure.chart"))).isEmpty();
  }

  /**
   * Given a Windows program saved as "ประกาศ.pdf", when the reporter attaches it in the start form
   * and starts, then Tasklist shows the server's Thai refusal naming the file, and no request
   * exists.
   */
  @Test
  void aProgramDisguisedAsPdfIsRefusedOnScreenWithTheFileNamedAndNothingStarted() throws Exception {
    long requestsBefore = publicationRequestsEverStarted();
    Upload disguised = writeFile("ประกาศ.pdf", TestFiles.windowsExecutable());

    logIn("reporter.clerk");
    openStartForm();
    fillStartForm(
        "ประกาศเทศบาล ไฟล์แนบปลอม", "มีไฟล์แนบที่เป็นโปรแกรม", "https://www.example.go.th/");
    attach(disguised);
    forgetNetwork();
    clickStart();

    WebElement refusal =
        wait.until(
            visibilityOfElementLocated(
                By.xpath(
                    "//div[contains(@class,'notifications')]//div[contains(@class,'alert-danger')]"
                        + "[contains(., 'ประกาศ.pdf')]")));
    assertThat(refusal.getText())
        .contains("ไม่สามารถเริ่มกระบวนการได้")
        .contains("ไฟล์แนบ 'ประกาศ.pdf'")
        .contains("โปรแกรม")
        .doesNotContain("Exception");
    // the start form stays open with what the reporter typed, to remove the file and try again
    assertThat(
            driver
                .findElement(By.cssSelector("form[name=startRequestForm] #pr-title"))
                .getDomProperty("value"))
        .isEqualTo("ประกาศเทศบาล ไฟล์แนบปลอม");
    screenshot("b-1-start-request-refused-file");
    JsonNode answer = answerTo("/submit-form");
    assertThat(answer.get("status").asInt())
        .as("the server refused the start as bad input")
        .isEqualTo(400);
    JsonNode error = json.readTree(answer.get("body").asText());
    assertThat(error.get("error").asText()).isEqualTo("invalid");
    assertThat(error.get("field").asText()).isEqualTo("attachment1");
    assertThat(refusal.getText()).contains(error.get("message").asText());
    assertThat(publicationRequestsEverStarted())
        .as("no request was started")
        .isEqualTo(requestsBefore);
  }

  /**
   * Given details holding a valid Thai national ID, when the reporter starts and signs the request,
   * then the reporter's prepare form and the head's approval form show the finding masked, and the
   * head cannot approve until a legal basis and an explanation are given; with them it goes through
   * and the basis is recorded.
   */
  @Test
  void aNationalIdInTheDetailsIsFlaggedToTheHeadWhoCanApproveOnlyWithABasis() throws Exception {
    String title = "รายชื่อผู้ได้รับเบี้ยยังชีพ ทดสอบข้อมูลส่วนบุคคล";
    String processInstanceId =
        startAndSign(
            "reporter.clerk",
            title,
            "ผู้ได้รับเบี้ยยังชีพ นายทดสอบ ระบบดี เลขประจำตัวประชาชน 1-1017-00207-03-0 ตรวจสอบแล้ว",
            "c-1-start-request-national-id",
            "c-2-prepare-request-national-id",
            "1-1017-xxxxx-xx-0");
    String key = businessKey(processInstanceId);
    logOut();

    logIn("head.clerk");
    claimFromGroupTasks(processInstanceId, "approveRequest");
    WebElement finding =
        wait.until(
            visibilityOfElementLocated(
                By.xpath(
                    "//form[@name='approveRequestForm']//div[contains(@class,'alert-danger')][contains(., '1-1017-xxxxx-xx-0')]")));
    assertThat(finding.getText())
        .contains("ระบบตรวจพบข้อมูลส่วนบุคคล")
        .doesNotContain("1-1017-00207-03-0");

    choose("headDecision", "approve");
    WebElement basis = wait.until(visibilityOfElementLocated(By.id("pr-pd-basis")));
    WebElement complete = completeButton();
    assertThat(complete.isEnabled()).as("approving without a basis is not possible").isFalse();
    assertThat(
            driver
                .findElement(
                    By.xpath("//label[@for='pr-pd-basis']/span[contains(@class,'pr-required')]"))
                .isDisplayed())
        .isTrue();
    assertThat(
            driver
                .findElement(By.cssSelector("form[name=approveRequestForm] .panel-danger"))
                .getText())
        .contains("จะอนุมัติได้เมื่อระบุฐานในการเปิดเผยและคำอธิบายเท่านั้น");
    screenshot("c-3-approve-request-refused-without-basis");

    new Select(basis).selectByValue("legal-duty");
    assertThat(complete.isEnabled()).as("a basis without an explanation is not enough").isFalse();
    driver
        .findElement(By.id("pr-pd-comment"))
        .sendKeys("เผยแพร่ตามระเบียบกระทรวงมหาดไทยว่าด้วยเบี้ยยังชีพ");
    wait.until(elementToBeClickable(complete));
    screenshot("c-4-approve-request-with-basis");
    completeTask("approveRequestForm");

    awaitTask(processInstanceId, "publishRequest");
    JsonNode request = requestAs("head.clerk", key);
    assertThat(request.get("status").asText()).isEqualTo("AWAITING_PUBLICATION");
    assertThat(request.get("personalData").findValuesAsText("masked"))
        .contains("1-1017-xxxxx-xx-0");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName("personalDataBasis")
                .singleResult()
                .getValue())
        .isEqualTo("legal-duty");
  }

  /**
   * Given a title that is an HTML tag with a script handler, when the request reaches the head,
   * then the approval form shows the title as the typed text and no script ran (no alert opened).
   */
  @Test
  void markupTypedIntoTheTitleIsShownAsTextAndRunsNoScript() throws Exception {
    String hostile = "<img src=x onerror=alert(1)>";
    String processInstanceId =
        startAndSign(
            "reporter.clerk",
            hostile,
            "ทดสอบข้อความที่เป็นแท็ก HTML",
            "d-1-start-request-markup",
            "d-2-prepare-request-markup",
            null);
    assertNoAlert();
    logOut();

    logIn("head.clerk");
    claimFromGroupTasks(processInstanceId, "approveRequest");
    WebElement shownTitle =
        wait.until(
            visibilityOfElementLocated(
                By.xpath(
                    "//form[@name='approveRequestForm']//tr[th[contains(., 'หัวข้อเรื่อง')]]/td")));
    wait.until(d -> hostile.equals(shownTitle.getText()));
    assertThat(shownTitle.findElements(By.tagName("img")))
        .as("no element made from the title")
        .isEmpty();
    assertNoAlert();
    screenshot("d-3-approve-request-markup-as-text");
  }

  /**
   * Given a file whose name is an HTML tag with a script handler, when the server refuses it, then
   * Tasklist's notification shows the name as text and no script runs. (The server's message
   * carries the name unescaped; Tasklist binds notifications as HTML and escapes their text itself,
   * which this keeps an eye on, e.g. against a customization marking messages "unsafe".)
   */
  @Test
  void aHostileFileNameInARefusalIsShownAsTextAndRunsNoScript() throws Exception {
    String name = "<img src=x onerror=alert(1)>.exe";
    Upload hostile = writeFile(name, TestFiles.windowsExecutable());

    logIn("reporter.clerk");
    openStartForm();
    fillStartForm(
        "ทดสอบชื่อไฟล์ที่เป็นแท็ก HTML", "ชื่อไฟล์เป็นแท็ก", "https://www.example.go.th/");
    attach(hostile);
    clickStart();

    WebElement refusal =
        wait.until(
            visibilityOfElementLocated(
                By.xpath(
                    "//div[contains(@class,'notifications')]//div[contains(@class,'alert-danger')]")));
    assertNoAlert();
    assertThat(refusal.findElements(By.tagName("img")))
        .as("no element made from the file name")
        .isEmpty();
    assertThat(refusal.getText()).contains(name);
    screenshot("e-1-start-request-refused-hostile-file-name");
  }

  // ------------------------------------------------------------------------------------------
  // Tasklist steps
  // ------------------------------------------------------------------------------------------

  private String base() {
    return "http://localhost:" + port;
  }

  private void logIn(String user) {
    driver.get(base() + "/camunda/app/tasklist/default/#/login");
    // the login page may be drawn twice while Tasklist starts: type until both fields hold what was
    // typed
    wait.until(
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
    wait.until(visibilityOfElementLocated(By.cssSelector(".start-process-action a")));
    wait.until(presenceOfElementLocated(By.cssSelector(".task-filter")));
  }

  private void logOut() {
    clickOn(
        By.xpath(
            "//li[contains(@class,'logout')]"
                + "/ancestor::li[contains(@class,'dropdown')][1]/a[contains(@class,'dropdown-toggle')]"));
    clickOn(By.cssSelector("li.logout a"));
    wait.until(visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
  }

  private void openStartForm() {
    clickOn(By.cssSelector(".start-process-action a"));
    By process =
        By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='" + PROCESS_NAME + "']");
    By form = By.cssSelector("form[name=startRequestForm] #pr-title");
    // The dialog's list is drawn again when its search results arrive: a click on the link it
    // replaces is lost (seen once in CI), so a person would click again, and so does this.
    wait.until(
        d -> {
          if (!d.findElements(form).isEmpty() && d.findElement(form).isDisplayed()) {
            return true;
          }
          clickOn(process);
          try {
            new WebDriverWait(d, Duration.ofSeconds(5), Duration.ofMillis(100))
                .until(visibilityOfElementLocated(form));
            return true;
          } catch (org.openqa.selenium.TimeoutException notYet) {
            return false;
          }
        });
    // the units come from GET /api/units
    wait.until(
        presenceOfElementLocated(
            By.xpath("//select[@id='pr-unit']/option[normalize-space()='" + CLERK_UNIT + "']")));
  }

  private void fillStartForm(String title, String details, String externalUrl) {
    new Select(driver.findElement(By.id("pr-unit"))).selectByVisibleText(CLERK_UNIT);
    driver.findElement(By.id("pr-title")).sendKeys(title);
    driver.findElement(By.id("pr-details")).sendKeys(details);
    new Select(driver.findElement(By.id("pr-category"))).selectByValue("other");
    driver.findElement(By.id("pr-url")).sendKeys(externalUrl);
  }

  /**
   * Picks a file as a person would: its path into the form's file input; waits until it is read.
   */
  private void attach(Upload file) {
    driver.findElement(By.id("pr-files")).sendKeys(file.path());
    String name = file.name();
    wait.until(
        visibilityOfElementLocated(
            By.xpath("//ul[contains(@class,'pr-files')]/li[contains(., '" + name + "')]")));
    wait.until(
        invisibilityOfElementLocated(
            By.xpath("//ul[contains(@class,'pr-files')]/li[contains(., '" + "กำลังอ่านไฟล์')]")));
  }

  private void clickStart() {
    clickOn(By.cssSelector(".modal-footer button.btn-primary"));
  }

  /** Starts a request with the start form and signs it in the prepare form that opens next. */
  private String startAndSign(
      String user,
      String title,
      String details,
      String startShot,
      String prepareShot,
      String shownToReporter) {
    logIn(user);
    openStartForm();
    fillStartForm(title, details, "https://www.example.go.th/");
    screenshot(startShot);
    String processInstanceId = startAndOpenPrepareTask(user);
    WebElement prepareTitle =
        wait.until(
            visibilityOfElementLocated(By.cssSelector("form[name=prepareRequestForm] #pr-title")));
    wait.until(d -> title.equals(prepareTitle.getDomProperty("value")));
    if (shownToReporter != null) {
      wait.until(
          visibilityOfElementLocated(
              By.xpath(
                  "//form[@name='prepareRequestForm']//div[contains(@class,'alert')]"
                      + "[contains(., '"
                      + shownToReporter
                      + "')]")));
    }
    clickOn(By.cssSelector("form[name=prepareRequestForm] input[name=reporterConfirmed]"));
    screenshot(prepareShot);
    completeTask("prepareRequestForm");
    awaitTask(processInstanceId, "approveRequest");
    return processInstanceId;
  }

  /**
   * Starts the filled start form; the prepare task is the starter's: opened from "My tasks".
   * Returns the new process instance.
   */
  private String startAndOpenPrepareTask(String user) {
    Set<String> before = prepareTasksOf(user);
    clickStart();
    wait.until(invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    Task prepare =
        new FluentWait<>(user)
            .withTimeout(WAIT)
            .pollingEvery(Duration.ofMillis(100))
            .withMessage(() -> "no new prepareRequest task for " + user)
            .until(
                u ->
                    taskService
                        .createTaskQuery()
                        .taskDefinitionKey("prepareRequest")
                        .taskAssignee(u)
                        .list()
                        .stream()
                        .filter(t -> !before.contains(t.getId()))
                        .findFirst()
                        .orElse(null));
    openFromFilter(MY_TASKS, prepare.getId());
    return prepare.getProcessInstanceId();
  }

  private Set<String> prepareTasksOf(String user) {
    return taskService
        .createTaskQuery()
        .taskDefinitionKey("prepareRequest")
        .taskAssignee(user)
        .list()
        .stream()
        .map(Task::getId)
        .collect(Collectors.toSet());
  }

  /** Clicks the filter, then the task in its list. */
  private void openFromFilter(String filter, String taskId) {
    clickOn(By.xpath("//div[contains(@class,'task-filter')]//a[contains(., '" + filter + "')]"));
    clickOn(By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']"));
  }

  /** Opens "My group tasks", picks the process instance's task there and claims it. */
  private void claimFromGroupTasks(String processInstanceId, String taskKey) {
    String taskId = awaitTask(processInstanceId, taskKey).getId();
    openFromFilter(MY_GROUP_TASKS, taskId);
    clickOn(By.cssSelector("button.claim"));
    wait.until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
    wait.until(d -> completeButton().isDisplayed());
  }

  private void choose(String radioName, String value) {
    clickOn(By.cssSelector("input[type=radio][name=" + radioName + "][value=" + value + "]"));
  }

  /**
   * Clicks what the locator finds once it is shown and enabled; Tasklist redraws its lists and
   * headers as data arrives, so an element found a moment ago may be gone: then it is found again.
   */
  private static void clickOn(By locator) {
    new WebDriverWait(driver, WAIT, Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .withMessage(() -> "could not click " + locator)
        .until(
            d -> {
              WebElement element = d.findElement(locator);
              if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
              }
              click(element);
              return true;
            });
  }

  /** Scrolls the element to the middle of its pane first, as a person would, then clicks it. */
  private static void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private WebElement completeButton() {
    return driver.findElement(COMPLETE);
  }

  /**
   * Completes the open task: done when Tasklist closes its form; a refusal shown instead fails the
   * test with its text.
   */
  private void completeTask(String formName) {
    closeNotifications();
    WebElement form = driver.findElement(By.cssSelector("form[name=" + formName + "]"));
    clickOn(COMPLETE);
    wait.until(
        d -> {
          List<WebElement> errors = d.findElements(By.cssSelector(".notifications .alert-danger"));
          for (WebElement error : errors) {
            if (error.isDisplayed()) {
              throw new AssertionError("Tasklist refused to complete the task: " + error.getText());
            }
          }
          try {
            return !form.isDisplayed();
          } catch (StaleElementReferenceException gone) {
            return true;
          }
        });
  }

  /** Drops the network events so far. */
  private void forgetNetwork() {
    driver.manage().logs().get(LogType.PERFORMANCE);
  }

  /**
   * The browser's last request whose address contains the text, since {@link #forgetNetwork()}: the
   * status the server answered and the body, as {@code {"status": ..., "body": ...}}.
   */
  private JsonNode answerTo(String urlPart) throws IOException {
    String requestId = null;
    int status = 0;
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message = json.readTree(entry.getMessage()).path("message");
      JsonNode response = message.path("params").path("response");
      if ("Network.responseReceived".equals(message.path("method").asText())
          && response.path("url").asText().contains(urlPart)) {
        requestId = message.path("params").path("requestId").asText();
        status = response.path("status").asInt();
      }
    }
    assertThat(requestId).as("the browser requested " + urlPart).isNotNull();
    Object body =
        driver
            .executeCdpCommand("Network.getResponseBody", Map.of("requestId", requestId))
            .get("body");
    return json.valueToTree(Map.of("status", status, "body", String.valueOf(body)));
  }

  /** Closes the notices at the page's foot, which can cover the form's buttons. */
  private static void closeNotifications() {
    ((JavascriptExecutor) driver)
        .executeScript(
            "document.querySelectorAll('.page-notifications .alert button.close').forEach(function (b) { b.click(); });");
    wait.until(invisibilityOfElementLocated(By.cssSelector(".page-notifications .alert")));
  }

  private void assertNoAlert() {
    assertThatThrownBy(
            () -> new WebDriverWait(driver, Duration.ofSeconds(1)).until(alertIsPresent()))
        .as("no JavaScript alert opens")
        .isInstanceOf(TimeoutException.class);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
  }

  // ------------------------------------------------------------------------------------------
  // screenshots and files
  // ------------------------------------------------------------------------------------------

  /**
   * A PNG of the whole page: the window is made tall enough for the longest scrolled pane (Tasklist
   * scrolls forms inside its panes and the start dialog inside the modal), then restored.
   */
  private static void screenshot(String name) {
    closeNotifications();
    saveScreenshot(name);
  }

  private static void saveScreenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Dimension normal = driver.manage().window().getSize();
      long overflow =
          ((Number)
                  ((JavascriptExecutor) driver)
                      .executeScript(
                          "var most = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);"
                              + "document.querySelectorAll('*').forEach(function (e) {"
                              + "  var s = getComputedStyle(e);"
                              + "  if (/(auto|scroll)/.test(s.overflowY) && e.clientHeight > 0) {"
                              + "    most = Math.max(most, e.scrollHeight - e.clientHeight);"
                              + "  }"
                              + "});"
                              + "return most;"))
              .longValue();
      if (overflow > 0) {
        driver
            .manage()
            .window()
            .setSize(
                new Dimension(
                    normal.getWidth(), (int) Math.min(normal.getHeight() + overflow + 40, 8000)));
        ((JavascriptExecutor) driver)
            .executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
      }
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      if (overflow > 0) {
        driver.manage().window().setSize(normal);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file on disk for the browser to pick: its full path and its name, as text. */
  record Upload(String path, String name) {}

  /**
   * Writes a file with the given (Thai) name. A JVM in the C locale cannot name files in Thai, so
   * then the file is written under an ASCII name and renamed by the shell; the browser gets the
   * UTF-8 path.
   */
  private static Upload writeFile(String name, byte[] content)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(filesDir, "f");
    try {
      Files.write(dir.resolve(name), content);
    } catch (InvalidPathException e) {
      Path ascii = dir.resolve("upload.bin");
      Files.write(ascii, content);
      StringBuilder octal = new StringBuilder();
      for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
        octal.append(String.format("\\%03o", b & 0xff));
      }
      Process mv =
          new ProcessBuilder(
                  "/bin/sh",
                  "-c",
                  "mv -- \"$1\" \"$(dirname \"$1\")/$(printf \"$2\")\"",
                  "sh",
                  ascii.toString(),
                  octal.toString())
              .inheritIO()
              .start();
      assertThat(mv.waitFor()).as("rename to " + name).isZero();
    }
    return new Upload(dir + "/" + name, name);
  }

  private static String setting(String property, String environment, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(environment);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      // Files.delete, not File.delete: a Thai name survives only as the path's bytes in the C
      // locale
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  // left behind
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }

  // ------------------------------------------------------------------------------------------
  // the engine and the API, to check what the screens did
  // ------------------------------------------------------------------------------------------

  private Task task(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task).as("task " + taskId).isNotNull();
    return task;
  }

  private Task awaitTask(String processInstanceId, String taskKey) {
    return new FluentWait<>(taskService)
        .withTimeout(WAIT)
        .pollingEvery(Duration.ofMillis(100))
        .withMessage(() -> "no " + taskKey + " task in " + processInstanceId)
        .until(
            t ->
                t.createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(taskKey)
                    .singleResult());
  }

  private String businessKey(String processInstanceId) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  private long publicationRequestsEverStarted() {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey("publicationRequest")
        .count();
  }

  private List<String> publishedKeys(TestRestTemplate client) {
    try {
      return json.readTree(client.getForObject("/api/published", String.class))
          .findValuesAsText("businessKey");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode requestAs(String user, String key) throws IOException {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo", StandardCharsets.UTF_8);
    ResponseEntity<String> response =
        rest.exchange(
            "/api/requests/" + key, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }
}
