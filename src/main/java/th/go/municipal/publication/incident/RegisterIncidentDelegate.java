package th.go.municipal.publication.incident;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.identity.CurrentUser;
import th.go.municipal.publication.identity.MunicipalityProperties;

/** At the start of an incident report: validate it, give it its incident number, store it. */
@Component("registerIncident")
class RegisterIncidentDelegate implements ExecutionListener {

  private final IncidentService incidents;
  private final IncidentVariableRules rules;
  private final MunicipalityProperties municipality;

  RegisterIncidentDelegate(
      IncidentService incidents, IncidentVariableRules rules, MunicipalityProperties municipality) {
    this.incidents = incidents;
    this.rules = rules;
    this.municipality = municipality;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String user = CurrentUser.id(execution.getProcessEngineServices());
    rules.checkStart(execution.getVariablesTyped(), user);
    boolean calledFromRequest = execution.getSuperExecution() != null;
    String requestKey =
        calledFromRequest ? (String) execution.getVariable(IncidentVariables.REQUEST_KEY) : null;
    IncidentReport report =
        incidents.register(
            user, execution.getProcessInstanceId(), requestKey, execution.getVariables());
    execution.setProcessBusinessKey(report.getIncidentKey());
    if (!calledFromRequest) {
      // Only a request passes these on; a report started on its own names no request.
      execution.removeVariables(
          List.of(IncidentVariables.REQUEST_KEY, IncidentVariables.REQUEST_TITLE));
    }
    execution.setVariable(IncidentVariables.INCIDENT_KEY, report.getIncidentKey());
    execution.setVariable(IncidentVariables.UNIT_NAME, municipality.unitName(report.getUnit()));
  }
}
