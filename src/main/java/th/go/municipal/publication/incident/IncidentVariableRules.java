package th.go.municipal.publication.incident;

import java.util.Set;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.VariableRules;

/**
 * What people send when they start an incident report: the unit and the incident's facts. When an
 * urgent publication request raises the report, the engine passes on its number and title as the
 * report starts; a report started on its own keeps neither ({@link RegisterIncidentDelegate}). The
 * incident number, unit name and signatures are the service's.
 */
@Component
class IncidentVariableRules implements VariableRules {

  private static final Set<String> SENT_AT_START =
      Set.of(
          IncidentVariables.UNIT,
          IncidentVariables.INCIDENT_AT,
          IncidentVariables.LOCATION,
          IncidentVariables.AFFECTED_COUNT,
          IncidentVariables.DAMAGE_AREA,
          IncidentVariables.CAUSE,
          IncidentVariables.REMEDY,
          IncidentVariables.REQUEST_KEY,
          IncidentVariables.REQUEST_TITLE);

  @Override
  public boolean peopleMaySetAtStart(String name) {
    return SENT_AT_START.contains(name);
  }

  @Override
  public String starterVariable() {
    return IncidentVariables.STARTER;
  }
}
