package th.go.municipal.publication.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.form.handler.SubmitFormVariablesInvocation;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import th.go.municipal.publication.common.InputRejectedException;
import th.go.municipal.publication.common.VariableRules;

/**
 * Holds people to each process's {@link VariableRules} at the moment a variable is set, through
 * every client (Tasklist, the REST API, Cockpit) and every call (start, complete, submit-form, a
 * variable update): no task-local or branch-local variable that would shadow what a step signed, no
 * variable that only the service sets (signatures, numbers, the initiator), and files only in the
 * attachment slots, checked by content and size before they are stored.
 *
 * <p>A variable set by the application's own code (a listener or delegate of the models, the job
 * executor, the website with nobody logged in) is the service's and is not checked. The engine
 * reports each variable as it is set through its history events (the documented extension point for
 * them); a refusal thrown there rolls back the whole call, so nothing is half-stored. The
 * application's code is told apart by the engine's delegate interceptor, which runs it.
 */
@Component
class VariableGuard extends AbstractProcessEnginePlugin {

  /** How deep the current thread is in the application's own listeners and delegates. */
  private static final ThreadLocal<int[]> SERVICE_CODE = ThreadLocal.withInitial(() -> new int[1]);

  private final ObjectProvider<VariableRules> rules;
  private final ObjectProvider<ProcessEngine> engine;

  // Lazily: the engine and this plugin are built before the beans that hold the rules.
  VariableGuard(ObjectProvider<VariableRules> rules, ObjectProvider<ProcessEngine> engine) {
    this.rules = rules;
    this.engine = engine;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    // Not a bean of its own: the Camunda starter takes a single HistoryEventHandler bean.
    handlers.add(new VariableWrites());
    configuration.setCustomHistoryEventHandlers(handlers);
    DelegateInterceptor inner =
        Objects.requireNonNullElseGet(
            configuration.getDelegateInterceptor(), DefaultDelegateInterceptor::new);
    configuration.setDelegateInterceptor(invocation -> runAsService(inner, invocation));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!configuration
            .getHistoryLevel()
            .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, null)
        || !configuration
            .getHistoryLevel()
            .isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, null)) {
      throw new IllegalStateException(
          "camunda.bpm.history-level "
              + configuration.getHistoryLevel().getName()
              + " reports no variable changes: the rules on who sets which variable would not"
              + " hold. Use audit or full.");
    }
  }

  private static void runAsService(DelegateInterceptor inner, DelegateInvocation invocation)
      throws Exception {
    if (invocation instanceof SubmitFormVariablesInvocation) {
      // The engine submits a form's values through the interceptor too; they are people's.
      inner.handleInvocation(invocation);
      return;
    }
    int[] depth = SERVICE_CODE.get();
    depth[0]++;
    try {
      inner.handleInvocation(invocation);
    } finally {
      depth[0]--;
    }
  }

  /** Each variable as it is set, reported by the engine. */
  private final class VariableWrites implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable
          && (HistoryEventTypes.VARIABLE_INSTANCE_CREATE.getEventName().equals(event.getEventType())
              || HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                  .getEventName()
                  .equals(event.getEventType()))) {
        String person = personSetting();
        if (person != null) {
          check(person, variable);
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /** The person setting a variable now, or {@code null} when it is the service itself. */
  private String personSetting() {
    if (SERVICE_CODE.get()[0] > 0) {
      return null;
    }
    var authentication = engine.getObject().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private void check(String person, HistoricVariableUpdateEventEntity variable) {
    String name = variable.getVariableName();
    boolean file = "file".equals(variable.getSerializerName());
    VariableRules process = rulesFor(variable.getProcessDefinitionKey());
    if (process == null) {
      if (file) {
        throw noFileHere(name);
      }
      return;
    }
    if (variable.getTaskId() != null
        || !Objects.equals(variable.getExecutionId(), variable.getProcessInstanceId())) {
      throw InputRejectedException.forbidden(
          "ตัวแปร '"
              + name
              + "' ตั้งเฉพาะงานหรือเฉพาะขั้นตอนไม่ได้ ส่งค่าได้เมื่อเริ่มคำขอหรือเมื่อทำงานให้เสร็จเท่านั้น"
              + " (local variables are refused: send values when starting or completing)");
    }
    if (name.equals(process.starterVariable())) {
      if (!"string".equals(variable.getSerializerName())
          || !person.equals(variable.getTextValue())) {
        throw InputRejectedException.forbidden(
            "ผู้เริ่มกระบวนงาน ("
                + name
                + ") ระบบกำหนดจากผู้ที่เข้าสู่ระบบเท่านั้น"
                + " (the initiator is always the logged-in user)");
      }
      return;
    }
    if (file && !process.isFileSlot(name)) {
      throw noFileHere(name);
    }
    if (!process.peopleMaySet(name)) {
      throw InputRejectedException.forbidden(
          "ตัวแปร '"
              + name
              + "' กำหนดโดยระบบเท่านั้น ผู้ใช้ส่งค่านี้ไม่ได้ ("
              + name
              + " is set by the service, not by people)");
    }
    if (file) {
      process.checkFile(name, variable.getTextValue(), variable.getByteValue());
    } else if (process.isFileSlot(name) && !"null".equals(variable.getSerializerName())) {
      throw InputRejectedException.invalid(
          name, "ไฟล์แนบ (" + name + "): ต้องเป็นไฟล์ (type File) (must be a file)");
    }
  }

  private VariableRules rulesFor(String processKey) {
    return processKey == null
        ? null
        : rules.stream().filter(r -> r.processKey().equals(processKey)).findFirst().orElse(null);
  }

  private static InputRejectedException noFileHere(String name) {
    return InputRejectedException.invalid(
        name,
        "รับไฟล์ได้เฉพาะในช่องไฟล์แนบของคำขอเผยแพร่ (attachment1, attachment2, …) ไม่ใช่ในตัวแปร '"
            + name
            + "' (files only in the configured attachment slots)");
  }
}
