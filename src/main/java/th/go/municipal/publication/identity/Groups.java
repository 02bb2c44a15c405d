package th.go.municipal.publication.identity;

/** The group ids of the contract. */
public final class Groups {

  public static final String WEBMASTER = "webmaster";
  public static final String MAYOR = "mayor";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "camunda-admin";

  /**
   * Accounts of monitoring systems (Prometheus): health details and metrics, nothing in the engine.
   */
  public static final String MONITORING = "monitoring";

  private Groups() {}

  public static String reporter(String unit) {
    return "reporter-" + unit;
  }

  public static String head(String unit) {
    return "head-" + unit;
  }
}
