package th.go.municipal.publication.incident;

import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * What people send in an incident report: the unit, the incident's facts and the mayor's comment.
 * When an urgent publication request raises the report, the engine passes on its number and title
 * as the report starts; a report started on its own keeps neither ({@link
 * RegisterIncidentDelegate}). The incident number, unit name and signatures are the service's.
 */
@Component
class IncidentVariableRules implements VariableRules {

  static final String PROCESS_KEY = "incidentReport";

  private static final Set<String> SENT_BY_PEOPLE =
      Set.of(
          IncidentVariables.UNIT,
          IncidentVariables.INCIDENT_AT,
          IncidentVariables.LOCATION,
          IncidentVariables.AFFECTED_COUNT,
          IncidentVariables.DAMAGE_AREA,
          IncidentVariables.CAUSE,
          IncidentVariables.REMEDY,
          IncidentVariables.MAYOR_COMMENT,
          IncidentVariables.REQUEST_KEY,
          IncidentVariables.REQUEST_TITLE);

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public boolean peopleMaySet(String name) {
    return SENT_BY_PEOPLE.contains(name);
  }

  @Override
  public String starterVariable() {
    return IncidentVariables.STARTER;
  }
}
