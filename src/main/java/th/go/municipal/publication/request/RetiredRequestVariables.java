package th.go.municipal.publication.request;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.AfterStart;

/**
 * Removes from running requests the variables that earlier versions rewrote at every step and the
 * forms now read from the service's record (signatures, return reason, findings, list of files).
 * Each step holds those names unset, so a request started before the upgrade would otherwise be
 * refused at its next step. One query when there is nothing left to remove; every node may run it.
 */
@Component
class RetiredRequestVariables {

  private static final Logger log = LoggerFactory.getLogger(RetiredRequestVariables.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final AfterStart afterStart;

  RetiredRequestVariables(
      RepositoryService repository, RuntimeService runtime, AfterStart afterStart) {
    this.repository = repository;
    this.runtime = runtime;
    this.afterStart = afterStart;
  }

  /** After the first answer: the query reads every running instance's variables of these names. */
  @EventListener(ApplicationReadyEvent.class)
  void afterStart() {
    afterStart.run(this::removeFromRunningRequests);
  }

  void removeFromRunningRequests() {
    // Other processes may use the same names for their own (the quarterly report's returnReason).
    Set<String> requestModels =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(RequestVariables.PROCESS_KEY)
            .list()
            .stream()
            .map(ProcessDefinition::getId)
            .collect(Collectors.toSet());
    Map<String, List<String>> byInstance =
        runtime
            .createVariableInstanceQuery()
            .variableNameIn(RequestVariables.RETIRED.toArray(String[]::new))
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .list()
            .stream()
            .filter(v -> requestModels.contains(v.getProcessDefinitionId()))
            .filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()))
            .collect(
                Collectors.groupingBy(
                    VariableInstance::getProcessInstanceId,
                    Collectors.mapping(VariableInstance::getName, Collectors.toList())));
    // Staff are already at work: a request that moves on at this moment keeps its variables until
    // the next start, and the others are still tidied.
    int removed = 0;
    for (Map.Entry<String, List<String>> instance : byInstance.entrySet()) {
      try {
        runtime.removeVariables(instance.getKey(), instance.getValue());
        removed++;
      } catch (ProcessEngineException e) {
        log.warn(
            "Old variables of request instance {} stay until the next start", instance.getKey(), e);
      }
    }
    if (removed > 0) {
      log.info(
          "Removed the variables the forms now read from the record from {} running requests",
          removed);
    }
  }
}
