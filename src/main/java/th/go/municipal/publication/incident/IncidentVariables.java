package th.go.municipal.publication.incident;

/** Process variables of the urgent-incident report (announcement section 3). */
public final class IncidentVariables {

  public static final String UNIT = "unit";
  public static final String INCIDENT_AT = "incidentAt";
  public static final String LOCATION = "incidentLocation";
  public static final String AFFECTED_COUNT = "affectedCount";
  public static final String DAMAGE_AREA = "damageArea";
  public static final String CAUSE = "cause";
  public static final String REMEDY = "remedy";
  public static final String MAYOR_COMMENT = "mayorComment";
  public static final String REQUEST_KEY = "requestKey";
  public static final String REQUEST_TITLE = "requestTitle";
  public static final String STARTER = "incidentStarter";
  public static final String INCIDENT_KEY = "incidentKey";
  public static final String UNIT_NAME = "unitName";
  public static final String REPORTER_SIGNATURE = "incidentReporterSignature";
  public static final String MAYOR_SIGNATURE = "mayorSignature";

  public static final String REPORT_INCIDENT = "reportIncident";
  public static final String ACKNOWLEDGE_INCIDENT = "acknowledgeIncident";

  private IncidentVariables() {}
}
