package th.go.municipal.publication.inquiry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public feedback form: response deadline, reminder, escalation, and its protection against
 * abuse.
 */
@ConfigurationProperties(prefix = "publication.inquiry")
public class InquiryProperties {

  private int responseDays = 15;
  private Duration reminderBefore = Duration.ofDays(3);
  private String defaultUnit = "clerk";
  private List<String> escalateTo = new ArrayList<>(List.of("mayor", "head-clerk"));
  private String secret = "";
  private Duration minFillTime = Duration.ofSeconds(3);
  private Duration maxFormAge = Duration.ofHours(2);
  private RateLimit rateLimit = new RateLimit();
  private Duration personalDataRetention = Duration.ofDays(730);
  private String retentionCron = "0 15 2 * * *";

  /** Submissions allowed per requester address, counted in memory and in the table. */
  public static class RateLimit {
    private int perHour = 5;
    private int perDay = 20;
    private int trackedAddresses = 10_000;

    public int getPerHour() {
      return perHour;
    }

    public void setPerHour(int perHour) {
      this.perHour = perHour;
    }

    public int getPerDay() {
      return perDay;
    }

    public void setPerDay(int perDay) {
      this.perDay = perDay;
    }

    public int getTrackedAddresses() {
      return trackedAddresses;
    }

    public void setTrackedAddresses(int trackedAddresses) {
      this.trackedAddresses = trackedAddresses;
    }
  }

  public int getResponseDays() {
    return responseDays;
  }

  public void setResponseDays(int responseDays) {
    this.responseDays = responseDays;
  }

  public Duration getReminderBefore() {
    return reminderBefore;
  }

  public void setReminderBefore(Duration reminderBefore) {
    this.reminderBefore = reminderBefore;
  }

  public String getDefaultUnit() {
    return defaultUnit;
  }

  public void setDefaultUnit(String defaultUnit) {
    this.defaultUnit = defaultUnit;
  }

  public List<String> getEscalateTo() {
    return escalateTo;
  }

  public void setEscalateTo(List<String> escalateTo) {
    this.escalateTo = escalateTo;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public Duration getMinFillTime() {
    return minFillTime;
  }

  public void setMinFillTime(Duration minFillTime) {
    this.minFillTime = minFillTime;
  }

  public Duration getMaxFormAge() {
    return maxFormAge;
  }

  public void setMaxFormAge(Duration maxFormAge) {
    this.maxFormAge = maxFormAge;
  }

  /** How long after the answer the requester's personal data is kept (PDPA). */
  public Duration getPersonalDataRetention() {
    return personalDataRetention;
  }

  public void setPersonalDataRetention(Duration personalDataRetention) {
    this.personalDataRetention = personalDataRetention;
  }

  /** When requests past their retention period are anonymised (Bangkok time). */
  public String getRetentionCron() {
    return retentionCron;
  }

  public void setRetentionCron(String retentionCron) {
    this.retentionCron = retentionCron;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  public void setRateLimit(RateLimit rateLimit) {
    this.rateLimit = rateLimit;
  }
}
